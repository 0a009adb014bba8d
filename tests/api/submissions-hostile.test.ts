/**
 * The project's own hostile corpus (tests/support/hostile/) against the real submission code: real
 * SQLite, real files on disk, real sharp. Whatever is sent is either taken clean or refused with a
 * Chinese message naming it; nothing already typed is lost.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { receiveSubmission } from '#server/submissions/receive.ts';
import { uploadApi } from '#server/submissions/uploads.ts';
import { stagedFileResponse } from '#server/submissions/files.ts';
import { loadVersion } from '#server/submissions/read.ts';
import { blob, completeFields, formData, jpeg, leftoverTempFiles, postRequest, testContext, unitWithCode } from '../support/api-context.ts';
import { hostileFiles } from '../support/hostile/files.ts';
import { hostileFileNames, unsendableFileNames } from '../support/hostile/file-names.ts';
import { hostileStrings, UNTYPEABLE_CHARACTER } from '../support/hostile/strings.ts';
import { rawMultipartRequest, type RawPart } from '../support/hostile/multipart-body.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';

const CHINESE = /[\u4e00-\u9fa5]/;
/** Library or runtime text that must never reach a clerk. */
const LEAK = /Error|sharp|vips|Input|undefined|stack|at \S+:\d+/;

async function uploadPhoto(context: SubmissionContext, auth: { unitId: number; code: string }, bytes: Buffer, type: string, name: string) {
  const body = formData(
    [
      ['unit_id', String(auth.unitId)],
      ['code', auth.code],
      ['kind', 'photo'],
    ],
    [['file', new Blob([new Uint8Array(bytes)], { type }), name]],
  );
  const response = await uploadApi(postRequest('/api/uploads', body), context);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const textParts = (fields: [string, string][]): RawPart[] => fields.map(([name, content]) => ({ name, content }));

describe('hostile files sent as photos', () => {
  it('are taken only as clean re-encoded JPEGs without metadata or markup, or refused in Chinese', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    for (const file of await hostileFiles()) {
      const result = await uploadPhoto(context, auth, file.bytes, file.type, file.filename);
      if (file.photoMayPass) {
        expect(result.status, file.name).toBe(200);
        const stored = Buffer.from(
          await stagedFileResponse(context.db, context.dataDir, String(result.body['token']), 'photo').arrayBuffer(),
        );
        expect(stored.subarray(0, 2), file.name).toEqual(Buffer.from([0xff, 0xd8]));
        expect(stored.includes('<script'), file.name).toBe(false);
        const metadata = await sharp(stored).metadata();
        expect(metadata.exif, file.name).toBeUndefined();
      } else {
        expect(result.status, file.name).toBeGreaterThanOrEqual(400);
        expect(result.status, file.name).toBeLessThan(500);
        expect(String(result.body['error']), file.name).toMatch(CHINESE);
        expect(String(result.body['error']), file.name).not.toMatch(LEAK);
      }
    }
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it('under hostile names are stored and offered for download under a name the server made', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const photo = await jpeg(300, 200);
    for (const name of hostileFileNames()) {
      const result = await uploadPhoto(context, auth, photo, 'image/jpeg', name);
      expect(result.status, name).toBe(200);
      const header = stagedFileResponse(context.db, context.dataDir, String(result.body['token']), 'photo').headers.get(
        'content-disposition',
      )!;
      const made = decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(header)![1]!);
      expect(made, name).toBe('卫辉市水利局-照片.jpg');
      expect(header.startsWith('attachment;'), name).toBe(true);
    }
  });
});

