/**
 * 采用: the photos and 工作信息 the organisers adopt for publicity — shown on /youxiu/ beside the
 * 优秀 essays and assembled into 工作简报.docx. A mark belongs to what was sent in one version; a
 * unit's later revision starts unmarked, as a 优秀 essay does.
 */
import { createReadStream } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { Readable } from 'node:stream';
import { storedFilePath } from '#server/files/serve.ts';
import type { FileRecord } from '#server/files/store.ts';
import { findFile } from '#server/files/store.ts';
import { partText } from '#server/submissions/texts.ts';

export type AdoptionKind = 'photo' | 'info';

export interface AdoptedPhoto {
  photoId: number;
  caption: string;
  unitName: string;
  file: FileRecord;
  thumb: FileRecord;
  width: number;
  height: number;
}

export interface AdoptedInfo {
  versionId: number;
  unitName: string;
  text: string;
}

export interface AdoptionTarget {
  kind: AdoptionKind;
  targetId: number;
  unitId: number;
  unitName: string;
  versionNo: number;
  /** For the audit log: 照片 3「…」 or 工作信息. */
  label: string;
}

/** What a console form names: a version (工作信息) or a version's photo by its position. */
export function findAdoptionTarget(db: DatabaseSync, kind: string, versionId: number, position: number): AdoptionTarget | null {
  const owner = db
    .prepare(
      `SELECT v.version_no, u.id AS unit_id, u.name FROM versions v JOIN submissions s ON s.id = v.submission_id
       JOIN units u ON u.id = s.unit_id WHERE v.id = ?`,
    )
    .get(versionId) as { version_no: number; unit_id: number; name: string } | undefined;
  if (!owner) return null;
  const base = { unitId: owner.unit_id, unitName: owner.name, versionNo: owner.version_no };
  if (kind === 'info') return { kind, targetId: versionId, label: '工作信息', ...base };
  if (kind !== 'photo') return null;
  const photo = db.prepare('SELECT id, caption FROM photos WHERE version_id = ? AND position = ?').get(versionId, position) as
    { id: number; caption: string } | undefined;
  return photo ? { kind, targetId: photo.id, label: `照片 ${position}「${photo.caption}」`, ...base } : null;
}

/** Adopts or withdraws; repeating either changes nothing (a double click, a resent form). */
export function setAdopted(db: DatabaseSync, target: AdoptionTarget, adopted: boolean, by: string, now = new Date()): void {
  if (adopted) {
    db.prepare('INSERT OR IGNORE INTO adoptions (kind, target_id, adopted_at, adopted_by) VALUES (?, ?, ?, ?)').run(
      target.kind,
      target.targetId,
      now.toISOString(),
      by,
    );
  } else {
    db.prepare('DELETE FROM adoptions WHERE kind = ? AND target_id = ?').run(target.kind, target.targetId);
  }
}

/** A version's marks as the console shows them: whether its 工作信息 is adopted, and which photo positions. */
export function adoptionMarks(db: DatabaseSync, versionId: number): { info: boolean; photos: Set<number> } {
  const info = db.prepare("SELECT 1 FROM adoptions WHERE kind = 'info' AND target_id = ?").get(versionId) !== undefined;
  const photos = db
    .prepare("SELECT p.position FROM photos p JOIN adoptions a ON a.kind = 'photo' AND a.target_id = p.id WHERE p.version_id = ?")
    .all(versionId) as { position: number }[];
  return { info, photos: new Set(photos.map((p) => p.position)) };
}

/** Adopted photos of current versions, in unit-list order, then each unit's own photo order. */
export function adoptedPhotos(db: DatabaseSync): AdoptedPhoto[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.caption, p.file_id, p.thumb_file_id, p.width, p.height, u.name FROM adoptions a
       JOIN photos p ON a.kind = 'photo' AND a.target_id = p.id JOIN submissions s ON s.current_version_id = p.version_id
       JOIN units u ON u.id = s.unit_id ORDER BY u.sort_order, u.id, p.position`,
    )
    .all() as { id: number; caption: string; file_id: number; thumb_file_id: number; width: number; height: number; name: string }[];
  return rows.flatMap((r) => {
    const file = findFile(db, r.file_id);
    const thumb = findFile(db, r.thumb_file_id);
    return file && thumb ? [{ photoId: r.id, caption: r.caption, unitName: r.name, file, thumb, width: r.width, height: r.height }] : [];
  });
}

/** Adopted 工作信息 of current versions (typed, or read from the unit's Word file), in unit-list order. */
export function adoptedInfo(db: DatabaseSync): AdoptedInfo[] {
  const rows = db
    .prepare(
      `SELECT v.id, v.info_text, v.info_file_id, u.name FROM adoptions a JOIN versions v ON a.kind = 'info' AND a.target_id = v.id
       JOIN submissions s ON s.current_version_id = v.id JOIN units u ON u.id = s.unit_id ORDER BY u.sort_order, u.id`,
    )
    .all() as { id: number; info_text: string; info_file_id: number | null; name: string }[];
  return rows.flatMap((r) => {
    const file = r.info_file_id === null ? undefined : findFile(db, r.info_file_id);
    const { text } = partText(db, r.info_text, file);
    return text ? [{ versionId: r.id, unitName: r.name, text }] : [];
  });
}

/**
 * GET /youxiu/zhaopian/<photoId>[?size=thumb]: an adopted photo (or its thumbnail) of a current
 * version, to anyone, with nothing of the sender's file but the pixels (the stored JPEG carries no
 * metadata, and the original file name is not sent). Anything else is a plain 404.
 */
export function adoptedPhotoResponse(db: DatabaseSync, dataDir: string, photoId: string, thumb: boolean): Response {
  const id = /^\d{1,12}$/.test(photoId) ? Number(photoId) : 0;
  const photo = id ? adoptedPhotos(db).find((p) => p.photoId === id) : undefined;
  const file = photo ? (thumb ? photo.thumb : photo.file) : undefined;
  const path = file ? storedFilePath(dataDir, file) : null;
  if (!file || !path) {
    return new Response('照片不存在或未公开。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'image/jpeg',
      'content-length': String(file.bytes),
      'content-disposition': `inline; filename="photo-${id}${thumb ? '-thumb' : ''}.jpg"`,
      // A withdrawn adoption should stop showing soon; a day of caching would outlive it.
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  });
}
