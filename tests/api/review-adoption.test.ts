import { describe, expect, it } from 'vitest';
import { addSubmission, addUnits, freshStore } from '../support/seed-submissions.ts';
import { consolePoster } from '../support/console-post.ts';
import { adoptedPassages, adoptedPhotos, adoptionMarks } from '#server/review/adoption.ts';

const store = freshStore();
const { POST: adoptPost } = await import('../../src/pages/api/admin/adoptions.ts');
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
await addSubmission(store, hui!, [{ photos: ['辉县'] }]);

const adopt = (fields: Record<string, string>, options?: { signedIn?: boolean; withToken?: boolean }) =>
  poster.post(adoptPost, '/api/admin/adoptions', {}, fields, options);

describe('采用 marks on the 情况汇报', () => {
  it('are refused without a session or the CSRF token, and nothing is marked', async () => {
    const fields = { kind: 'report', id: String(current), action: 'adopt' };
    expect((await adopt(fields, { signedIn: false })).status).toBe(401);
    expect((await adopt(fields, { withToken: false })).status).toBe(403);
    expect(adoptionMarks(store.db, current).report).toBe(false);
  });

  it('are refused for a version that does not exist, with a message saying what to do', async () => {
    const response = await adopt({ kind: 'report', id: '999999', action: 'adopt' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('请返回报送详情页刷新后再试');
  });

  it('mark the 情况汇报 beside the 工作信息 and photos, are logged, and can be withdrawn', async () => {
    for (const fields of [
      { kind: 'report', id: String(current) },
      { kind: 'info', id: String(current) },
      { kind: 'photo', id: String(current), position: '2' },
    ]) {
      const response = await adopt({ ...fields, action: 'adopt' });
      expect(response.headers.get('location')).toBe(`/admin/units/${wei}/?v=2&done=adopted`);
    }
    expect(adoptedPassages(store.db).map((p) => [p.unitName, p.kind, p.key])).toEqual([
      ['卫辉市水利局', '情况汇报', `r${current}`],
      ['卫辉市水利局', '工作信息', `i${current}`],
    ]);
    expect(adoptedPhotos(store.db).map((p) => p.caption)).toEqual(['座谈会']);
    expect(store.db.prepare("SELECT detail FROM audit_log WHERE action = 'adopt' ORDER BY id").all()).toEqual([
      { detail: '卫辉市水利局 情况汇报' },
      { detail: '卫辉市水利局 工作信息' },
      { detail: '卫辉市水利局 照片 2「座谈会」' },
    ]);
    await adopt({ kind: 'report', id: String(current), action: 'withdraw' });
    expect(adoptionMarks(store.db, current)).toEqual({ report: false, info: true, photos: new Set([2]) });
    expect(adoptedPassages(store.db).map((p) => p.kind)).toEqual(['工作信息']);
  });

  it('on a version a revision replaced are not offered for the 情况汇总', async () => {
    await adopt({ kind: 'report', id: String(oldVersion), action: 'adopt' });
    expect(adoptionMarks(store.db, oldVersion).report).toBe(true);
    expect(adoptedPassages(store.db).map((p) => p.key)).not.toContain(`r${oldVersion}`);
  });
});
