/**
 * What a file really is, from its first bytes: names and browser-declared types are never trusted.
 * Photos are allowed as JPEG, PNG, WebP and HEIC/HEIF; attachments as .docx and PDF.
 */
import { open } from 'node:fs/promises';
import { openPromise, type ZipFile } from 'yauzl';

export type Sniffed =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'heif'
  | 'avif'
  | 'gif'
  | 'bmp'
  | 'tiff'
  | 'svg'
  | 'html'
  | 'xml'
  | 'pdf'
  | 'zip'
  | 'ole'
  | 'executable'
  | 'empty'
  | 'unknown';

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((byte, i) => head[offset + i] === byte);

/** The brands of an ISO-BMFF ftyp box (major plus compatible), or [] when there is none. */
function ftypBrands(head: Buffer): string[] {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return [];
  const size = Math.min(head.readUInt32BE(0), head.length);
  const brands = [head.toString('latin1', 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(head.toString('latin1', at, at + 4));
  return brands;
}

function sniffText(head: Buffer): Sniffed | undefined {
  const text = head
    .toString('utf8', 0, Math.min(head.length, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<!doctype html|^<html|^<head|^<body|^<script|^<iframe/.test(text)) return 'html';
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && head.toString('utf8').toLowerCase().includes('<svg'))) return 'svg';
  if (text.startsWith('<?xml') || text.startsWith('<!doctype')) return 'xml';
  if (text.startsWith('<')) return 'html';
  if (text.startsWith('#!')) return 'executable';
  return undefined;
}

/** Classifies a file by its first bytes (4 KB is plenty). */
export function sniff(head: Buffer): Sniffed {
  if (head.length === 0) return 'empty';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  const brands = ftypBrands(head);
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'heif';
  if (head.toString('latin1', 0, 3) === 'GIF') return 'gif';
  if (head.toString('latin1', 0, 2) === 'BM') return 'bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (head.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (head.toString('latin1', 0, 2) === 'MZ' || startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'executable';
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(head.length >= 4 ? head.readUInt32BE(0) : 0)) {
    return 'executable';
  }
  return sniffText(head) ?? 'unknown';
}

/** The first `length` bytes of a file (fewer when it is shorter). */
export async function readHead(path: string, length = 4096): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The last `length` bytes of a file. */
export async function readTail(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - length);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** More entries than any Word document has: a zip bomb of names is refused before it is walked. */
const MAX_ENTRIES = 10_000;

/**
 * The entry names of a zip file, read from its central directory (where unzip tools look), or
 * undefined when the file is not a complete zip (e.g. cut off during upload).
 */
export async function zipEntryNames(path: string): Promise<string[] | undefined> {
  let zip: ZipFile;
  try {
    zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  } catch {
    return undefined;
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) return undefined;
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    return names;
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
}

/** A file that is not accepted; the message tells the sender, in Chinese, what to send instead. */
export class FileRefused extends Error {
  override name = 'FileRefused';
  readonly status: number;
  constructor(message: string, status = 422) {
    super(message);
    this.status = status;
  }
}
