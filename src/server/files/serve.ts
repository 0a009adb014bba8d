import type { DatabaseSync } from 'node:sqlite';
import { createReadStream, existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { absolutePath, findFile, type FileRecord } from './store.ts';
import { contentDisposition, downloadFileName, extensionFor } from './download-names.ts';
import { STRICT_POLICY } from '#server/http/security-headers.ts';

export interface StoredFile extends FileRecord {
  /** Absolute path below DATA_DIR. */
  path: string;
}

/** The file's place on disk, only if it is below the data folder and still there. */
export function storedFilePath(dataDir: string, file: FileRecord): string | null {
  const root = resolve(dataDir);
  const full = resolve(absolutePath(root, file.relPath));
  return full.startsWith(root + sep) && existsSync(full) ? full : null;
}

export function findStoredFile(db: DatabaseSync, dataDir: string, id: number): StoredFile | null {
  const file = findFile(db, id);
  const path = file ? storedFilePath(dataDir, file) : null;
  return file && path ? { ...file, path } : null;
}

/**
 * Streams a stored upload, always as a download (never opened as a page in the site's origin), under
 * a name the server made (downloadFileName) with the extension of what the content was checked to be.
 * <img> still shows a photo sent this way.
 */
export function storedFileResponse(file: StoredFile, stem: string): Response {
  const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
  const name = downloadFileName(stem, extensionFor(file.mime, file.originalName), `file-${file.id}`);
  return new Response(body, {
    headers: {
      'content-type': file.mime || 'application/octet-stream',
      'content-length': String(file.bytes),
      'content-disposition': contentDisposition('attachment', name, `file-${file.id}`),
      // Uploads are content-addressed and never change; the organiser's own browser may keep them a while.
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      'content-security-policy': STRICT_POLICY,
    },
  });
}
