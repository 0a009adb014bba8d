import type { DatabaseSync } from 'node:sqlite';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { storedFilePath } from '#server/files/serve.ts';
import { loadVersion } from '#server/submissions/read.ts';
import { versionTexts } from '#server/submissions/texts.ts';
import type { FileRecord } from '#server/files/store.ts';
import { essayDocx, reportDocx } from './report-docx.ts';
import { extensionFor, NameRegistry, safeFileName } from '#server/files/download-names.ts';

/** One file of the materials zip, opened only when the zip writer reaches it. */
export interface PlannedEntry {
  /** Path inside the zip, `单位名/照片/01-说明.jpg`. */
  path: string;
  /** What it is, for 清单.csv. */
  what: string;
  /** Already-compressed formats (jpg, docx, pdf) are stored as they are. */
  compress: boolean;
  mtime: Date;
  open(): Promise<{ stream: Readable; bytes: number }>;
  /** Why the file is not in the zip (it is missing from the server's disk); listed in 清单.csv instead. */
  unavailable?: string;
}

export interface SubmittedUnit {
  unitId: number;
  name: string;
  category: string;
  receiptNumber: string;
  submissionId: number;
  /** The version current when the export started; a revision sent meanwhile goes in the next export. */
  versionNo: number;
}

const generated = (make: () => Promise<Buffer>) => async () => {
  const buffer = await make();
  return { stream: Readable.from([buffer]), bytes: buffer.length };
};

function storedEntry(dataDir: string, file: FileRecord, path: (ext: string) => string, what: string, mtime: Date): PlannedEntry {
  const onDisk = storedFilePath(dataDir, file);
  if (!onDisk) {
    return {
      path: path(extensionFor(file.mime, file.originalName)),
      what,
      compress: false,
      mtime,
      open: () => Promise.reject(new Error('missing')),
      unavailable: '服务器上找不到这个文件',
    };
  }
  return {
    path: path(extensionFor(file.mime, file.originalName)),
    what,
    compress: !/\.(jpe?g|png|webp|docx|pdf|zip)$/i.test(file.originalName) && !file.mime.startsWith('image/'),
    mtime,
    open: async () => ({ stream: createReadStream(onDisk), bytes: file.bytes }),
  };
}

/**
 * The files of one unit's current version: 情况汇报.docx (made here) and its original, photos
 * numbered in order with their captions, each essay as its uploaded file or a made .docx.
 */
export function planUnitEntries(db: DatabaseSync, dataDir: string, unit: SubmittedUnit, folder: string): PlannedEntry[] {
  const version = loadVersion(db, unit.submissionId, unit.versionNo);
  if (!version) return [];
  const mtime = version.submittedAt;
  const names = new NameRegistry();
  const texts = versionTexts(db, version);
  const entries: PlannedEntry[] = [
    {
      path: names.claim(`${folder}/情况汇报.docx`),
      what: '情况汇报（按报送内容生成）',
      compress: false,
      mtime,
      open: generated(() => reportDocx({ unitName: unit.name, receiptNumber: unit.receiptNumber, version, texts })),
    },
  ];
  if (version.reportFile) {
    entries.push(storedEntry(dataDir, version.reportFile, (ext) => names.claim(`${folder}/情况汇报（原件）${ext}`), '情况汇报原件', mtime));
  }
  if (version.infoFile) {
    entries.push(storedEntry(dataDir, version.infoFile, (ext) => names.claim(`${folder}/相关信息（原件）${ext}`), '相关信息原件', mtime));
  }
  for (const photo of version.photos) {
    const number = String(photo.position).padStart(2, '0');
    const caption = safeFileName(photo.caption, '照片', 30);
    entries.push(
      storedEntry(dataDir, photo.file, (ext) => names.claim(`${folder}/照片/${number}-${caption}${ext}`), `照片：${photo.caption}`, mtime),
    );
  }
  for (const essay of version.essays) {
    const stem = `${folder}/学习感想/${safeFileName(`${essay.title}-${essay.author}`, `学习感想${essay.position}`, 50)}`;
    if (essay.file) {
      entries.push(storedEntry(dataDir, essay.file, (ext) => names.claim(`${stem}${ext}`), `学习感想原件：${essay.title}`, mtime));
    } else {
      entries.push({
        path: names.claim(`${stem}.docx`),
        what: `学习感想：${essay.title}（按报送内容生成）`,
        compress: false,
        mtime,
        open: generated(() => essayDocx(essay, unit.name)),
      });
    }
  }
  return entries;
}

/** Units with a submission, in list order (the current version as of now). */
export function submittedUnits(db: DatabaseSync): SubmittedUnit[] {
  return (
    db
      .prepare(
        `SELECT u.id, u.name, u.category, s.id AS submission_id, s.number, v.version_no FROM units u
         JOIN submissions s ON s.unit_id = u.id JOIN versions v ON v.id = s.current_version_id
         WHERE u.active = 1 ORDER BY u.sort_order, u.id`,
      )
      .all() as { id: number; name: string; category: string; submission_id: number; number: string; version_no: number }[]
  ).map((r) => ({
    unitId: r.id,
    name: r.name,
    category: r.category,
    receiptNumber: r.number,
    submissionId: r.submission_id,
    versionNo: r.version_no,
  }));
}