describe('hostile parts in the plain form', () => {
  const good = async () => ({ name: 'photo_1', filename: '现场.jpg', type: 'image/jpeg', content: await jpeg(400, 300) });

  it('name a photo sent without a file name instead of dropping it, keeping what was typed and the other photo', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const parts: RawPart[] = [
      ...textParts([...completeFields(auth.unitId, auth.code), ['photo_caption_1', '现场'], ['photo_caption_2', '会场']]),
      await good(),
      { name: 'photo_2', filename: '', type: 'image/jpeg', content: await jpeg(400, 300) },
    ];
    const outcome = await receiveSubmission(rawMultipartRequest('http://localhost/baosong/', parts), context);
    if (outcome.kind !== 'invalid') throw new Error(`expected invalid, got ${outcome.kind}`);
    expect(outcome.errors['photos']).toContain('第 2 张照片没有文件名');
    expect(outcome.values['contact_person']).toBe('王明');
    expect(outcome.stagedPhotos.map((staged) => staged.caption)).toEqual(['现场']);
  });

  it('name the 21st photo instead of dropping it', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const photo = await jpeg(200, 150);
    const files: [string, Blob, string][] = Array.from({ length: 21 }, (_, i) => [`photo_${i + 1}`, blob(photo), `第${i + 1}张.jpg`]);
    const captions: [string, string][] = Array.from({ length: 21 }, (_, i) => [`photo_caption_${i + 1}`, `说明${i + 1}`]);
    const outcome = await receiveSubmission(
      postRequest('/baosong/', formData([...completeFields(auth.unitId, auth.code), ...captions], files)),
      context,
    );
    if (outcome.kind !== 'invalid') throw new Error(`expected invalid, got ${outcome.kind}`);
    expect(outcome.errors['photos']).toContain('照片最多 20 张，“第21张.jpg”没有收下');
    expect(outcome.stagedPhotos).toHaveLength(20);
  });

  it('let a NUL or a raw line break in one file name cost only that file, never the form', async () => {
    for (const filename of unsendableFileNames()) {
      const context = testContext();
      const auth = await unitWithCode(context);
      const parts: RawPart[] = [
        ...textParts([...completeFields(auth.unitId, auth.code), ['photo_caption_1', '现场']]),
        await good(),
        { name: 'photo_2', filename, type: 'image/jpeg', content: await jpeg(400, 300) },
        ...textParts([['photo_caption_2', '会场']]),
      ];
      const outcome = await receiveSubmission(rawMultipartRequest('http://localhost/baosong/', parts), context);
      if (outcome.kind !== 'invalid') throw new Error(`${JSON.stringify(filename)}: expected invalid, got ${outcome.kind}`);
      expect(outcome.status, JSON.stringify(filename)).toBe(422);
      expect(outcome.errors['files'], JSON.stringify(filename)).toContain('文件名中含有无法识别的字符');
      expect(outcome.values['contact_person'], JSON.stringify(filename)).toBe('王明');
      expect(outcome.values['essay_1_title'], JSON.stringify(filename)).toBe('以质量强国建设为引领');
      expect(
        outcome.stagedPhotos.map((staged) => staged.caption),
        JSON.stringify(filename),
      ).toEqual(['现场']);
      expect(leftoverTempFiles(context.dataDir)).toEqual([]);
    }
  });
});

describe('hostile strings in every text field', () => {
  const oneLine = [
    'contact_person',
    'activity_2_form_other',
    'activity_1_leader',
    'activity_1_practice',
    'essay_1_title',
    'essay_1_author',
    'essay_1_position',
  ];
  const multiline = ['report_body', 'essay_1_body'];
  const limits: Record<string, number> = {
    contact_person: 20,
    essay_1_author: 30,
    essay_1_position: 50,
    activity_2_form_other: 30,
    activity_1_leader: 30,
    activity_1_practice: 200,
  };

  it('are stored without control characters or noncharacters, one-line fields on one line, or refused with a Chinese message', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    let stored = 0;
    for (const { name, value } of hostileStrings()) {
      const cut = (key: string) => (limits[key] ? Array.from(value).slice(0, limits[key]).join('') : value);
      const fields = completeFields(auth.unitId, auth.code).map(([key, v]): [string, string] => [
        key,
        [...oneLine, ...multiline].includes(key) ? cut(key) : v,
      ]);
      const outcome = await receiveSubmission(postRequest('/baosong/', formData([...fields, ['photo_caption_1', '现场']])), context);
      if (outcome.kind === 'stored') {
        const version = loadVersion(context.db, outcome.stored.submissionId)!;
        const [first, second] = version.activities.filter((activity) => !activity.legacy);
        const texts = [version.contactPerson, second?.formOther ?? '', first?.leader ?? '', first?.practice ?? '', version.reportBody];
        texts.push(...version.essays.flatMap((essay) => [essay.title, essay.author, essay.authorPosition, essay.body]));
        for (const text of texts) expect(UNTYPEABLE_CHARACTER.test(text), name).toBe(false);
        for (const text of texts.slice(0, 4)) expect(/[\r\n]/.test(text), name).toBe(false);
        stored++;
      } else {
        const message = outcome.kind === 'invalid' ? Object.values(outcome.errors).join(' ') : outcome.message;
        expect(message, name).toMatch(CHINESE);
        expect(message, name).not.toMatch(LEAK);
      }
    }
    // Most of the corpus is text a clerk could really paste: it must be taken, not refused.
    expect(stored).toBeGreaterThan(hostileStrings().length / 2);
  });
});
