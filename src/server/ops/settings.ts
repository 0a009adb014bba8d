import { config, loadConfig } from '#server/config/config.ts';

/**
 * Operating settings, from the configuration module: how long staged uploads live, how much free
 * space the health check wants, how long the audit log is kept. Each has a default that suits one
 * campaign of a few weeks on one server; the README's 配置 table lists them.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

export interface OpsSettings {
  /** Staged uploads never bound to a submission are removed after this long; their tokens stop working. */
  stagedTtlMs: number;
  /** Below this much free space in DATA_DIR, /healthz answers 503 and new uploads are refused. */
  minFreeBytes: number;
  /** Audit entries older than this are pruned; never less than 180 days. */
  auditKeepMs: number;
}

/** The settings in `env` (the running process's configuration by default); throws ConfigError on a bad value. */
export function opsSettings(env?: Record<string, string | undefined>): OpsSettings {
  const settings = env ? loadConfig(env) : config();
  return {
    stagedTtlMs: settings.STAGED_UPLOAD_DAYS * DAY_MS,
    minFreeBytes: settings.MIN_FREE_MB * MB,
    auditKeepMs: Math.max(180, settings.AUDIT_KEEP_DAYS) * DAY_MS,
  };
}
