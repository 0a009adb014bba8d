import type { DatabaseSync } from 'node:sqlite';
import { findAccount } from './accounts.ts';
import { audit } from './audit.ts';
import type { OrganiserConfig } from './organisers.ts';
import { verifyPassword } from './passwords.ts';
import { isDiskFull } from '#server/files/disk-full.ts';
import { firstBlocked, forgetEvents, holdFor, reserveEvent, slowDownMs, type RateRule, type SlowDown } from '#server/http/rate-limit.ts';
import { createSession, purgeExpiredSessions, type NewSession } from './sessions.ts';

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
}

export type LoginOutcome = { ok: true; session: NewSession } | { ok: false; status: 400 | 401 | 429 | 507; message: string };

/** Signing in writes (rate limits, the session): with the disk full it cannot, and says so. */
export const DISK_FULL_LOGIN = '服务器存储空间已满，暂时无法登录。请联系系统管理员清理磁盘空间后再试；已经登录的组织方仍可查看和导出。';

const WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins per address: the address that guesses is refused, nobody else. */
export const loginRules = (ip: string): RateRule[] => [{ bucket: `admin-login-ip:${ip}`, limit: 10, windowMs: WINDOW_MS }];

/**
 * Failed sign-ins for one user name from all addresses together: past 10 in 15 minutes each attempt
 * waits 0.5 s more, at most 5 s, so rotating addresses does not help and the organiser still gets in.
 */
export const userSlowDown = (username: string): SlowDown => ({
  bucket: `admin-login-user:${username}`,
  free: 10,
  stepMs: 500,
  maxMs: 5000,
  windowMs: WINDOW_MS,
});

function waitMessage(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `登录失败次数过多，已暂停登录。请 ${minutes} 分钟后再试；忘记口令请联系系统管理员。`;
}

/** Checks the password under the sign-in rate limits and opens a session; every outcome is logged. */
export async function attemptLogin(
  db: DatabaseSync,
  attempt: LoginAttempt,
  config?: OrganiserConfig,
  now = new Date(),
): Promise<LoginOutcome> {
  try {
    return await checkAndSignIn(db, attempt, config, now);
  } catch (error) {
    if (isDiskFull(error)) return { ok: false, status: 507, message: DISK_FULL_LOGIN };
    throw error;
  }
}

async function checkAndSignIn(
  db: DatabaseSync,
  attempt: LoginAttempt,
  config: OrganiserConfig | undefined,
  now: Date,
): Promise<LoginOutcome> {
  const username = attempt.username.trim().slice(0, 64);
  if (!username || !attempt.password) return { ok: false, status: 400, message: '请填写用户名和口令。' };

  const rules = loginRules(attempt.ip);
  const blocked = firstBlocked(db, rules, now);
  if (blocked.blocked) {
    audit(db, { username, action: 'login_failed', detail: '失败次数过多，暂停登录', ip: attempt.ip }, now);
    return { ok: false, status: 429, message: waitMessage(blocked.retryAt.getTime() - now.getTime()) };
  }

  // Counted in the same synchronous step as the budget check, so that attempts sent at the same
  // moment cannot all pass it.
  const slowDown = userSlowDown(username);
  const wait = slowDownMs(db, slowDown, now);
  const reserved = reserveEvent(db, [rules[0]!.bucket, slowDown.bucket], now);
  await holdFor(wait);
  const account = findAccount(db, username, config);
  const valid = await verifyPassword(attempt.password, account?.passwordHash);
  if (!account || !valid) {
    audit(db, { username, action: 'login_failed', detail: '用户名或口令不正确', ip: attempt.ip }, now);
    return { ok: false, status: 401, message: '用户名或口令不正确。' };
  }

  forgetEvents(db, reserved);
  purgeExpiredSessions(db, now);
  const session = createSession(db, account.username, now);
  audit(db, { username: account.username, action: 'login', ip: attempt.ip }, now);
  return { ok: true, session };
}
