import { describe, expect, it } from 'vitest';
import { addSubmission, addUnits, freshStore } from '../support/seed-submissions.ts';
import { consolePoster } from '../support/console-post.ts';
import { adoptedItems, adoptedPassages, adoptedPhotos } from '#server/review/adoption.ts';

// The route opens the process-wide database in DATA_DIR, as it does in the running site.
const store = freshStore();
process.env['DATA_DIR'] = store.dataDir;
const { POST: adoptPost } = await import('../../src/pages/api/admin/units/[id]/adopt.ts');
const poster = consolePoster(store.db, store.dataDir);
const [wei, hui] = addUnits(store.db, [
  { name: '卫辉市水利局', category: '县（市、区）水利局' },
  { name: '辉县市水利局', category: '县（市、区）水利局' },
]);
const weiSeed = await addSubmission(store, wei!, [
  { photos: ['旧照片'], infoText: '旧版工作信息' },
  { photos: ['2月15日专题会', '座谈会'], infoText: '我局开展《纲要》学习的工作信息' },
]);
const [oldVersion, current] = weiSeed.versionIds as [number, number];
const photoIds = (store.db.prepare('SELECT id FROM photos WHERE version_id = ? ORDER BY position').all(current) as { id: number }[]).map(
  (r) => r.id,
);
const huiSeed = await addSubmission(store, hui!, [{ photos: ['辉县'] }]);

const adopt = (unitId: number, fields: Record<string, string>, options?: { signedIn?: boolean; withToken?: boolean }) =>
  poster.post(adoptPost, `/api/admin/units/${unitId}/adopt`, { id: String(unitId) }, fields, options);

describe('采用 marks', () => {
  it('are refused without a session or the CSRF token, and nothing is marked', async () => {
    const fields = { version_id: String(current), item: 'report', action: 'mark' };
    expect((await adopt(wei!, fields, { signedIn: false })).status).toBe(401);
    expect((await adopt(wei!, fields, { withToken: false })).status).toBe(403);
    expect(adoptedItems(store.db, current).size).toBe(0);
  });

  it('are refused for another unit’s version or another version’s photo', async () => {
    expect((await adopt(wei!, { version_id: String(huiSeed.versionIds[0]), item: 'report', action: 'mark' })).status).toBe(404);
    const otherPhoto = (store.db.prepare('SELECT id FROM photos WHERE version_id = ?').get(oldVersion) as { id: number }).id;
    expect((await adopt(wei!, { version_id: String(current), item: `photo:${otherPhoto}`, action: 'mark' })).status).toBe(404);
    expect(adoptedItems(store.db, current).size).toBe(0);
  });

  it('are refused on a version a revision replaced', async () => {
    const response = await adopt(wei!, { version_id: String(oldVersion), item: 'info', action: 'mark' });
    expect(response.headers.get('location')).toBe(`/admin/units/${wei}/?adopt_error=stale`);
    expect(adoptedItems(store.db, oldVersion).size).toBe(0);
  });

  it('mark the 情况汇报, the 工作信息 and single photos, are logged, and can be withdrawn', async () => {
    for (const item of ['report', 'info', `photo:${photoIds[1]}`]) {
      const response = await adopt(wei!, { version_id: String(current), item, action: 'mark' });
      expect(response.headers.get('location')).toBe(`/admin/units/${wei}/?done=adopted`);
    }
    expect(adoptedPassages(store.db).map((p) => [p.unitName, p.kind])).toEqual([
      ['卫辉市水利局', '情况汇报'],
      ['卫辉市水利局', '工作信息'],
    ]);
    expect(adoptedPhotos(store.db).map((p) => p.caption)).toEqual(['座谈会']);
    expect(store.db.prepare("SELECT detail FROM audit_log WHERE action = 'adopt' ORDER BY id").all()).toEqual([
      { detail: '卫辉市水利局 第 2 版 情况汇报' },
      { detail: '卫辉市水利局 第 2 版 工作信息' },
      { detail: '卫辉市水利局 第 2 版 第 2 张照片（座谈会）' },
    ]);
    await adopt(wei!, { version_id: String(current), item: 'info', action: 'withdraw' });
    expect([...adoptedItems(store.db, current)].sort()).toEqual(['photo:' + photoIds[1], 'report'].sort());
  });
});
