import type { DatabaseSync } from 'node:sqlite';
import { text } from './row.ts';

/** The row mapper of `meta`: one value by key, or undefined when it was never written. */
export function readMeta(db: DatabaseSync, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key);
  return row ? text(row, 'value') : undefined;
}
