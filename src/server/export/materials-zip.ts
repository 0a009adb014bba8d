import type { DatabaseSync } from 'node:sqlite';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { beijingParts } from '#shared/campaign/deadline.ts';
import { NameRegistry, safeFileName } from '#server/files/download-names.ts';
import { CSV_BOM, csvLine } from './summary-csv.ts';
import { planUnitEntries, submittedUnits, type PlannedEntry } from './unit-entries.ts';

export const MANIFEST_NAME = '清单.csv';

export interface ZipSummary {
  units: number;
  files: number;
}

/**
 * 全部材料.zip, streamed: yazl writes entries one after another, each opened (or generated)
 * only when it is reached, and the next unit is planned only once the previous one has started,
 * so memory holds about two units whatever the number of units and photos. Names are UTF-8
 * (yazl sets the flag). 清单.csv comes last, when every size is known; it also lists every file
 * that could not be read from the server's disk, so nothing goes missing without a word.
 */
/**
 * A zip entry's time as Beijing wall-clock time. The zip format's own (DOS) time has no time zone:
 * unzip tools and Windows show its fields as they are, and yazl fills them from the Date's local
 * fields, which on a server running in UTC would read eight hours early. So yazl gets a Date whose
 * local fields are the Beijing time, whatever the server's zone, and no extended (UTC) timestamp,
 * which would then name a different instant.
 */
export function dosTime(at: Date): { mtime: Date; forceDosTimestamp: true } {
  const p = beijingParts(at);
  return { mtime: new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second), forceDosTimestamp: true };
}

export async function writeMaterialsZip(db: DatabaseSync, dataDir: string, out: Writable, now: Date = new Date()): Promise<ZipSummary> {
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, out);
  zip.on('error', (error: Error) => out.destroy(error));
  const stopped = written.then(() => {
    throw new Error('zip ended early');
  });
  stopped.catch(() => {});

  const manifest: string[][] = [];
  const folders = new NameRegistry();
  let files = 0;
  let previousStarted: Promise<void> = Promise.resolve();

  const add = (entry: PlannedEntry, unit: { name: string; category: string; receiptNumber: string }, onStart?: () => void) => {
    if (entry.unavailable) {
      manifest.push([unit.name, unit.category, unit.receiptNumber, entry.path, `${entry.what}（${entry.unavailable}，未打包）`, '']);
      onStart?.();
      return;
    }
    files++;
    zip.addReadStreamLazy(entry.path, { compress: entry.compress, ...dosTime(entry.mtime) }, (callback) => {
      onStart?.();
      entry.open().then(
        ({ stream, bytes }) => {
          manifest.push([unit.name, unit.category, unit.receiptNumber, entry.path, entry.what, String(bytes)]);
          callback(null, stream);
        },
        (error: unknown) => callback(error, Readable.from([])),
      );
    });
  };

  const units = submittedUnits(db);
  for (const unit of units) {
    await Promise.race([previousStarted, stopped]);
    const folder = folders.claim(safeFileName(unit.name, `单位${unit.unitId}`, 40));
    const entries = planUnitEntries(db, dataDir, unit, folder);
    let started = () => {};
    previousStarted = new Promise<void>((resolve) => (started = resolve));
    if (entries.length === 0) started();
    entries.forEach((entry, i) => add(entry, unit, i === 0 ? started : undefined));
  }

  const missing = db
    .prepare('SELECT name, category FROM units WHERE active = 1 AND id NOT IN (SELECT unit_id FROM submissions) ORDER BY sort_order, id')
    .all() as { name: string; category: string }[];
  zip.addReadStreamLazy(MANIFEST_NAME, { compress: true, ...dosTime(now) }, (callback) => {
    const header = ['单位名称', '类别', '回执编号', '文件', '内容', '大小（字节）'];
    const rows = [...manifest, ...missing.map((u) => [u.name, u.category, '', '', '未报送', ''])];
    callback(null, Readable.from([CSV_BOM + csvLine(header) + rows.map(csvLine).join('')]));
  });
  zip.end();
  await written;
  return { units: units.length, files };
}
