/**
 * Staged uploads: a photo or attachment already checked and stored durably, not yet part of a
 * submitted version. The enhanced form uploads each file this way; a failed no-JS post keeps its
 * files this way. A staged file is named by a random token that only its unit learns.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { integer, optionalInteger, text, type Row } from '#server/db/row.ts';
import { transaction } from '#server/db/database.ts';
import { checkAttachment } from '#server/files/attachments.ts';
import { ensureDocumentText } from '#server/files/document-texts.ts';
import { cleanFileName, insertFileRow, persistFile } from '#server/files/store.ts';
import type { ReceivedFile } from '#server/files/multipart.ts';
import { processPhoto } from '#server/files/photos.ts';
import { FileRefused } from '#server/files/sniff.ts';
import { opsSettings } from '#server/ops/settings.ts';
import { attachmentAccepts } from '#shared/submission/fields.ts';

export const PHOTO_KIND = 'photo';

export interface StagedUpload {
  token: string;
  unitId: number;
  /** 'photo', or the attachment field it was sent for (report_file, essay_1_file …). */
  kind: string;
  fileId: number;
  thumbFileId: number | null;
  width: number | null;
  height: number | null;
  originalName: string;
  bytes: number;
}

const newToken = () => randomBytes(18).toString('base64url');

/** The browser-visible preview of a staged photo; the token is the permission. */
export const stagedThumbUrl = (token: string) => `/api/uploads/${token}/thumb`;

function insertStaged(db: DatabaseSync, staged: Omit<StagedUpload, 'token' | 'originalName' | 'bytes'>, now: Date): string {
  const token = newToken();
  db.prepare(
    'INSERT INTO staged_uploads (token, unit_id, kind, file_id, thumb_file_id, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(token, staged.unitId, staged.kind, staged.fileId, staged.thumbFileId, staged.width, staged.height, now.toISOString());
  return token;
}

let settings: ReturnType<typeof opsSettings> | undefined;
/** Read once: staged uploads older than this are gone, whether or not housekeeping has run yet. */
const stagedCutoff = (now: Date) => new Date(now.getTime() - (settings ??= opsSettings()).stagedTtlMs).toISOString();

/** Staged photos a unit may hold that no submission uses yet: a few times what one submission takes. */
export const STAGED_PHOTO_QUOTA_FACTOR = 3;

/** Photos the unit staged within the lifetime of a staged upload that no submitted version uses. */
export function unboundStagedPhotos(db: DatabaseSync, unitId: number, now: Date): number {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n FROM staged_uploads s WHERE s.unit_id = ? AND s.kind = ? AND s.created_at >= ?
       AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.file_id = s.file_id)`,
    )
    .get(unitId, PHOTO_KIND, stagedCutoff(now)) as { n: number };
  return Number(row.n);
}

/** Refuses a photo past the unit's quota, before any decoding, with what to do about it. */
export function checkStagedQuota(db: DatabaseSync, unitId: number, photoMax: number, now: Date): void {
  const quota = photoMax * STAGED_PHOTO_QUOTA_FACTOR;
  if (unboundStagedPhotos(db, unitId, now) >= quota) {
    throw new FileRefused(
      `本单位已上传 ${quota} 张尚未提交的照片，达到暂存上限，这张没有收下。请先提交报送（已提交的照片不计入上限），或联系组织方。`,
      429,
    );
  }
}

/** Checks, re-encodes and stores one photo. Throws FileRefused for anything that is not a usable photo. */
export async function stagePhoto(db: DatabaseSync, dataDir: string, unitId: number, file: ReceivedFile, now: Date): Promise<StagedUpload> {
  const processed = await processPhoto(file.path, file.filename);
  const photo = await persistFile(dataDir, { buffer: processed.photo }, 'jpg');
  const thumb = await persistFile(dataDir, { buffer: processed.thumb }, 'jpg');
  const originalName = cleanFileName(file.filename);
  return transaction(db, () => {
    const fileId = insertFileRow(db, photo, 'image/jpeg', originalName, now);
    const thumbFileId = insertFileRow(db, thumb, 'image/jpeg', originalName, now);
    const staged = { unitId, kind: PHOTO_KIND, fileId, thumbFileId, width: processed.width, height: processed.height };
    return { ...staged, token: insertStaged(db, staged, now), originalName, bytes: photo.bytes };
  });
}

/** Checks and stores one .docx/.pdf as sent. Throws FileRefused for anything else. */
export async function stageAttachment(
  db: DatabaseSync,
  dataDir: string,
  unitId: number,
  kind: string,
  file: ReceivedFile,
  now: Date,
): Promise<StagedUpload> {
  const type = await checkAttachment(file.path, file.filename, attachmentAccepts(kind));
  const stored = await persistFile(dataDir, { path: file.path, sha256: file.sha256, bytes: file.bytes }, type.extension);
  const originalName = cleanFileName(file.filename) || `附件.${type.extension}`;
  const result = transaction(db, () => {
    const fileId = insertFileRow(db, stored, type.mime, originalName, now);
    const staged = { unitId, kind, fileId, thumbFileId: null, width: null, height: null };
    return { ...staged, token: insertStaged(db, staged, now), originalName, bytes: stored.bytes };
  });
  // Read while the unit is still filling in the form, so the receipt can show the text's 字数. The
  // file is already safe; should reading fail in a way not foreseen, it is read again when shown.
  try {
    await ensureDocumentText(db, dataDir, { ...stored, id: result.fileId, mime: type.mime, originalName });
  } catch (error) {
    console.error(`[正文读取] ${originalName} 读取失败：`, error);
  }
  return result;
}

/** Stages an already stored file again under a new token (reopening a version to revise it). */
export function restage(db: DatabaseSync, staged: Omit<StagedUpload, 'token' | 'originalName' | 'bytes'>, now: Date): string {
  return insertStaged(db, staged, now);
}

/** The row mapper of `staged_uploads` (with its file's name and size). */
const stagedFromRow = (row: Row): StagedUpload => ({
  token: text(row, 'token'),
  unitId: integer(row, 'unit_id'),
  kind: text(row, 'kind'),
  fileId: integer(row, 'file_id'),
  thumbFileId: optionalInteger(row, 'thumb_file_id'),
  width: optionalInteger(row, 'width'),
  height: optionalInteger(row, 'height'),
  originalName: text(row, 'original_name'),
  bytes: integer(row, 'bytes'),
});

/** A staged upload, but only for the unit it belongs to, and only while it has not expired. */
export function findStaged(db: DatabaseSync, token: string, unitId?: number, now = new Date()): StagedUpload | undefined {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return undefined;
  const row = db
    .prepare(
      `SELECT s.token, s.unit_id, s.kind, s.file_id, s.thumb_file_id, s.width, s.height, f.original_name, f.bytes
       FROM staged_uploads s JOIN files f ON f.id = s.file_id WHERE s.token = ? AND s.created_at >= ?`,
    )
    .get(token, stagedCutoff(now));
  const staged = row ? stagedFromRow(row) : undefined;
  return staged && (unitId === undefined || staged.unitId === unitId) ? staged : undefined;
}
