/**
 * A full disk, as the file system and SQLite report it. Uploads and submits answer it with one
 * Chinese message instead of a failure page; nothing already stored is touched.
 */

/** What the unit reads when the server cannot store what it sent. Its draft stays on the phone. */
export const STORAGE_FULL =
  '存储空间不足，服务器暂时无法保存上传的内容，本次提交没有保存。您填写的内容仍保留在本机，请稍后重试，并联系组织方清理服务器空间。';

const SQLITE_FULL = 13;

export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, errcode } = error as Error & { code?: unknown; errcode?: unknown };
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  // node:sqlite reports SQLite's primary (or extended) result code in `errcode`.
  return typeof errcode === 'number' && (errcode & 0xff) === SQLITE_FULL;
}
