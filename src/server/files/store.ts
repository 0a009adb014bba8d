/**
 * Durable, content-addressed file storage below DATA_DIR/files. A file is written to DATA_DIR/tmp,
 * flushed to disk, renamed into place and its folder flushed; only then may a database row point
 * at it. A power cut therefore leaves at worst an unreferenced file, never a row without its file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { dirname, join } from 'node:path';
import { idList, integer, text, type Row } from '#server/db/row.ts';

export interface PersistedFile {
  sha256: string;
  /** Relative to DATA_DIR, with forward slashes: files/ab/abcdef….jpg */
  relPath: string;
  bytes: number;
}

export interface FileRecord extends PersistedFile {
  id: number;
  mime: string;
  originalName: string;
}

export const tmpDir = (dataDir: string) => join(dataDir, 'tmp');

export const absolutePath = (dataDir: string, relPath: string) => join(dataDir, ...relPath.split('/'));

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Folders cannot be opened for fsync on every platform (Windows); the rename is still atomic there. */
async function fsyncDirectory(path: string): Promise<void> {
  try {
    await fsyncPath(path, 'r');
  } catch {
    // best effort where the platform does not allow it
  }
}

type Source = { path: string; sha256: string; bytes: number } | { buffer: Buffer };

/**
 * Moves a temporary file (or writes a buffer) into content-addressed storage, durably.
 * A temporary source file is consumed: renamed into place, or removed when the content is already stored.
 */
export async function persistFile(dataDir: string, source: Source, extension: string): Promise<PersistedFile> {
  let tempPath: string;
  let sha256: string;
  let bytes: number;
  if ('buffer' in source) {
    sha256 = createHash('sha256').update(source.buffer).digest('hex');
    bytes = source.buffer.length;
    tempPath = join(tmpDir(dataDir), `out-${randomBytes(12).toString('hex')}`);
    await mkdir(tmpDir(dataDir), { recursive: true });
    await writeFile(tempPath, source.buffer);
  } else {
    ({ path: tempPath, sha256, bytes } = source);
  }
  const relPath = `files/${sha256.slice(0, 2)}/${sha256}.${extension}`;
  const target = absolutePath(dataDir, relPath);
  if (existsSync(target)) {
    await rm(tempPath, { force: true });
    return { sha256, relPath, bytes };
  }
  await fsyncPath(tempPath, 'r+');
  await mkdir(dirname(target), { recursive: true });
  await rename(tempPath, target);
  await fsyncDirectory(dirname(target));
  return { sha256, relPath, bytes };
}

/** Records a persisted file; call inside the transaction that stores the rows pointing at it. */
export function insertFileRow(db: DatabaseSync, file: PersistedFile, mime: string, originalName: string, now: Date): number {
  const result = db
    .prepare('INSERT INTO files (sha256, rel_path, mime, bytes, original_name, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(file.sha256, file.relPath, mime, file.bytes, originalName, now.toISOString());
  return Number(result.lastInsertRowid);
}

/** The `files` columns every reader selects, in the order `fileFromRow` reads them. */
export const FILE_COLUMNS = 'id, sha256, rel_path, mime, bytes, original_name';

/** The row mapper of `files`. */
export function fileFromRow(row: Row): FileRecord {
  return {
    id: integer(row, 'id'),
    sha256: text(row, 'sha256'),
    relPath: text(row, 'rel_path'),
    mime: text(row, 'mime'),
    bytes: integer(row, 'bytes'),
    originalName: text(row, 'original_name'),
  };
}

export function findFile(db: DatabaseSync, id: number): FileRecord | undefined {
  const row = db.prepare(`SELECT ${FILE_COLUMNS} FROM files WHERE id = ?`).get(id);
  return row ? fileFromRow(row) : undefined;
}

/** Many files in one query, by id. */
export function findFiles(db: DatabaseSync, ids: Iterable<number>): Map<number, FileRecord> {
  const rows = db.prepare(`SELECT ${FILE_COLUMNS} FROM files WHERE id IN (SELECT value FROM json_each(?))`).all(idList(ids));
  return new Map(rows.map((row) => [integer(row, 'id'), fileFromRow(row)]));
}

/** A file name safe to show and to put in a download header: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
}

/**
 * Removes temporary files left by requests that never finished (a crash, a power cut). Anything in
 * DATA_DIR/tmp older than `olderThanMs` belongs to no request still running.
 */
export async function sweepTemp(dataDir: string, olderThanMs: number, now = new Date()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir(dataDir));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(tmpDir(dataDir), name);
    const info = await stat(path).catch(() => undefined);
    if (info && now.getTime() - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
