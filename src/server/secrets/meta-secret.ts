import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/**
 * A random key kept in the database's meta table, made the first time it is asked for. Signed
 * links and upload grants use one each, so they survive restarts and move with a backup.
 */
export function metaSecret(db: DatabaseSync, name: string): Buffer {
  const read = () => db.prepare('SELECT value FROM meta WHERE key = ?').get(name) as { value: string } | undefined;
  const row = read();
  if (row) return Buffer.from(row.value, 'base64');
  // OR IGNORE: two requests racing on a fresh database keep whichever key was written first.
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(name, randomBytes(32).toString('base64'));
  return Buffer.from(read()!.value, 'base64');
}
