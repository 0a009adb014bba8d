/**
 * Reads a multipart/form-data request as a stream: each file part goes straight to a temporary
 * file under DATA_DIR/tmp (hashed on the way), so a 200 MB post never sits in memory. Limits are
 * enforced while the bytes arrive: a file over its own limit is dropped with a message for its
 * field and the rest of the form is still read (so typed text is never lost); a request over the
 * total, or with absurd part counts, is stopped at once.
 */
import busboy from 'busboy';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { LIMITS, formatMegabytes } from '#shared/limits.ts';
import { STORAGE_FULL, isDiskFull } from './disk-full.ts';

export interface ReceivedFile {
  field: string;
  /** The name on the sender's device (may be empty or odd; never used as a path). */
  filename: string;
  /** What the browser claimed; never trusted, the content decides. */
  declaredType: string;
  /** The temporary file; the caller moves it into storage or it is removed by discardFiles. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ParsedForm {
  /** Text fields in arrival order; repeated names (activity_forms) keep every value. */
  fields: Map<string, string[]>;
  files: ReceivedFile[];
  /** Chinese messages for fields whose file or text was over its limit and dropped. */
  errors: Record<string, string>;
}

/** The whole request is refused; nothing from it was kept. */
export class MultipartError extends Error {
  override name = 'MultipartError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface MultipartOptions {
  /** Where the temporary files go: on the same disk as storage so that keeping one is a rename. */
  tmpDir: string;
  /** The most bytes a file in this field may have; 0 refuses files in that field. */
  fileLimit: (field: string) => number;
  requestBytes?: number;
}

const tooLargeMessage = (limit: number) =>
  `本次提交的内容超过了单次 ${formatMegabytes(limit)} 的上限，没有保存。请减少一次提交的照片数量（可以先提交，再通过“修改报送”补充照片），或在手机上压缩照片后重试。`;

function fileTooLargeMessage(filename: string, limit: number): string {
  return `文件“${filename}”超过 ${formatMegabytes(limit)}，没有收下。照片请在手机上选择“压缩”或截图后重新上传；Word/PDF 请压缩其中的图片后再上传。`;
}

/** Counts the request body and stops it once it exceeds the total. */
function byteCounter(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new MultipartError(413, tooLargeMessage(limit)));
      else done(null, chunk);
    },
  });
}

/**
 * A temporary file that never fails the stream: a write error (a full disk) is kept and the rest of
 * the part is read and dropped. Failing the stream instead would leave busboy waiting for a reader
 * that is gone, and the client without any answer.
 */
function tempFile(path: string): { sink: Writable; failure: () => Error | undefined } {
  let handle: FileHandle | undefined;
  let failure: Error | undefined;
  const fail = async (error: Error) => {
    failure ??= error;
    await handle?.close().catch(() => undefined);
    handle = undefined;
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (failure) return done();
      const ready = handle ? Promise.resolve(handle) : open(path, 'w').then((opened) => (handle = opened));
      ready
        .then((file) => file.write(chunk))
        .then(
          () => done(),
          (error: Error) => fail(error).then(() => done()),
        );
    },
    final(done) {
      const closing = handle ? handle.close() : failure ? Promise.resolve() : open(path, 'w').then((file) => file.close());
      closing.then(
        () => done(),
        (error: Error) => fail(error).then(() => done()),
      );
    },
  });
  return { sink, failure: () => failure };
}

export async function parseMultipart(request: Request, options: MultipartOptions): Promise<ParsedForm> {
  const requestBytes = options.requestBytes ?? LIMITS.requestBytes;
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new MultipartError(415, '提交的格式不对，请从报送页面的表单提交。');
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > requestBytes) throw new MultipartError(413, tooLargeMessage(requestBytes));
  if (!request.body) throw new MultipartError(400, '没有收到任何内容，请重新提交。');

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      limits: {
        fieldSize: LIMITS.fieldBytes,
        fields: LIMITS.fields,
        files: LIMITS.files,
        parts: LIMITS.parts,
        fileSize: Math.max(LIMITS.photoBytes, LIMITS.attachmentBytes) + 1,
      },
    });
  } catch {
    throw new MultipartError(400, '提交的内容无法识别，请刷新页面后重新提交。');
  }

  await mkdir(options.tmpDir, { recursive: true });
  const fields = new Map<string, string[]>();
  const files: ReceivedFile[] = [];
  const errors: Record<string, string> = {};
  const writes: Promise<void>[] = [];
  const tempPaths: string[] = [];
  let writeFailure: Error | undefined;

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) {
      errors[name] = '这一栏的内容太长，没有收下，请删减后再提交。';
      return;
    }
    const list = fields.get(name) ?? [];
    list.push(value);
    fields.set(name, list);
  });

  parser.on('file', (field, stream, info) => {
    const filename = (info.filename ?? '').slice(0, 200);
    const limit = options.fileLimit(field);
    if (limit === 0) {
      stream.resume();
      return;
    }
    const path = join(options.tmpDir, `up-${randomBytes(12).toString('hex')}`);
    tempPaths.push(path);
    const hash = createHash('sha256');
    let bytes = 0;
    let over = false;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (over) return done();
        bytes += chunk.length;
        if (bytes > limit) {
          over = true;
          return done();
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const target = tempFile(path);
    writes.push(
      pipeline(stream, meter, target.sink).then(async () => {
        const failure = target.failure();
        if (failure) {
          writeFailure ??= failure;
          await rm(path, { force: true });
        } else if (over) {
          errors[field] = fileTooLargeMessage(filename || '未命名文件', limit);
          await rm(path, { force: true });
        } else if (bytes === 0 && filename === '') {
          // An empty file input: the browser sends a nameless empty part.
          await rm(path, { force: true });
        } else {
          files.push({ field, filename, declaredType: info.mimeType, path, bytes, sha256: hash.digest('hex') });
        }
      }),
    );
  });

  // Past a count limit busboy skips the remaining parts; reading on to the end (the byte limit still
  // applies) lets the browser receive the Chinese refusal instead of a reset connection.
  let refusal: MultipartError | undefined;
  const refuse = (message: string) => () => {
    refusal ??= new MultipartError(413, message);
  };
  parser.on('partsLimit', refuse('提交的项目过多，请刷新页面后重新提交。'));
  parser.on('filesLimit', refuse(`一次最多提交 ${LIMITS.files} 个文件，请减少照片数量后重新提交。`));
  parser.on('fieldsLimit', refuse('提交的项目过多，请刷新页面后重新提交。'));

  try {
    const body = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    await pipeline(body, byteCounter(requestBytes), parser);
    await Promise.all(writes);
    if (refusal) throw refusal;
    if (writeFailure) throw writeFailure;
  } catch (error) {
    await Promise.allSettled(writes);
    await Promise.all(tempPaths.map((path) => rm(path, { force: true })));
    if (error instanceof MultipartError) throw error;
    if (isDiskFull(error)) throw new MultipartError(507, STORAGE_FULL);
    if (error === writeFailure) throw error;
    throw new MultipartError(400, '提交的内容不完整（可能是网络中断），没有保存。请检查网络后重新提交。');
  }
  return { fields, files, errors };
}

/** Removes the temporary files that were not moved into storage. */
export async function discardFiles(files: ReceivedFile[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.path, { force: true })));
}

/** The first value of a text field, or ''. */
export function fieldValue(form: ParsedForm, name: string): string {
  return form.fields.get(name)?.[0] ?? '';
}
