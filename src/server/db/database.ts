import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

/** The database's file name inside DATA_DIR (with its -wal and -shm companions while open). */
export const DATABASE_FILE = 'baosong.sqlite';

/** Where uploads and the database live: DATA_DIR, or ./data beside the project. Never under public/. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['DATA_DIR'] ?? 'data');
}

/**
 * Opens (and creates) the one SQLite file behind the submissions and the organiser console, and
 * brings its schema up to date (see migrations.ts). All timestamps are ISO-8601 strings in UTC;
 * Beijing time is a presentation concern. WAL lets the console read while a unit submits;
 * synchronous=FULL makes a committed submission survive a power cut, which matters more here than speed.
 */
export function openDatabase(dir: string): DatabaseSync {
  mkdirSync(dir, { recursive: true });
  const db = new DatabaseSync(join(dir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  try {
    migrate(db, MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Runs `work` in one transaction: all rows are written or none. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

let shared: DatabaseSync | undefined;

/** The process-wide connection used by on-demand routes. */
export function database(): DatabaseSync {
  shared ??= openDatabase(dataDir());
  return shared;
}
