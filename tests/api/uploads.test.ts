import { deflateSync } from 'node:zlib';
import { parse } from 'content-disposition';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { uploadApi } from '#server/submissions/uploads.ts';
import { stagedFileResponse } from '#server/submissions/files.ts';
import { contentDisposition } from '#server/files/download-names.ts';
import { findUnit } from '#server/campaign/units.ts';
import { LIMITS } from '#shared/limits.ts';
import { recordEvent } from '#server/http/rate-limit.ts';
import {
  blob,
  count,
  docx,
  formData,
  jpeg,
  leftoverTempFiles,
  pdf,
  postRequest,
  testContext,
  unitWithCode,
} from '../support/api-context.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';

const CHINESE = /[\u4e00-\u9fa5]/;

async function upload(context: SubmissionContext, auth: { unitId: number; code: string }, kind: string, file: Blob, name: string) {
  const body = formData(
    [
      ['unit_id', String(auth.unitId)],
      ['code', auth.code],
      ['kind', kind],
    ],
    [['file', file, name]],
  );
  const response = await uploadApi(postRequest('/api/uploads', body), context);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function bombPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    // libvips reads the header before checking CRCs, so a zero CRC is enough here.
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30000, 0);
  header.writeUInt32BE(30000, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('uploading one photo or attachment', () => {
  it('stores a photo and answers with a token, a thumbnail only its token opens, and the stored size', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const { status, body } = await upload(context, auth, 'photo', blob(await jpeg(3000, 2000), 'image/jpeg'), '现场.jpg');
    expect(status).toBe(200);
    expect(body).toMatchObject({ width: 2560, height: 1707 });
    expect(body['thumbUrl']).toBe(`/api/uploads/${body['token']}/thumb`);

    const thumb = stagedFileResponse(context.db, context.dataDir, String(body['token']), 'thumb');
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(480);
    expect(stagedFileResponse(context.db, context.dataDir, 'x'.repeat(24), 'thumb').status).toBe(404);
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it('stores a Word document and a PDF as sent', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const word = await upload(context, auth, 'essay_1_file', blob(await docx()), '学习体会.docx');
    expect(word).toMatchObject({ status: 200, body: { name: '学习体会.docx' } });
    const report = await upload(context, auth, 'report_file', blob(pdf()), '情况汇报.pdf');
    expect(report.status).toBe(200);
    const file = stagedFileResponse(context.db, context.dataDir, String(report.body['token']), 'file');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf())).toBe(true);
  });

  it('saves a download under the extension of what the file really is, so a PDF named .html never opens as a web page', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const report = await upload(context, auth, 'report_file', blob(pdf()), '情况汇报.html');
    const essay = await upload(context, auth, 'essay_1_file', blob(await docx()), '体会.hta');
    const photo = await upload(context, auth, 'photo', blob(await jpeg(800, 600), 'image/jpeg'), 'IMG_0001.HEIC');
    const disposition = (token: unknown, variant: string) =>
      stagedFileResponse(context.db, context.dataDir, String(token), variant).headers.get('content-disposition') ?? '';
    const unit = findUnit(context.db, auth.unitId)!.name;
    expect(parse(disposition(report.body['token'], 'file')).parameters['filename']).toBe(`${unit}-情况汇报.pdf`);
    expect(disposition(report.body['token'], 'file')).not.toContain('.html');
    expect(parse(disposition(essay.body['token'], 'file')).parameters['filename']).toBe(`${unit}-学习感想1.docx`);
    // Old browsers, which know no filename*, get a plain ASCII name made by the server.
    expect(parse(disposition(photo.body['token'], 'photo'), { extended: false }).parameters['filename']).toMatch(/^file-\d+\.jpg$/);
  });

  it("keeps a Chinese file name with an apostrophe in the download header (Chromium drops a raw ' in filename*)", () => {
    const name = "Xi'an 学习(终稿).pdf";
    const header = contentDisposition('attachment', name);
    const extended = /filename\*=UTF-8''(\S+)$/.exec(header)?.[1] ?? '';
    // RFC 5987 attr-char: anything else must be percent-encoded.
    expect(extended).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(extended)).toBe(name);
  });

  it.each([
    ['a pixel bomb', () => bombPng(), 'bomb.png', 413],
    ['a truncated JPEG', async () => (await jpeg(1600, 1200)).subarray(0, 5000), 'cut.jpg', 422],
    ['HTML renamed .jpg', () => Buffer.from('<html><body onload="alert(1)"></body></html>'), 'photo.jpg', 415],
    ['an SVG with a script', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'a.svg', 415],
    ['a zero-byte file', () => Buffer.alloc(0), 'empty.jpg', 422],
    ['a program', () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)]), 'run.jpg', 415],
  ])('answers %s sent as a photo with a Chinese message and a 4xx, storing nothing', async (_name, make, filename, status) => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const result = await upload(context, auth, 'photo', blob(await make()), filename);
    expect(result.status).toBe(status);
    expect(String(result.body['error'])).toMatch(CHINESE);
    expect(count(context, 'staged_uploads')).toBe(0);
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it.each([
    [
      'a zip that is not a Word document',
      async () => {
        const { default: yazl } = await import('yazl');
        const zip = new yazl.ZipFile();
        zip.addBuffer(Buffer.from('hello'), 'readme.txt');
        zip.end();
        const chunks: Buffer[] = [];
        for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      },
      '不是 Word 文档',
      'attachment.docx',
    ],
    [
      'an old .doc sent under a name that is not Word’s',
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
      '另存为',
      'attachment.pdf',
    ],
    ['a PDF cut off during upload', async () => pdf().subarray(0, 60), '不完整', 'attachment.pdf'],
    ['a photo', async () => jpeg(100, 100), '活动照片', 'attachment.docx'],
  ])('refuses %s as an attachment and says what to send', async (_name, make, words, name = 'attachment.docx') => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const result = await upload(context, auth, 'report_file', blob(await make()), name);
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(String(result.body['error'])).toContain(words);
  });

  it('takes only Word for a 学习感想, whose text goes into the 汇编: a PDF is refused there with what to do instead', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const essay = await upload(context, auth, 'essay_2_file', blob(pdf()), '体会.pdf');
    expect(essay.status).toBe(415);
    expect(String(essay.body['error'])).toContain('请上传 Word 文档（.docx），或把正文粘贴到“正文”框');
    const other = await upload(context, auth, 'essay_1_file', blob(Buffer.from('随手记的几句话')), '体会.txt');
    expect(String(other.body['error'])).toContain('不是 Word 文档。这里只收 Word 文档（.docx）。');
    expect(count(context, 'staged_uploads')).toBe(0);
    expect((await upload(context, auth, 'info_file', blob(pdf()), '工作信息.pdf')).status).toBe(200);
  });

  it('refuses a wrong code with 401 and keeps nothing', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const result = await upload(context, { ...auth, code: 'WRONGCODE2' }, 'photo', blob(await jpeg(200, 200)), 'a.jpg');
    expect(result.status).toBe(401);
    expect(String(result.body['error'])).toContain('报送码不正确');
    expect(count(context, 'files')).toBe(0);
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it('refuses a guessing address after 30 wrong codes with 429, while the right code from another address still works', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    expect((await upload(context, { ...auth, code: 'WRONGCODE2' }, 'photo', blob(await jpeg(50, 50)), 'a.jpg')).status).toBe(401);
    recordEvent(
      context.db,
      Array.from({ length: 29 }, () => `code-ip:${context.address}`),
      context.now,
    );
    const locked = await upload(context, auth, 'photo', blob(await jpeg(50, 50)), 'a.jpg');
    expect(locked.status).toBe(429);
    expect(String(locked.body['error'])).toContain('分钟后');
    const owner = await upload({ ...context, address: '10.0.0.200' }, auth, 'photo', blob(await jpeg(50, 50)), 'a.jpg');
    expect(owner.status).toBe(200);
  });

  it('stops a photo over 30 MB while it streams in and answers 413 in Chinese', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const huge = Buffer.alloc(LIMITS.photoBytes + 1024 * 1024, 0xff);
    const result = await upload(context, auth, 'photo', blob(huge), 'huge.jpg');
    expect(result.status).toBe(413);
    expect(String(result.body['error'])).toContain('30 MB');
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it('refuses an unknown kind of upload', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const result = await upload(context, auth, 'avatar', blob(await jpeg(50, 50)), 'a.jpg');
    expect(result.status).toBe(400);
    expect(String(result.body['error'])).toMatch(CHINESE);
  });

  it('refuses uploads after the deadline when the campaign takes nothing late', async () => {
    const context = testContext({ deadline: '2030-05-31T18:00', latePolicy: 'refuse' });
    const auth = await unitWithCode(context);
    const result = await upload(context, auth, 'photo', blob(await jpeg(50, 50)), 'a.jpg');
    expect(result.status).toBe(403);
    expect(String(result.body['error'])).toContain('2030年5月31日 18:00');
  });
});
