import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, auditPage } from '#server/admin/audit.ts';
import { absolutePath, findFile } from '#server/files/store.ts';
import { housekeeping } from '#server/ops/housekeeping.ts';
import { opsSettings } from '#server/ops/settings.ts';
import { stagedFileResponse } from '#server/submissions/files.ts';
import { submitApi } from '#server/submissions/http.ts';
import { findStaged } from '#server/submissions/staging.ts';
import { uploadApi } from '#server/submissions/uploads.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';
import { blob, completeFields, count, formData, jpeg, leftoverTempFiles, postRequest, testContext, unitWithCode } from './support.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const settings = opsSettings({});

async function stagePhoto(context: SubmissionContext, auth: { unitId: number; code: string }, colour: string): Promise<Response> {
  const body = formData(
    [
      ['unit_id', String(auth.unitId)],
      ['code', auth.code],
      ['kind', 'photo'],
    ],
    [['file', blob(await jpeg(800, 600, colour), 'image/jpeg'), '现场.jpg']],
  );
  return uploadApi(postRequest('/api/uploads', body), context);
}

async function tokenOf(response: Response): Promise<string> {
  return String(((await response.json()) as { token: string }).token);
}

describe('housekeeping', () => {
  it('removes staged photos a unit never submitted after 7 days, with their files, and their tokens stop working', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const forgotten = await tokenOf(await stagePhoto(context, auth, '#aa3333'));
    const file = findFile(context.db, findStaged(context.db, forgotten, auth.unitId, context.now)!.fileId)!;
    expect(existsSync(absolutePath(context.dataDir, file.relPath))).toBe(true);

    const sixDaysLater = new Date(context.now.getTime() + 6 * DAY_MS);
    expect((await housekeeping(context.db, context.dataDir, settings, { now: sixDaysLater })).stagedUploads).toBe(0);
    expect(stagedFileResponse(context.db, context.dataDir, forgotten, 'thumb').status).toBe(200);

    const eightDaysLater = new Date(context.now.getTime() + 8 * DAY_MS);
    expect(findStaged(context.db, forgotten, auth.unitId, eightDaysLater)).toBeUndefined();
    const report = await housekeeping(context.db, context.dataDir, settings, { now: eightDaysLater });
    expect(report).toMatchObject({ stagedUploads: 1, files: 2 });
    expect(existsSync(absolutePath(context.dataDir, file.relPath))).toBe(false);
    expect(stagedFileResponse(context.db, context.dataDir, forgotten, 'thumb').status).toBe(404);
    expect(count(context, 'files')).toBe(0);
  });

  it('keeps every file of a submitted version when its staged upload expires', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const token = await tokenOf(await stagePhoto(context, auth, '#33aa33'));
    const fields: [string, string][] = [
      ...completeFields(auth.unitId, auth.code),
      ['photo_token_1', token],
      ['photo_caption_1', '专题会现场'],
    ];
    expect((await submitApi(postRequest('/api/submissions', formData(fields)), context)).status).toBe(200);
    const filesBefore = count(context, 'files');

    const report = await housekeeping(context.db, context.dataDir, settings, { now: new Date(context.now.getTime() + 30 * DAY_MS) });
    expect(report.stagedUploads).toBe(1);
    expect(report.files).toBe(0);
    expect(count(context, 'files')).toBe(filesBefore);
    const photo = context.db.prepare('SELECT f.rel_path FROM photos p JOIN files f ON f.id = p.file_id').get() as { rel_path: string };
    expect(existsSync(absolutePath(context.dataDir, photo.rel_path))).toBe(true);
  });

  it('honours STAGED_UPLOAD_DAYS and refuses a value that is not a positive number in Chinese', () => {
    expect(opsSettings({ STAGED_UPLOAD_DAYS: '2' }).stagedTtlMs).toBe(2 * DAY_MS);
    expect(() => opsSettings({ STAGED_UPLOAD_DAYS: '七天' })).toThrow('环境变量 STAGED_UPLOAD_DAYS 应为正数');
  });

  it('removes temporary files of cut-off uploads older than an hour, and at start all of them', async () => {
    const context = testContext();
    const tmp = join(context.dataDir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'up-old'), 'x'.repeat(1000));
    writeFileSync(join(tmp, 'up-recent'), 'x'.repeat(1000));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(tmp, 'up-old'), twoHoursAgo, twoHoursAgo);

    expect((await housekeeping(context.db, context.dataDir, settings, { now: new Date() })).tempFiles).toBe(1);
    expect(leftoverTempFiles(context.dataDir)).toEqual(['up-recent']);
    expect((await housekeeping(context.db, context.dataDir, settings, { tempAgeMs: 0, now: new Date() })).tempFiles).toBe(1);
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it('keeps audit entries for at least 180 days and prunes only older ones', async () => {
    const context = testContext();
    const now = new Date('2031-01-01T00:00:00Z');
    audit(context.db, { username: 'admin', action: 'login' }, new Date(now.getTime() - 179 * DAY_MS));
    audit(context.db, { username: 'admin', action: 'export' }, new Date(now.getTime() - 400 * DAY_MS));
    const short = opsSettings({ AUDIT_KEEP_DAYS: '30' });
    expect(short.auditKeepMs).toBe(180 * DAY_MS);
    expect((await housekeeping(context.db, context.dataDir, short, { now })).auditEntries).toBe(1);
    expect(auditPage(context.db, 1).rows.map((row) => row.action)).toEqual(['login']);
  });
});

describe('staged upload quota', () => {
  it('refuses a unit a photo past three times the photo limit of unsubmitted photos, in Chinese, and counts submitted ones no more', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const quota = context.campaign.requirements.photos.max * 3;
    // The quota is counted in rows; staging the same small photo keeps the test quick.
    const insert = context.db.prepare(
      'INSERT INTO staged_uploads (token, unit_id, kind, file_id, thumb_file_id, width, height, created_at) SELECT ? || token, unit_id, kind, file_id, thumb_file_id, width, height, created_at FROM staged_uploads WHERE token = ?',
    );
    const first = await tokenOf(await stagePhoto(context, auth, '#3333aa'));
    for (let n = 1; n < quota; n++) insert.run(`q${n}`, first);

    const refused = await stagePhoto(context, auth, '#aaaa33');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toContain(`本单位已上传 ${quota} 张尚未提交的照片，达到暂存上限`);
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);

    const other = await unitWithCode(context, '辉县市水利局');
    expect((await stagePhoto(context, other, '#aaaa33')).status).toBe(200);

    const fields: [string, string][] = [...completeFields(auth.unitId, auth.code), ['photo_token_1', first], ['photo_caption_1', '现场']];
    expect((await submitApi(postRequest('/api/submissions', formData(fields)), context)).status).toBe(200);
    expect((await stagePhoto(context, auth, '#aaaa33')).status).toBe(200);
  });
});
