/**
 * GET /healthz: what a monitor or the IT staff need to know at a glance. The database is written to
 * (one meta row), so a full disk or a read-only mount shows; free space is measured where uploads go.
 */
import { statfs } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import type { OpsSettings } from './settings.ts';

export interface HealthReport {
  status: 'ok' | 'degraded';
  databaseWritable: boolean;
  freeBytes: number;
  minFreeBytes: number;
  version: string;
  checkedAt: string;
}

function databaseWritable(db: DatabaseSync, now: Date): boolean {
  try {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      'health_checked_at',
      now.toISOString(),
    );
    return true;
  } catch {
    return false;
  }
}

/** Bytes an unprivileged process may still write below `dir` (0 when it cannot be measured). */
export async function freeBytes(dir: string): Promise<number> {
  try {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return 0;
  }
}

export async function checkHealth(
  db: DatabaseSync,
  dataDir: string,
  settings: OpsSettings,
  version: string,
  now = new Date(),
): Promise<HealthReport> {
  const free = await freeBytes(dataDir);
  const writable = databaseWritable(db, now);
  const ok = writable && free >= settings.minFreeBytes;
  return {
    status: ok ? 'ok' : 'degraded',
    databaseWritable: writable,
    freeBytes: free,
    minFreeBytes: settings.minFreeBytes,
    version,
    checkedAt: now.toISOString(),
  };
}
