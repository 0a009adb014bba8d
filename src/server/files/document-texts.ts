/**
 * The text read out of each stored Word file, kept beside the original (which stays as sent and
 * is what the zip exports). Keyed by the stored file: files are content-addressed, so the same
 * .docx sent again in a later version is read once.
 */
import type { DatabaseSync } from 'node:sqlite';
import { readDocxText } from './docx-text.ts';
import { DOCX_MIME } from './attachments.ts';
import { storedFilePath } from './serve.ts';
import type { FileRecord } from './store.ts';

/** What a stored file says, as text; `reason` (Chinese) when it could not be read. */
export interface DocumentText {
  text: string;
  chars: number;
  reason: string;
}

export function findDocumentText(db: DatabaseSync, fileId: number): DocumentText | undefined {
  const row = db.prepare('SELECT text, chars, error FROM document_texts WHERE file_id = ?').get(fileId) as
    { text: string; chars: number; error: string } | undefined;
  return row ? { text: row.text, chars: row.chars, reason: row.error } : undefined;
}

/** Whether a stored attachment is one whose text is read (a .docx, or an old .doc sent as one). */
export function isWordFile(file: Pick<FileRecord, 'mime' | 'originalName'>): boolean {
  return file.mime === DOCX_MIME || file.mime === 'application/msword' || /\.docx?$/i.test(file.originalName);
}

/**
 * Reads and records the text of a stored Word file unless that was done already. A file missing
 * from disk is recorded as unreadable for now and read again next time.
 */
export async function ensureDocumentText(db: DatabaseSync, dataDir: string, file: FileRecord): Promise<DocumentText | undefined> {
  if (!isWordFile(file)) return undefined;
  const known = findDocumentText(db, file.id);
  if (known) return known;
  const path = storedFilePath(dataDir, file);
  if (!path) return { text: '', chars: 0, reason: '原件在服务器上找不到，无法读取正文。' };
  const read = await readDocxText(path);
  const result = { text: read.text, chars: read.chars, reason: read.ok ? '' : read.reason };
  db.prepare('INSERT OR REPLACE INTO document_texts (file_id, text, chars, error) VALUES (?, ?, ?, ?)').run(
    file.id,
    result.text,
    result.chars,
    result.reason,
  );
  return result;
}
