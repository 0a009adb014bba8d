import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { issueCodes } from '#server/campaign/codes.ts';
import { listUnits } from '#server/campaign/units.ts';
import { openDatabase } from '#server/db/database.ts';
import { absolutePath } from '#server/files/store.ts';
import { backup, restore, verifyBackup, type Manifest } from '#server/ops/backup.ts';
import { unitProgress } from '#server/progress/progress.ts';
import { submitApi } from '#server/submissions/http.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';
import { blob, completeFields, formData, jpeg, postRequest, testContext } from './support.ts';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../..');
const scratch = () => mkdtempSync(join(tmpdir(), 'baosong-backup-'));

/** A complete submission with two photos, posted as the plain form posts it. */
async function submit(context: SubmissionContext, unitId: number, code: string, seed: number): Promise<number> {
  const photos: [string, Blob, string][] = [
    ['photo_1', blob(await jpeg(1200, 900, `#${(seed * 40503).toString(16).slice(-6).padStart(6, '3')}`), 'image/jpeg'), `现场${seed}.jpg`],
    ['photo_2', blob(await jpeg(900, 1200, `#${(seed * 7919).toString(16).slice(-6).padStart(6, '6')}`), 'image/jpeg'), `合影${seed}.jpg`],
  ];
  const fields: [string, string][] = [...completeFields(unitId, code), ['photo_caption_1', '专题会'], ['photo_caption_2', '合影']];
  const response = await submitApi(postRequest('/api/submissions', formData(fields, photos)), context);
  return response.status;
}

/** What a unit sent, as the organisers would compare it: every version with its photos and essays. */
function submissionsOf(dataDir: string): unknown[] {
  const db = openDatabase(dataDir);
  try {
    return db
      .prepare(
        `SELECT s.number, v.version_no, v.report_body, v.contact_person,
           (SELECT group_concat(f.sha256 || ':' || p.caption, ',') FROM photos p JOIN files f ON f.id = p.file_id WHERE p.version_id = v.id) AS photos,
           (SELECT group_concat(e.title, ',') FROM essays e WHERE e.version_id = v.id) AS essays
         FROM submissions s JOIN versions v ON v.submission_id = s.id ORDER BY s.number, v.version_no`,
      )
      .all();
  } finally {
    db.close();
  }
}

function boardOf(dataDir: string, context: SubmissionContext): unknown {
  const db = openDatabase(dataDir);
  try {
    return unitProgress(db, context.campaign.requirements);
  } finally {
    db.close();
  }
}

function everyFileMatches(dataDir: string): boolean {
  const db = openDatabase(dataDir);
  try {
    const rows = db.prepare('SELECT rel_path, sha256 FROM files').all() as { rel_path: string; sha256: string }[];
    return (
      rows.length > 0 &&
      rows.every(
        (row) =>
          createHash('sha256')
            .update(readFileSync(absolutePath(dataDir, row.rel_path)))
            .digest('hex') === row.sha256,
      )
    );
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('takes a consistent snapshot with npm run backup while units submit, and restores the same submissions, files and board', async () => {
    const context = testContext();
    const units = listUnits(context.db).slice(0, 8);
    const codes = await issueCodes(
      context.db,
      units.map((unit) => unit.id),
    );
    const out = join(scratch(), 'backup');
    const env = { ...process.env, DATA_DIR: context.dataDir };

    // The backup starts once two units are in and the other six are still sending.
    let done = 0;
    let twoIn: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (twoIn = resolve));
    const submitting = Promise.all(
      codes.map(async ({ unit, code }, n) => {
        const status = await submit(context, unit.id, code, n + 1);
        if (++done === 2) twoIn();
        return status;
      }),
    );
    await started;
    const cli = await run(process.execPath, ['src/cli/backup.ts', '--out', out], { cwd: projectRoot, env });
    expect(await submitting).toEqual(codes.map(() => 200));
    expect(cli.stdout).toContain('备份完成');

    const verified = await run(process.execPath, ['src/cli/backup.ts', '--verify', out], { cwd: projectRoot, env });
    expect(verified.stdout).toContain('备份完好');

    // What the snapshot holds is each unit's submission exactly as the live site has it.
    const restoredDir = join(scratch(), 'restored');
    const restored = await run(process.execPath, ['src/cli/restore.ts', '--from', out], {
      cwd: projectRoot,
      env: { ...env, DATA_DIR: restoredDir },
    });
    expect(restored.stdout).toContain('已恢复到');
    const live = submissionsOf(context.dataDir);
    const fromBackup = submissionsOf(restoredDir);
    expect(live).toEqual(expect.arrayContaining(fromBackup));
    expect(everyFileMatches(restoredDir)).toBe(true);

    // Once the submissions are in, a backup restores to the very same board.
    const quiet = join(scratch(), 'quiet');
    await backup(context.dataDir, quiet, '1.0.0');
    const again = join(scratch(), 'again');
    await restore(quiet, again);
    expect(submissionsOf(again)).toEqual(live);
    expect(live).toHaveLength(8);
    expect(boardOf(again, context)).toEqual(boardOf(context.dataDir, context));
    expect(everyFileMatches(again)).toBe(true);
    // The snapshot keeps the schema version, so the restored database is not migrated again.
    const version = (dir: string) => {
      const db = openDatabase(dir);
      try {
        return db.prepare('PRAGMA user_version').get();
      } finally {
        db.close();
      }
    };
    expect(version(again)).toEqual(version(context.dataDir));
    // Eight units each decode two photos, with a backup process beside them.
  }, 240_000);

  it('finds a damaged or missing file in a backup and refuses to restore it', async () => {
    const context = testContext();
    const [issued] = await issueCodes(context.db, [listUnits(context.db)[0]!.id]);
    expect(await submit(context, issued!.unit.id, issued!.code, 1)).toBe(200);
    const out = join(scratch(), 'backup');
    const manifest: Manifest = await backup(context.dataDir, out, '1.0.0');
    expect((await verifyBackup(out)).problems).toEqual([]);

    const photo = manifest.files.find((file) => file.path.startsWith('files/'))!;
    writeFileSync(absolutePath(out, photo.path), 'damaged');
    expect((await verifyBackup(out)).problems).toEqual([`文件 ${photo.path} 已损坏（校验值不符）`]);
    const target = join(scratch(), 'target');
    await expect(restore(out, target)).rejects.toThrow('校验未通过，没有恢复');
    expect(existsSync(join(target, 'baosong.sqlite'))).toBe(false);
  });

  it('refuses to restore into a DATA_DIR that already holds data, and to back up into a folder that is not empty', async () => {
    const context = testContext();
    const out = join(scratch(), 'backup');
    await backup(context.dataDir, out, '1.0.0');
    const occupied = scratch();
    writeFileSync(join(occupied, 'baosong.sqlite'), 'live data');
    const refused = await run(process.execPath, ['src/cli/restore.ts', '--from', out], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: occupied },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('不是空的，为避免覆盖现有数据，没有恢复');
    expect(readFileSync(join(occupied, 'baosong.sqlite'), 'utf8')).toBe('live data');

    const used = scratch();
    mkdirSync(join(used, 'old'));
    await expect(backup(context.dataDir, used, '1.0.0')).rejects.toThrow('不是空的');
  });
});
