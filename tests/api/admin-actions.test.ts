import { datedName } from '#server/export/exports.ts';
import type { APIContext } from 'astro';
import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { addSubmission, addUnits, defaultEssays, freshStore, storeFile } from '../support/seed-submissions.ts';
import { readZip } from '../support/unzip.ts';
import { createSession } from '#server/admin/sessions.ts';
import { listFeatured } from '#server/review/featured.ts';
import { adoptedPhotos } from '#server/review/adoption.ts';
import { loadSubmission } from '#server/submissions/detail.ts';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { loadConfig } from '#server/config/config.ts';

// The routes read the request context the middleware sets; here it holds the test's own database.
const store = freshStore();
const settings = loadConfig({ DATA_DIR: store.dataDir });
const requestContext = { config: settings, db: store.db, dataDir: store.dataDir, campaign: loadCampaign({ config: settings }) };
store.db.prepare("INSERT INTO meta (key, value) VALUES ('units_seeded_from_campaign', 'test')").run();
const [unitId] = addUnits(store.db, [{ name: '卫辉市水利局', category: '县（市、区）水利局' }]);
const seeded = await addSubmission(store, unitId!, [
  { photos: ['旧'], essays: defaultEssays('卫辉') },
  { photos: ['集中学习'], essays: defaultEssays('卫辉'), reportBody: '第二版' },
]);
const session = createSession(store.db, 'lishuhu');

const { POST: featuredPost } = await import('../../src/pages/api/admin/essays/[id]/featured.ts');
const { GET: fileGet } = await import('../../src/pages/admin/files/[id].ts');
const { GET: exportGet } = await import('../../src/pages/admin/export/[file].ts');
const { POST: adoptPost } = await import('../../src/pages/api/admin/adoptions.ts');
const { GET: publicPhoto } = await import('../../src/pages/youxiu/zhaopian/[id].ts');
const { POST: orderPost } = await import('../../src/pages/api/admin/featured-order.ts');

function context(path: string, params: Record<string, string>, init: RequestInit = {}): APIContext {
  const url = new URL(`http://console.test${path}`);
  return {
    request: new Request(url, init),
    url,
    params,
    locals: { ...requestContext, now: new Date(), address: '10.0.0.8', admin: session },
    clientAddress: '10.0.0.8',
  } as unknown as APIContext;
}

const post = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const currentEssayId = seeded.essayIds[1]![0]!;

describe('marking an essay 优秀', () => {
  it('features it, sends the organiser back to the essay and logs who did it', async () => {
    const response = await featuredPost(
      context(`/api/admin/essays/${currentEssayId}/featured`, { id: String(currentEssayId) }, post({ action: 'mark' })),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/units/${unitId}/?v=2&done=marked#essay-${currentEssayId}`);
    expect(listFeatured(store.db).map((e) => [e.title, e.unitName, e.author, e.authorPosition])).toEqual([
      [defaultEssays('卫辉')[0]!.title, '卫辉市水利局', '张明', '局长'],
    ]);
    expect(loadSubmission(store.db, unitId!)!.shown.essays[0]!.featured).toBe(true);
    expect(store.db.prepare("SELECT username, action, ip FROM audit_log WHERE action = 'feature'").get()).toEqual({
      username: 'lishuhu',
      action: 'feature',
      ip: '10.0.0.8',
    });
  });

  it('withdraws it so it leaves the public list, and a second withdrawal changes nothing', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await featuredPost(
        context(`/api/admin/essays/${currentEssayId}/featured`, { id: String(currentEssayId) }, post({ action: 'withdraw' })),
      );
      expect(response.status).toBe(303);
    }
    expect(listFeatured(store.db)).toEqual([]);
  });

  it('answers an unknown essay or action with a Chinese message and changes nothing', async () => {
    const missing = await featuredPost(context('/api/admin/essays/99999/featured', { id: '99999' }, post({ action: 'mark' })));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toContain('找不到这篇学习感想');
    const wrong = await featuredPost(
      context(`/api/admin/essays/${currentEssayId}/featured`, { id: String(currentEssayId) }, post({ action: 'delete' })),
    );
    expect(wrong.status).toBe(400);
    expect(listFeatured(store.db)).toEqual([]);
  });
});

