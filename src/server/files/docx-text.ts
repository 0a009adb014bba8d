/**
 * Reads the text of an uploaded Word .docx, paragraph by paragraph, without letting a hostile
 * file hurt the server. Before mammoth sees a byte, yauzl walks the whole archive: the entry count
 * and the bytes each entry really inflates to are bounded (a zip bomb stops at the limit instead of
 * filling memory), encrypted entries and XML with a DOCTYPE or ENTITY declaration (external
 * entities) are refused. mammoth then runs in a worker thread with its own heap limit and a time
 * limit, so a file that still makes it loop or balloon is terminated, never the server.
 * Every failure becomes a Chinese reason shown on the receipt and in the console.
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import yauzl from 'yauzl';
import { TEXT_LIMITS } from '#shared/limits.ts';
import { countChars } from '#shared/submission/count.ts';

export type DocxText = { ok: true; text: string; chars: number } | { ok: false; text: string; chars: number; reason: string };

export const DOCX_LIMITS = {
  /** A real report with a dozen embedded photos inflates to tens of MB; 200 MB is far past that. */
  uncompressedBytes: 200 * 1024 * 1024,
  /** Word writes 10–40 parts; thousands of entries is a crafted file. */
  entries: 5000,
  /** A 20 000-字 essay parses in well under a second; 20 s means something is wrong (and stays under a proxy's timeout). */
  workerMs: 20_000,
  /** mammoth's own heap: the document tree of a 20 MB .docx fits in a fraction of this. */
  workerHeapMb: 512,
  /** More text than the longest essay or report the form takes. */
  chars: TEXT_LIMITS.essay_body,
} as const;

export const REASONS = {
  oldDoc: '这是旧版 Word（.doc）或 WPS 格式的文件，无法读取正文。请在 Word 或 WPS 中“另存为”.docx 后重新上传。',
  encrypted: '文件已加密（设置了打开密码），无法读取正文。请取消密码后重新上传。',
  corrupt: '文件已损坏或不完整（可能上传时中断），无法读取正文。请重新上传。',
  tooLarge: '文件解压后过大（可能是异常文件），无法读取正文。请另存为普通的 .docx 后重新上传。',
  entities: '文件含有外部实体声明（可能是异常文件），为安全起见不读取正文。请在 Word 中另存为 .docx 后重新上传。',
  notWord: '文件不是 Word 文档（.docx），无法读取正文。',
  timeout: '读取正文超时（文件结构异常），无法读取正文。请在 Word 中另存为 .docx 后重新上传。',
  failed: '无法读取正文（文件结构异常）。请在 Word 中另存为 .docx 后重新上传。',
  tooLong: (chars: number) => `正文共 ${chars} 字，超过 ${DOCX_LIMITS.chars} 字，无法作为学习感想全文收录，请删减后重新上传。`,
} as const;

class Unreadable extends Error {}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office's password protection wraps the .docx in an OLE file holding this stream. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const DECLARATION = /<!(DOCTYPE|ENTITY)/i;

async function readWhole(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, limit));
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(new Unreadable(REASONS.corrupt));
      else resolve(zip);
    });
  });
}

/**
 * Walks every entry, inflating it and counting the bytes it really yields (a header may lie);
 * XML parts are scanned for declarations. Resolves when the whole archive is known to be sane.
 */
async function inspectZip(path: string): Promise<void> {
  const zip = await openZip(path);
  if (zip.entryCount > DOCX_LIMITS.entries) {
    zip.close();
    throw new Unreadable(REASONS.tooLarge);
  }
  let total = 0;
  let hasDocument = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => reject(error instanceof Unreadable ? error : new Unreadable(REASONS.corrupt));
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName === 'word/document.xml') hasDocument = true;
        if ((entry.generalPurposeBitFlag & 1) !== 0) return fail(new Unreadable(REASONS.encrypted));
        if (total + entry.uncompressedSize > DOCX_LIMITS.uncompressedBytes) return fail(new Unreadable(REASONS.tooLarge));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        const xml = /\.(xml|rels)$/i.test(entry.fileName);
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return fail(error);
          let tail = '';
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > DOCX_LIMITS.uncompressedBytes) {
              stream.destroy();
              return fail(new Unreadable(REASONS.tooLarge));
            }
            if (xml) {
              // Keep a short tail so a declaration split across two chunks is still seen.
              const text = tail + chunk.toString('latin1');
              if (DECLARATION.test(text)) {
                stream.destroy();
                return fail(new Unreadable(REASONS.entities));
              }
              tail = text.slice(-16);
            }
          });
          stream.on('error', fail);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  if (!hasDocument) throw new Unreadable(REASONS.notWord);
}

// The worker is plain CommonJS evaluated from a string: it needs no build step of its own, and it
// loads mammoth from where the server resolves it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.mammoth)
  .extractRawText({ path: workerData.path })
  .then((result) => parentPort.postMessage({ text: result.value }), () => parentPort.postMessage({ failed: true }));
`;

function extractInWorker(path: string): Promise<string> {
  const mammoth = createRequire(import.meta.url).resolve('mammoth');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { mammoth, path },
      resourceLimits: { maxOldGenerationSizeMb: DOCX_LIMITS.workerHeapMb },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Unreadable(REASONS.timeout));
    }, DOCX_LIMITS.workerMs);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    worker.once('message', (message: { text?: string; failed?: boolean }) =>
      settle(() => (typeof message.text === 'string' ? resolve(message.text) : reject(new Unreadable(REASONS.failed)))),
    );
    // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or any other crash ends only the worker.
    worker.once('error', () => settle(() => reject(new Unreadable(REASONS.tooLarge))));
    worker.once('exit', () => settle(() => reject(new Unreadable(REASONS.failed))));
  });
}

/** mammoth separates paragraphs with a blank line; one break per paragraph reads as the document does. */
export function tidyParagraphs(raw: string): string {
  return raw
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s\u3000]+$/u, ''))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** The text of a .docx on disk, or the reason it cannot be read. Never throws for a bad file. */
export async function readDocxText(path: string): Promise<DocxText> {
  try {
    const head = await readWhole(path, 8);
    if (head.equals(OLE)) {
      const whole = await readWhole(path, DOCX_LIMITS.uncompressedBytes);
      throw new Unreadable(whole.includes(ENCRYPTED_PACKAGE) ? REASONS.encrypted : REASONS.oldDoc);
    }
    await inspectZip(path);
    const text = tidyParagraphs(await extractInWorker(path));
    const chars = countChars(text);
    if (chars > DOCX_LIMITS.chars) return { ok: false, text, chars, reason: REASONS.tooLong(chars) };
    return { ok: true, text, chars };
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, text: '', chars: 0, reason: error.message };
    throw error;
  }
}
