import type { DatabaseSync } from 'node:sqlite';
import { createReadStream, existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { absolutePath, findFile, type FileRecord } from './store.ts';
import { downloadFileName, extensionFor } from './download-names.ts';
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

/** attachment; filename="ascii"; filename*=UTF-8''… — old browsers take the first, all others the second. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string, asciiFallback = 'download'): string {
  const stripped = name
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .trim();
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  // A stem of only digits and dashes is what is left of 汇总表-20230227.xlsx: no name at all.
  const hasStem = /[A-Za-z]/.test(stripped.slice(0, stripped.length - extension.length));
  const ascii = hasStem ? stripped : asciiFallback.includes('.') ? asciiFallback : `${asciiFallback}${extension}`;
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 does not allow them, and Chromium drops a
  // filename* holding a raw ' for the ASCII fallback.
  const extended = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${extended}`;
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
