/**
 * Unguessable links to what a unit sent. A receipt or a stored file is reachable only through a
 * URL carrying an HMAC of its number or id, made with a secret kept in the database (meta table).
 * Such links are handed only to the unit that submitted (its receipt) and to organisers (console).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { readMeta } from '#server/db/meta.ts';

const SECRET_KEY = 'link_secret';

function secret(db: DatabaseSync): Buffer {
  const stored = readMeta(db, SECRET_KEY);
  if (stored !== undefined) return Buffer.from(stored, 'base64');
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(SECRET_KEY, randomBytes(32).toString('base64'));
  return secret(db);
}

function sign(db: DatabaseSync, subject: string): string {
  return createHmac('sha256', secret(db)).update(subject).digest('base64url').slice(0, 24);
}

function matches(expected: string, given: string | null | undefined): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

export function receiptToken(db: DatabaseSync, number: string): string {
  return sign(db, `receipt:${number}`);
}

export function isReceiptToken(db: DatabaseSync, number: string, token: string | null | undefined): boolean {
  return matches(receiptToken(db, number), token);
}

/** /baosong/huizhi/BS2023-0001/?t=…, optionally for an earlier version. */
export function receiptUrl(db: DatabaseSync, number: string, versionNo?: number): string {
  const version = versionNo === undefined ? '' : `&v=${versionNo}`;
  return `/baosong/huizhi/${encodeURIComponent(number)}/?t=${receiptToken(db, number)}${version}`;
}

export function isFileToken(db: DatabaseSync, fileId: number, token: string | null | undefined): boolean {
  return matches(sign(db, `file:${fileId}`), token);
}

/** /api/files/42?t=… — a stored photo, thumbnail or attachment; `download` asks for a save dialog. */
export function fileUrl(db: DatabaseSync, fileId: number, options: { download?: boolean } = {}): string {
  return `/api/files/${fileId}?t=${sign(db, `file:${fileId}`)}${options.download ? '&download=1' : ''}`;
}
