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
import { cleanSingleLine } from '#shared/submission/clean-text.ts';
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
  /**
   * Chinese messages for every file or text not taken, keyed by its field (UNREADABLE_PART when the
   * part's own header could not be read): over its limit, without a file name, in a field the form
   * does not have. Nothing is dropped without one.
   */
  errors: Record<string, string>;
}

/** The errors key of a part whose header was broken (a NUL or a raw line break in its file name). */
export const UNREADABLE_PART = 'files';

const UNREADABLE_PART_MESSAGE =
  '有一个文件的文件名中含有无法识别的字符（如换行符），这个文件没有收下；其他内容不受影响。请把文件改一个普通的名字后重新选择。';

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
  /** What the form calls a file field, for messages: 第 3 张照片, 情况汇报原件. */
  fileLabel?: (field: string) => string;
  /** The message for a file sent in a field the form does not have (say, a 21st photo). */
  refusedFile?: (field: string, filename: string) => string;
  requestBytes?: number;
}

const tooLargeMessage = (limit: number) =>
  `本次提交的内容超过了单次 ${formatMegabytes(limit)} 的上限，没有保存。请减少一次提交的照片数量（可以先提交，再通过“修改报送”补充照片），或在手机上压缩照片后重试。`;

function fileTooLargeMessage(label: string, filename: string, limit: number): string {
  return `${label}“${filename}”超过 ${formatMegabytes(limit)}，没有收下。照片请在手机上选择“压缩”或截图后重新上传；Word/PDF 请压缩其中的图片后再上传。`;
}

/** A sender's file name as a message may show it: one line, no control characters, at most 40 characters. */
export function shownFileName(filename: string): string {
  const clean = Array.from(cleanSingleLine(filename).replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, ''));
  return clean.length === 0 ? '未命名文件' : clean.length > 40 ? `${clean.slice(0, 39).join('')}…` : clean.join('');
}

/**
 * Counts the parts that start in the body. busboy skips a part whose Content-Disposition it cannot
 * parse (a raw line break in a file name ends the header early) without a word; comparing this
 * count with the parts it delivered is how such a part is still named.
 */
function partCounter(boundary: string): { stream: Transform; count: () => number } {
  const delimiter = Buffer.from(`--${boundary}\r\n`, 'latin1');
  let tail = Buffer.alloc(0);
  let parts = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const window = Buffer.concat([tail, chunk]);
      for (let at = window.indexOf(delimiter); at >= 0; at = window.indexOf(delimiter, at + delimiter.length)) parts++;
      // Shorter than the delimiter, so no occurrence found here is counted again with the next chunk.
      tail = window.subarray(Math.max(0, window.length - delimiter.length + 1));
      done(null, chunk);
    },
  });
  return { stream, count: () => parts };
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

  const labelOf = (field: string) => (options.fileLabel ? options.fileLabel(field) : '文件');
  const namelessMessage = (field: string) => `${labelOf(field)}没有文件名，没有收下。请重新选择这个文件后再提交。`;
  let delivered = 0;
  parser.on('field', (name, value, info) => {
    delivered++;
    // A file part without a file name arrives as text; an empty one is just an empty file input.
    if (options.fileLimit(name) > 0) {
      if (value !== '') errors[name] = namelessMessage(name);
      return;
    }
    if (info.valueTruncated) {
      errors[name] = '这一栏的内容太长，没有收下，请删减后再提交。';
      return;
    }
    const list = fields.get(name) ?? [];
    list.push(value);
    fields.set(name, list);
  });

  parser.on('file', (field, stream, info) => {
    delivered++;
    const filename = (info.filename ?? '').slice(0, 200);
    const limit = options.fileLimit(field);
    if (limit === 0) {
      stream.resume();
      if (options.refusedFile) errors[field] = options.refusedFile(field, shownFileName(filename));
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
          errors[field] = fileTooLargeMessage(labelOf(field), shownFileName(filename), limit);
          await rm(path, { force: true });
        } else if (filename === '') {
          // An empty file input sends a nameless empty part; a nameless part with content is named.
          await rm(path, { force: true });
          if (bytes > 0) errors[field] = namelessMessage(field);
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
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const parts = partCounter(boundary?.[1] ?? boundary?.[2] ?? '');
    const unreadable = () => {
      delivered++;
      errors[UNREADABLE_PART] = UNREADABLE_PART_MESSAGE;
    };
    await pipeline(body, byteCounter(requestBytes), parts.stream, tolerantSink(parser, unreadable));
    if (parts.count() > delivered && !refusal) errors[UNREADABLE_PART] = UNREADABLE_PART_MESSAGE;
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

/**
 * Feeds busboy, which reports a part whose header it cannot read (a NUL or a raw line break in the
 * file name) as an error and then skips just that part. Piped directly, that error would end the
 * whole request; here it costs only that part, and any other error still ends it.
 */
function tolerantSink(parser: busboy.Busboy, onUnreadablePart: () => void): Writable {
  let ending = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parser.write(chunk, () => done());
    },
    final(done) {
      ending = true;
      parser.once('finish', () => done());
      parser.end();
    },
    // A request stopped (too large, cut off) stops the parser too, and with it the files being written.
    destroy(error, done) {
      parser.destroy(error ?? undefined);
      done(error);
    },
  });
  parser.on('error', (error: Error) => {
    // At the end the same message means the body stopped inside a header: the request is incomplete.
    if (!ending && error.message === 'Malformed part header') onUnreadablePart();
    else sink.destroy(error);
  });
  return sink;
}

/** Removes the temporary files that were not moved into storage. */
export async function discardFiles(files: ReceivedFile[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.path, { force: true })));
}

/** The first value of a text field, or ''. */
export function fieldValue(form: ParsedForm, name: string): string {
  return form.fields.get(name)?.[0] ?? '';
}
