import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/database.ts';
import { DatabaseTooNewError, migrate } from '#server/db/migrate.ts';
import type { Migration } from '#server/db/migration.ts';
import { MIGRATIONS } from '#server/db/migrations.ts';

/** The schema exactly as the first release created it, frozen so later edits cannot hide a break. */
const RELEASE_1_SCHEMA = readFileSync(new URL('../fixtures/schema-release-1.sql', import.meta.url), 'utf8');

const freshDir = () => mkdtempSync(join(tmpdir(), 'baosong-migrate-'));
const fileIn = (dir: string) => join(dir, 'baosong.sqlite');

function userVersion(db: DatabaseSync): unknown {
  return db.prepare('PRAGMA user_version').get()?.['user_version'];
}

/** A database as the first release left it: its tables, some rows, and user_version never set. */
function release1Database(dir: string): void {
  const db = new DatabaseSync(fileIn(dir));
  db.exec(RELEASE_1_SCHEMA);
  db.exec(`
    INSERT INTO units (id, name, category, code_hash) VALUES (1, '卫辉市水利局', '县级水利部门', 'scrypt$x');
    INSERT INTO files (id, sha256, rel_path, mime, bytes, created_at) VALUES (1, 'ab', 'files/ab', 'image/jpeg', 10, '2026-05-01T00:00:00Z');
    INSERT INTO submissions (id, unit_id, number, first_submitted_at, current_version_id) VALUES (1, 1, 'ZL-001', '2026-05-01T00:00:00Z', 1);
    INSERT INTO versions (id, submission_id, version_no, idempotency_key, submitted_at, contact_person, contact_phone,
      activity_dates, activity_forms, participants, report_body)
      VALUES (1, 1, 1, 'k1', '2026-05-01T00:00:00Z', '张三', '13800000000', '5月1日', '["专题会"]', '全体', '汇报正文');
    INSERT INTO photos (version_id, position, caption, file_id, thumb_file_id, width, height) VALUES (1, 1, '合影', 1, 1, 4, 3);
    INSERT INTO essays (id, version_id, position, title, author, author_position, body) VALUES (1, 1, 1, '感想', '李四', '科员', '正文');
    INSERT INTO featured_essays (essay_id, featured_at, featured_by) VALUES (1, '2026-05-02T00:00:00Z', 'admin');
  `);
  db.close();
}

describe('opening the database', () => {
  it('upgrades a database made by the first release in place, keeping every row', () => {
    const dir = freshDir();
    release1Database(dir);

    const db = openDatabase(dir);
    expect(userVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT name, code_hash FROM units').all()).toEqual([{ name: '卫辉市水利局', code_hash: 'scrypt$x' }]);
    expect(db.prepare('SELECT report_body, activity_forms FROM versions').all()).toEqual([
      { report_body: '汇报正文', activity_forms: '["专题会"]' },
    ]);
    expect(db.prepare('SELECT caption FROM photos').all()).toEqual([{ caption: '合影' }]);
    expect(db.prepare('SELECT essay_id FROM featured_essays').all()).toEqual([{ essay_id: 1 }]);
    db.close();
  });

  it('creates the same tables in a new data folder as the first release plus every later step', () => {
    const upgraded = freshDir();
    release1Database(upgraded);
    const tables = (db: DatabaseSync) =>
      db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

    const fresh = openDatabase(freshDir());
    const old = openDatabase(upgraded);
    expect(tables(fresh)).toEqual(tables(old));
    expect(userVersion(fresh)).toBe(MIGRATIONS.length);
    fresh.close();
    old.close();
  });

  it('applies nothing the second time it is opened', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(userVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database written by a newer release, in Chinese, and leaves it untouched', () => {
    const dir = freshDir();
    const made = openDatabase(dir);
    made.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    made.exec("INSERT INTO meta (key, value) VALUES ('k', 'v')");
    made.close();

    expect(() => openDatabase(dir)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(dir)).toThrow(`数据库的结构版本为 ${MIGRATIONS.length + 1}，比本程序支持的版本 ${MIGRATIONS.length} 新`);
    const after = new DatabaseSync(fileIn(dir));
    expect(userVersion(after)).toBe(MIGRATIONS.length + 1);
    expect(after.prepare('SELECT value FROM meta').all()).toEqual([{ value: 'v' }]);
    after.close();
  });
});

describe('a command given a database from a newer release', () => {
  it('stops with the reason in Chinese instead of a stack trace, and issues no codes', async () => {
    const dir = freshDir();
    const made = openDatabase(dir);
    made.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    made.close();
    const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
    const failed = await promisify(execFile)(process.execPath, ['src/cli/codes.ts'], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: dir },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect(failed.stderr).toContain('无法生成报送码：数据库的结构版本为');
    expect(failed.stderr).toContain('请安装与该数据库相同或更新的版本后再启动');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('migrating', () => {
  const addNotes: Migration = {
    version: 2,
    description: '测试：加一列',
    up: (db) => db.exec("ALTER TABLE units ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
  };

  it('runs only the steps after the recorded version, in order', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [MIGRATIONS[0]!]);
    db.exec("INSERT INTO units (name, category) VALUES ('甲', '乙')");
    migrate(db, [MIGRATIONS[0]!, addNotes]);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare('SELECT name, note FROM units').all()).toEqual([{ name: '甲', note: '' }]);
  });

  it('leaves the database at the last good step when a step fails halfway', () => {
    const db = new DatabaseSync(':memory:');
    const breaks: Migration = {
      version: 2,
      description: '测试：中途失败',
      up: (target) => {
        target.exec('CREATE TABLE half_done (id INTEGER)');
        target.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    migrate(db, [MIGRATIONS[0]!]);
    expect(() => migrate(db, [MIGRATIONS[0]!, breaks])).toThrow(/no_such_table/);
    expect(userVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").all()).toEqual([]);
  });

  it('rejects a list whose versions are not 1, 2, 3… so a step cannot be skipped or run twice', () => {
    const db = new DatabaseSync(':memory:');
    expect(() => migrate(db, [MIGRATIONS[0]!, { ...addNotes, version: 3 }])).toThrow(/migration 2 is numbered 3/);
    expect(userVersion(db)).toBe(0);
  });
});
