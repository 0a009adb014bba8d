import type { DatabaseSync } from 'node:sqlite';
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'baosong_admin';
/** Signed out after this long without a request… */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and after this long in any case, so a forgotten office PC does not stay signed in for days. */
export const ABSOLUTE_TIMEOUT_MS = 10 * 60 * 60 * 1000;
/** last_seen_at is rewritten at most this often: one write per minute, not per thumbnail. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface AdminSession {
  username: string;
  csrfToken: string;
  createdAt: string;
}

export interface NewSession extends AdminSession {
  /** The cookie value: 32 random bytes. Only its sha256 is stored. */
  cookieValue: string;
}

const hashOf = (cookieValue: string) => createHash('sha256').update(cookieValue).digest('hex');

export function createSession(db: DatabaseSync, username: string, now = new Date()): NewSession {
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.prepare('INSERT INTO admin_sessions (id_hash, username, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(
    hashOf(cookieValue),
    username,
    csrfToken,
    at,
    at,
  );
  return { cookieValue, username, csrfToken, createdAt: at };
}

interface SessionRow {
  id_hash: string;
  username: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

/**
 * Housekeeping writes a read must survive: with the disk full the console still shows the board and
 * exports. A missed touch costs at most an earlier sign-out; a missed delete is refused by time anyway.
 */
function writeSoftly(write: () => unknown): void {
  try {
    write();
  } catch (error) {
    console.error(`[组织方后台] 会话记录未能写入：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The live session behind a cookie value; an expired one is deleted and yields null. */
export function findSession(db: DatabaseSync, cookieValue: string | undefined, now = new Date()): AdminSession | null {
  if (!cookieValue || cookieValue.length > 200) return null;
  const idHash = hashOf(cookieValue);
  const row = db.prepare('SELECT * FROM admin_sessions WHERE id_hash = ?').get(idHash) as SessionRow | undefined;
  if (!row) return null;
  const nowMs = now.getTime();
  const idle = nowMs - Date.parse(row.last_seen_at) > IDLE_TIMEOUT_MS;
  const old = nowMs - Date.parse(row.created_at) > ABSOLUTE_TIMEOUT_MS;
  if (idle || old) {
    writeSoftly(() => db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?').run(idHash));
    return null;
  }
  if (nowMs - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    writeSoftly(() => db.prepare('UPDATE admin_sessions SET last_seen_at = ? WHERE id_hash = ?').run(now.toISOString(), idHash));
  }
  return { username: row.username, csrfToken: row.csrf_token, createdAt: row.created_at };
}

export function endSession(db: DatabaseSync, cookieValue: string | undefined): void {
  if (cookieValue) db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?').run(hashOf(cookieValue));
}

/** Drops sessions that can no longer be used; called at sign-in so the table stays small. */
export function purgeExpiredSessions(db: DatabaseSync, now = new Date()): void {
  db.prepare('DELETE FROM admin_sessions WHERE last_seen_at < ? OR created_at < ?').run(
    new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString(),
    new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS).toISOString(),
  );
}
