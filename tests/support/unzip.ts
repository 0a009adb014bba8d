/**
 * Reads a zip the way an unzip tool does (yauzl: central directory first, then each entry).
 * Enough to check what the exports contain (names, flags, bytes).
 */
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise } from 'yauzl';

export interface ZipEntry {
  name: string;
  /** General purpose flag bit 11: the name is UTF-8. */
  utf8: boolean;
  compressed: boolean;
  data: Buffer;
}

export async function readZip(zip: Buffer): Promise<ZipEntry[]> {
  const file = await fromBufferPromise(zip, { lazyEntries: true });
  const entries: ZipEntry[] = [];
  for await (const entry of file.eachEntry()) {
    entries.push({
      name: entry.fileName,
      utf8: (entry.generalPurposeBitFlag & 0x800) !== 0,
      compressed: entry.compressionMethod === 8,
      data: await buffer(await file.openReadStreamPromise(entry)),
    });
  }
  return entries;
}

export function entryText(entries: ZipEntry[], name: string): string {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip; it has ${entries.map((e) => e.name).join(', ')}`);
  return entry.data.toString('utf8');
}
