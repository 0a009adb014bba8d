/**
 * The text of each part of a version as everything downstream uses it — the receipt, the console,
 * /youxiu/, the 汇编 and the exports: what the unit typed, or else what its Word file says.
 */
import type { DatabaseSync } from 'node:sqlite';
import { countChars } from '#shared/submission/count.ts';
import { ensureDocumentText, findDocumentText, isWordFile } from '#server/files/document-texts.ts';
import { findFile, type FileRecord } from '#server/files/store.ts';
import type { VersionRecord } from './read.ts';

export interface PartText {
  text: string;
  chars: number;
  /** typed: entered in the form; file: read from the uploaded .docx; none: neither. */
  source: 'typed' | 'file' | 'none';
  /** Why the uploaded Word file's text could not be read (Chinese), or ''. */
  note: string;
}

/** The typed text when there is any, else the Word file's text when it could be read. */
export function partText(db: DatabaseSync, typed: string, file: FileRecord | undefined): PartText {
  const read = file && isWordFile(file) ? findDocumentText(db, file.id) : undefined;
  const note = read?.reason ? `附件“${file?.originalName || '附件'}”：${read.reason}` : '';
  if (typed.trim() !== '') return { text: typed.trim(), chars: countChars(typed), source: 'typed', note };
  // Text over the limit is kept and shown, flagged by its note; an unreadable file has no text.
  if (read && read.text !== '') return { text: read.text, chars: read.chars, source: 'file', note };
  return { text: '', chars: 0, source: 'none', note };
}

/** Reads every Word file of a version that has not been read yet (files sent before this existed). */
export async function ensureVersionTexts(db: DatabaseSync, dataDir: string, version: VersionRecord): Promise<void> {
  const files = [version.reportFile, version.infoFile, ...version.essays.map((essay) => essay.file)];
  for (const file of files) if (file) await ensureDocumentText(db, dataDir, file);
}

export interface VersionTexts {
  report: PartText;
  info: PartText;
  /** By essay position (1, 2). */
  essays: Map<number, PartText>;
}

export function versionTexts(db: DatabaseSync, version: VersionRecord): VersionTexts {
  return {
    report: partText(db, version.reportBody, version.reportFile),
    info: partText(db, version.infoText, version.infoFile),
    essays: new Map(version.essays.map((essay) => [essay.position, partText(db, essay.body, essay.file)])),
  };
}

/**
 * Reads every Word file of the units' current versions not read yet: files stored before texts
 * were read on upload. Each is read once; afterwards this is one query.
 */
export async function ensureCurrentTexts(db: DatabaseSync, dataDir: string): Promise<void> {
  const ids = db
    .prepare(
      `SELECT DISTINCT f.id FROM submissions s JOIN versions v ON v.id = s.current_version_id
       LEFT JOIN essays e ON e.version_id = v.id
       JOIN files f ON f.id IN (v.report_file_id, v.info_file_id, e.file_id)
       WHERE f.id NOT IN (SELECT file_id FROM document_texts)`,
    )
    .all() as { id: number }[];
  for (const { id } of ids) {
    const file = findFile(db, id);
    if (file) await ensureDocumentText(db, dataDir, file);
  }
}
