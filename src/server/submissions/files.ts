/**
 * Serves what a unit sent, never publicly: a staged photo or attachment to whoever holds its token
 * (the unit that uploaded it), a stored file to whoever holds its signed link (the unit's receipt,
 * the organisers' console). Anything else is a plain 404, whether or not the file exists.
 */
import type { DatabaseSync } from 'node:sqlite';
import { findStoredFile, storedFileResponse } from '#server/files/serve.ts';
import { fileStem } from './file-names.ts';
import { isFileToken } from './links.ts';
import { findStaged } from './staging.ts';

const notFound = () =>
  new Response('文件不存在，或链接已失效。', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/** GET /api/uploads/<token>/thumb|photo|file */
export function stagedFileResponse(db: DatabaseSync, dataDir: string, token: string, variant: string): Response {
  const staged = findStaged(db, token);
  if (!staged) return notFound();
  const id = variant === 'thumb' ? staged.thumbFileId : variant === 'photo' || variant === 'file' ? staged.fileId : null;
  const file = id === null ? null : findStoredFile(db, dataDir, id);
  return file ? storedFileResponse(file, fileStem(db, file.id)) : notFound();
}

/** GET /api/files/<id>?t=<signature>[&download=1] */
export function signedFileResponse(db: DatabaseSync, dataDir: string, id: string, url: URL): Response {
  const fileId = /^\d{1,12}$/.test(id) ? Number(id) : 0;
  if (!fileId || !isFileToken(db, fileId, url.searchParams.get('t'))) return notFound();
  const file = findStoredFile(db, dataDir, fileId);
  return file ? storedFileResponse(file, fileStem(db, file.id)) : notFound();
}
