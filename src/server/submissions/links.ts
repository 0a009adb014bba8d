/**
 * Unguessable links to what a unit sent. A receipt or a stored file is reachable only through a
 * URL carrying an HMAC of its number or id, made with a secret kept in the database (meta table).
 * Such links are handed only to the unit that submitted (its receipt) and to organisers (console).
 */
import { createHmac } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { sameBytes } from '#server/secrets/same.ts';
import { metaSecret } from '#server/secrets/meta-secret.ts';

function sign(db: DatabaseSync, subject: string): string {
  return createHmac('sha256', metaSecret(db, 'link_secret')).update(subject).digest('base64url').slice(0, 24);
}

export function receiptToken(db: DatabaseSync, number: string): string {
  return sign(db, `receipt:${number}`);
}

export function isReceiptToken(db: DatabaseSync, number: string, token: string | null | undefined): boolean {
  return sameBytes(receiptToken(db, number), token);
}

/** /baosong/huizhi/BS2023-0001/?t=…, optionally for an earlier version. */
export function receiptUrl(db: DatabaseSync, number: string, versionNo?: number): string {
  const version = versionNo === undefined ? '' : `&v=${versionNo}`;
  return `/baosong/huizhi/${encodeURIComponent(number)}/?t=${receiptToken(db, number)}${version}`;
}

export function isFileToken(db: DatabaseSync, fileId: number, token: string | null | undefined): boolean {
  return sameBytes(sign(db, `file:${fileId}`), token);
}

/** /api/files/42?t=… — a stored photo, thumbnail or attachment; `download` asks for a save dialog. */
export function fileUrl(db: DatabaseSync, fileId: number, options: { download?: boolean } = {}): string {
  return `/api/files/${fileId}?t=${sign(db, `file:${fileId}`)}${options.download ? '&download=1' : ''}`;
}
