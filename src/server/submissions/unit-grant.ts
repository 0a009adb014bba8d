/**
 * Upload grants: after a unit's 报送码 checked out once, the server signs "unit N may send until T"
 * (HMAC-SHA256 with a key kept in the meta table) and the island presents that with each later
 * upload and the final submit. Checking a signature costs microseconds where the code's scrypt
 * costs ~50 ms of a 2-core server's CPU, which one 20-photo submission used to pay 21 times.
 */
import { createHmac } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { metaSecret } from '#server/secrets/meta-secret.ts';
import { sameBytes } from '#server/secrets/same.ts';

/** Long enough for a slow upload of twenty photos; every use hands out a fresh one. */
export const GRANT_TTL_MS = 60 * 60 * 1000;

/**
 * The code's issue time is signed too: when the organisers issue a new 报送码 the old code stops
 * working at once, and so does every grant made with it.
 */
function codeIssuedAt(db: DatabaseSync, unitId: number): string | undefined {
  const row = db.prepare('SELECT code_issued_at FROM units WHERE id = ? AND active = 1').get(unitId) as
    { code_issued_at: string | null } | undefined;
  return row?.code_issued_at ?? undefined;
}

function signature(db: DatabaseSync, unitId: number, expiresMs: number, issuedAt: string): string {
  return createHmac('sha256', metaSecret(db, 'grant_secret')).update(`grant:${unitId}:${expiresMs}:${issuedAt}`).digest('base64url');
}

/** `unitId.expiresMs.signature`, valid for GRANT_TTL_MS from `now`. */
export function issueGrant(db: DatabaseSync, unitId: number, now: Date): string {
  const expiresMs = now.getTime() + GRANT_TTL_MS;
  return `${unitId}.${expiresMs}.${signature(db, unitId, expiresMs, codeIssuedAt(db, unitId) ?? '')}`;
}

/** Whether `grant` lets `unitId` send now: signed by this server, for this unit and its current code, not expired. */
export function grantAllows(db: DatabaseSync, grant: string, unitId: number, now: Date): boolean {
  const match = /^(\d{1,9})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(grant.trim());
  if (!match || Number(match[1]) !== unitId) return false;
  const expiresMs = Number(match[2]);
  if (expiresMs <= now.getTime()) return false;
  const issuedAt = codeIssuedAt(db, unitId);
  return issuedAt !== undefined && sameBytes(signature(db, unitId, expiresMs, issuedAt), match[3]);
}
