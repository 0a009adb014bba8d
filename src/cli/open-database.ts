import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '#server/db/database.ts';
import { DatabaseTooNewError } from '#server/db/migrate.ts';

/** Opens the data folder's database for a command, or stops with the reason when this release cannot use it. */
export function openDatabaseOrStop(dir: string, what: string): DatabaseSync {
  try {
    return openDatabase(dir);
  } catch (error) {
    if (!(error instanceof DatabaseTooNewError)) throw error;
    console.error(`${what}：${error.message}`);
    process.exit(1);
  }
}
