import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MultipartError, parseMultipart } from '#server/files/multipart.ts';
import { LIMITS } from '#shared/limits.ts';
import { blob, formData, postRequest } from '../support/api-context.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'baosong-multipart-'));
/** As the form's own rule: files only in the photo and attachment fields. */
const anyFile = (field: string) => (/^photo_\d+$|_file$|^file$/.test(field) ? 10 * 1024 * 1024 : 0);

/** A request whose body arrives in chunks, without Content-Length, as a slow phone would send it. */
function streamedRequest(boundary: string, parts: Buffer[], headers: Record<string, string> = {}): Request {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < parts.length) controller.enqueue(new Uint8Array(parts[index++]!));
      else controller.close();
    },
  });
  return new Request('http://localhost/baosong/', {
    method: 'POST',
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    duplex: 'half',
  } as RequestInit);
}

const filePartHead = (boundary: string, field: string, name: string) =>
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`);

async function failure(promise: Promise<unknown>): Promise<MultipartError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(MultipartError);
  return error as MultipartError;
}

describe('reading a multipart body as a stream', () => {
  it('keeps text fields, repeated fields and Chinese file names, writing files to the temp folder', async () => {
    const dir = tmp();
    const form = formData(
      [
        ['contact_person', '王明'],
        ['activity_forms', '专题会'],
        ['activity_forms', '座谈会'],
      ],
      [['photo_1', blob('abc'), '学习现场.jpg']],
    );
    const parsed = await parseMultipart(postRequest('/baosong/', form), { tmpDir: dir, fileLimit: anyFile });
    expect(parsed.fields.get('contact_person')).toEqual(['王明']);
    expect(parsed.fields.get('activity_forms')).toEqual(['专题会', '座谈会']);
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0]).toMatchObject({ field: 'photo_1', filename: '学习现场.jpg', bytes: 3 });
    expect(parsed.files[0]!.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('ignores the empty part a browser sends for a file input left empty', async () => {
    const form = formData([['a', '1']], [['photo_1', blob(''), '']]);
    const parsed = await parseMultipart(postRequest('/baosong/', form), { tmpDir: tmp(), fileLimit: anyFile });
    expect(parsed.files).toEqual([]);
  });

  it('drops a file over its limit mid-stream with a message for its field, and still reads the rest', async () => {
    const dir = tmp();
    const form = formData(
      [['report_body', '正文在文件之后也要收到']],
      [
        ['photo_1', blob(Buffer.alloc(3000, 1)), '大照片.jpg'],
        ['photo_2', blob('ok'), 'ok.jpg'],
      ],
    );
    const parsed = await parseMultipart(postRequest('/baosong/', form), {
      tmpDir: dir,
      fileLimit: (field) => (field.startsWith('photo_') ? 2048 : 0),
    });
    expect(parsed.errors['photo_1']).toContain('大照片.jpg');
    expect(parsed.files.map((file) => file.field)).toEqual(['photo_2']);
    expect(parsed.fields.get('report_body')).toEqual(['正文在文件之后也要收到']);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('stops a body without Content-Length once it passes the total, removing what it had written', async () => {
    const dir = tmp();
    const boundary = 'xYzBoundary';
    const chunk = Buffer.alloc(64 * 1024, 7);
    const parts = [filePartHead(boundary, 'photo_1', 'a.jpg'), ...Array.from({ length: 40 }, () => chunk)];
    const error = await failure(
      parseMultipart(streamedRequest(boundary, parts), { tmpDir: dir, fileLimit: anyFile, requestBytes: 1024 * 1024 }),
    );
    expect(error.status).toBe(413);
    expect(error.message).toContain('1 MB');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses at once a body whose declared length is over the total, before reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request('http://localhost/baosong/', {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(LIMITS.requestBytes + 1) },
      duplex: 'half',
    } as RequestInit);
    const error = await failure(parseMultipart(request, { tmpDir: tmp(), fileLimit: anyFile }));
    expect(error.status).toBe(413);
    expect(error.message).toContain('200 MB');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('answers a body cut off in the middle (a dropped connection) with a clean 400 and no leftovers', async () => {
    const dir = tmp();
    const boundary = 'cutBoundary';
    const parts = [filePartHead(boundary, 'photo_1', 'a.jpg'), Buffer.alloc(5000, 3)];
    const error = await failure(parseMultipart(streamedRequest(boundary, parts), { tmpDir: dir, fileLimit: anyFile }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('网络');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses more files than a submission can have', async () => {
    const files: [string, Blob, string][] = Array.from({ length: LIMITS.files + 1 }, (_, i) => [`photo_${i + 1}`, blob('x'), `${i}.jpg`]);
    const error = await failure(parseMultipart(postRequest('/baosong/', formData([], files)), { tmpDir: tmp(), fileLimit: anyFile }));
    expect(error.status).toBe(413);
    expect(error.message).toContain(`${LIMITS.files} 个文件`);
  });

  it('drops a text field over its size with a message for that field', async () => {
    const form = formData([
      ['report_body', '字'.repeat(LIMITS.fieldBytes)],
      ['contact_person', '王明'],
    ]);
    const parsed = await parseMultipart(postRequest('/baosong/', form), { tmpDir: tmp(), fileLimit: anyFile });
    expect(parsed.errors['report_body']).toContain('太长');
    expect(parsed.fields.has('report_body')).toBe(false);
    expect(parsed.fields.get('contact_person')).toEqual(['王明']);
  });

  it('refuses a body that is not multipart', async () => {
    const request = new Request('http://localhost/baosong/', {
      method: 'POST',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await failure(parseMultipart(request, { tmpDir: tmp(), fileLimit: anyFile }))).status).toBe(415);
  });
});

describe('temporary files of requests that never finished', () => {
  it('are swept once they are a day old, and fresh ones are left alone', async () => {
    const { sweepTemp } = await import('#server/files/store.ts');
    const { mkdirSync, writeFileSync, utimesSync } = await import('node:fs');
    const dataDir = tmp();
    mkdirSync(join(dataDir, 'tmp'));
    writeFileSync(join(dataDir, 'tmp', 'up-old'), 'x');
    writeFileSync(join(dataDir, 'tmp', 'up-new'), 'y');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(join(dataDir, 'tmp', 'up-old'), twoDaysAgo, twoDaysAgo);
    expect(await sweepTemp(dataDir, 24 * 3600 * 1000)).toBe(1);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual(['up-new']);
  });
});
