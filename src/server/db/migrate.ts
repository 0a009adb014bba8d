import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from './migration.ts';

/** The database was written by a newer release: opening it here could misread or damage its rows. */
export class DatabaseTooNewError extends Error {
  readonly found: number;
  readonly supported: number;

  constructor(found: number, supported: number) {
    super(
      `数据库的结构版本为 ${found}，比本程序支持的版本 ${supported} 新：它由更新的版本创建或升级过。` +
        '请安装与该数据库相同或更新的版本后再启动；若要退回旧版本，请先从升级前的备份恢复数据目录。',
    );
    this.name = 'DatabaseTooNewError';
    this.found = found;
    this.supported = supported;
  }
}

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const value = row?.['user_version'];
  if (typeof value !== 'number') throw new Error('PRAGMA user_version returned no number');
  return value;
}

/**
 * Brings the database up to the last step in `migrations`. Each step runs in a BEGIN IMMEDIATE
 * transaction that first re-reads the version, so two processes opening the same file at once
 * apply each step exactly once, and a failed step leaves the database at the step before it.
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`migration ${index + 1} is numbered ${step.version}`);
  });
  const latest = migrations.length;
  const found = userVersion(db);
  if (found > latest) throw new DatabaseTooNewError(found, latest);
  for (const step of migrations.slice(found)) {
    db.exec('BEGIN IMMEDIATE');
    try {
      if (userVersion(db) < step.version) {
        step.up(db);
        // PRAGMA does not take parameters; the version is an integer checked above.
        db.exec(`PRAGMA user_version = ${step.version}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