describe('serving stored uploads to the organiser', () => {
  it('streams a photo from the data folder with its type', async () => {
    const photo = loadSubmission(store.db, unitId!)!.shown.photos[0]!;
    const response = await fileGet(context(`/admin/files/${photo.file.id}`, { id: String(photo.file.id) }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('offers a file nothing points at as a download named by the server, never by its uploader', async () => {
    const id = storeFile(store.db, store.dataDir, Buffer.from('%PDF-1.4 test'), 'application/pdf', 'CON.pdf');
    const response = await fileGet(context(`/admin/files/${id}`, { id: String(id) }));
    const header = response.headers.get('content-disposition') ?? '';
    expect(parse(header).type).toBe('attachment');
    expect(parse(header).parameters['filename']).toBe(`文件${id}.pdf`);
    // Old browsers, which know no filename*, take the ASCII name.
    expect(parse(header, { extended: false }).parameters['filename']).toBe(`file-${id}.pdf`);
  });

  it('names a photo download after its unit and caption, as an attachment', async () => {
    const photo = loadSubmission(store.db, unitId!)!.shown.photos[0]!;
    const response = await fileGet(context(`/admin/files/${photo.file.id}`, { id: String(photo.file.id) }));
    const name = decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(name.endsWith(`-照片1-${photo.caption}.jpg`)).toBe(true);
  });

  it('never follows a stored path out of the data folder', async () => {
    const id = Number(
      store.db
        .prepare(
          "INSERT INTO files (sha256, rel_path, mime, bytes, original_name, created_at) VALUES ('x', '../../etc/passwd', 'text/plain', 1, 'p', '')",
        )
        .run().lastInsertRowid,
    );
    const response = await fileGet(context(`/admin/files/${id}`, { id: String(id) }));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('文件不存在或已被删除。');
  });
});

describe('export downloads', () => {
  it('streams the zip under a UTF-8 file name carrying the Beijing date, and logs the export', async () => {
    const response = await exportGet(context('/admin/export/全部材料.zip', { file: '全部材料.zip' }));
    expect(response.headers.get('content-type')).toBe('application/zip');
    const today = datedName('全部材料.zip', new Date());
    expect(today).toMatch(/^全部材料-20\d{6}\.zip$/);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(today)}`);
    expect(parse(response.headers.get('content-disposition') ?? '', { extended: false }).parameters['filename']).toMatch(
      /^quanbu-cailiao-20\d{6}\.zip$/,
    );
    const names = (await readZip(Buffer.from(await response.arrayBuffer()))).map((e) => e.name);
    expect(names).toContain('卫辉市水利局/照片/01-集中学习.jpg');
    expect(store.db.prepare("SELECT detail FROM audit_log WHERE action = 'export'").get()).toEqual({ detail: '全部材料.zip' });
  });

  it('answers an unknown export name with 404 and a Chinese message', async () => {
    const response = await exportGet(context('/admin/export/passwd', { file: 'passwd' }));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('没有这种导出文件');
  });
});

describe('adopting (采用) a photo or a 工作信息 for publicity', () => {
  const versionId = seeded.versionIds[1]!;
  const photoGet = (id: number, thumb = false) =>
    publicPhoto(context(`/youxiu/zhaopian/${id}${thumb ? '?size=thumb' : ''}`, { id: String(id) }));

  it('adopts a photo of the current version, logs it, and only then shows it to the public without its file name', async () => {
    const photoId = Number(store.db.prepare('SELECT id FROM photos WHERE version_id = ? AND position = 1').get(versionId)!['id']);
    expect((await photoGet(photoId)).status).toBe(404);
    const response = await adoptPost(
      context('/api/admin/adoptions', {}, post({ kind: 'photo', id: String(versionId), position: '1', action: 'adopt' })),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/units/${unitId}/?v=2&done=adopted`);
    expect(adoptedPhotos(store.db).map((p) => [p.caption, p.unitName])).toEqual([['集中学习', '卫辉市水利局']]);
    const served = await photoGet(photoId, true);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('content-disposition')).toBe(`inline; filename="photo-${photoId}-thumb.jpg"`);
    expect(store.db.prepare("SELECT detail FROM audit_log WHERE action = 'adopt'").get()).toEqual({
      detail: '卫辉市水利局 照片 1「集中学习」',
    });

    await adoptPost(context('/api/admin/adoptions', {}, post({ kind: 'photo', id: String(versionId), position: '1', action: 'withdraw' })));
    expect((await photoGet(photoId)).status).toBe(404);
  });

  it('never serves a photo of an earlier version, even if it was adopted', async () => {
    const earlier = seeded.versionIds[0]!;
    await adoptPost(context('/api/admin/adoptions', {}, post({ kind: 'photo', id: String(earlier), position: '1', action: 'adopt' })));
    const photoId = Number(store.db.prepare('SELECT id FROM photos WHERE version_id = ?').get(earlier)!['id']);
    expect((await photoGet(photoId)).status).toBe(404);
  });

  it('answers an unknown photo or action with a Chinese message and changes nothing', async () => {
    const missing = await adoptPost(
      context('/api/admin/adoptions', {}, post({ kind: 'photo', id: String(versionId), position: '9', action: 'adopt' })),
    );
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('找不到要采用的照片或工作信息');
    const wrong = await adoptPost(context('/api/admin/adoptions', {}, post({ kind: 'info', id: String(versionId), action: 'publish' })));
    expect(wrong.status).toBe(400);
  });
});

describe('ordering the 优秀 essays', () => {
  it('saves the order typed in the console, logs it, and the public list follows it', async () => {
    const [first, second] = seeded.essayIds[1]!;
    for (const id of [first!, second!]) {
      await featuredPost(context(`/api/admin/essays/${id}/featured`, { id: String(id) }, post({ action: 'mark' })));
    }
    const response = await orderPost(context('/api/admin/featured-order', {}, post({ [`rank_${first}`]: '2', [`rank_${second}`]: '1' })));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/export/?done=order#order');
    expect(listFeatured(store.db).map((e) => e.essayId)).toEqual([second, first]);
    expect(String(store.db.prepare("SELECT detail FROM audit_log WHERE action = 'order_featured'").get()!['detail'])).toMatch(
      /^1\.《学习纲要的几点体会》/,
    );

    await orderPost(context('/api/admin/featured-order', {}, post({ move: `${first}:up` })));
    expect(listFeatured(store.db).map((e) => e.essayId)).toEqual([first, second]);
  });
});
