/**
 * Operating settings read from the environment once: how long staged uploads live, how much free
 * space the health check wants, how long the audit log is kept. Each has a default that suits one
 * campaign of a few weeks on one server; the README's 配置 table lists them.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`环境变量 ${name} 应为正数，现在是“${raw}”。请改正或删除它后重新启动。`);
  }
  return value;
}

export interface OpsSettings {
  /** Staged uploads never bound to a submission are removed after this long; their tokens stop working. */
  stagedTtlMs: number;
  /** Below this much free space in DATA_DIR, /healthz answers 503 and new uploads are refused. */
  minFreeBytes: number;
  /** Audit entries older than this are pruned; never less than 180 days. */
  auditKeepMs: number;
}

export function opsSettings(env: NodeJS.ProcessEnv = process.env): OpsSettings {
  return {
    stagedTtlMs: positiveNumber(env, 'STAGED_UPLOAD_DAYS', 7) * DAY_MS,
    minFreeBytes: positiveNumber(env, 'MIN_FREE_MB', 200) * MB,
    auditKeepMs: Math.max(180, positiveNumber(env, 'AUDIT_KEEP_DAYS', 365)) * DAY_MS,
  };
}
