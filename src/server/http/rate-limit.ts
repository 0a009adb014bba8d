/**
 * Sliding-window counters kept in SQLite (table rate_events), so a restart does not reset a
 * guesser's budget. The caller records an event only for what it wants to slow down (a wrong code,
 * a failed login), never for successes.
 *
 * Two kinds of rule, so that a guesser is slowed and the owner is not locked out:
 * - RateRule, per address: `limit` failures per `windowMs`, then that address is refused (429).
 * - SlowDown, per target (a unit, a user name): failures from every address together only make each
 *   further attempt on that target wait a little (slowDownMs), however many addresses guess. The
 *   right code or password from an address that has not been guessing is never refused.
 */
import type { DatabaseSync } from 'node:sqlite';
import { integer } from '#server/db/row.ts';

export interface RateRule {
  /** What is counted, e.g. code-unit:12 or code-ip:10.0.0.5. */
  bucket: string;
  limit: number;
  windowMs: number;
}

export type RateStatus = { blocked: false } | { blocked: true; retryAt: Date };

/** Whether the bucket has used its budget, and if so when the oldest counted event expires. */
export function rateStatus(db: DatabaseSync, rule: RateRule, now: Date): RateStatus {
  const since = now.getTime() - rule.windowMs;
  const rows = db
    .prepare('SELECT at_ms FROM rate_events WHERE bucket = ? AND at_ms > ? ORDER BY at_ms DESC LIMIT ?')
    .all(rule.bucket, since, rule.limit)
    .map((row) => integer(row, 'at_ms'));
  if (rows.length < rule.limit) return { blocked: false };
  // The limit-th most recent event is the one whose expiry frees a slot.
  const freeing = rows[rule.limit - 1]!;
  return { blocked: true, retryAt: new Date(freeing + rule.windowMs) };
}

/** The first blocked rule among several (e.g. per unit and per address), or not blocked. */
export function firstBlocked(db: DatabaseSync, rules: RateRule[], now: Date): RateStatus {
  let latest: Date | undefined;
  for (const rule of rules) {
    const status = rateStatus(db, rule, now);
    if (status.blocked && (!latest || status.retryAt > latest)) latest = status.retryAt;
  }
  return latest ? { blocked: true, retryAt: latest } : { blocked: false };
}

/** A target's shared budget: past `free` failures in the window, each one adds `stepMs`, up to `maxMs`. */
export interface SlowDown {
  bucket: string;
  free: number;
  stepMs: number;
  maxMs: number;
  windowMs: number;
}

/** How long to hold the next attempt on a target that has been guessed at. */
export function slowDownMs(db: DatabaseSync, rule: SlowDown, now: Date): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM rate_events WHERE bucket = ? AND at_ms > ?')
    .get(rule.bucket, now.getTime() - rule.windowMs) as {
    n: number;
  };
  return Math.min(rule.maxMs, Math.max(0, row.n - rule.free) * rule.stepMs);
}

/** Waits before an attempt is checked (the same for a right and a wrong one, so timing tells nothing). */
export const holdFor = (ms: number): Promise<void> => (ms > 0 ? new Promise((done) => setTimeout(done, ms)) : Promise.resolve());

export function recordEvent(db: DatabaseSync, buckets: string[], now: Date): void {
  const insert = db.prepare('INSERT INTO rate_events (bucket, at_ms) VALUES (?, ?)');
  for (const bucket of buckets) insert.run(bucket, now.getTime());
}

/**
 * Counts an attempt before its slow check (scrypt) starts, so that attempts sent at the same moment
 * cannot all pass the budget check before any of them is counted. Returns the rows, for forgetEvents.
 */
export function reserveEvent(db: DatabaseSync, buckets: string[], now: Date): number[] {
  const insert = db.prepare('INSERT INTO rate_events (bucket, at_ms) VALUES (?, ?)');
  return buckets.map((bucket) => Number(insert.run(bucket, now.getTime()).lastInsertRowid));
}

/** Takes back a reserved attempt that turned out to succeed: successes are never counted. */
export function forgetEvents(db: DatabaseSync, rowIds: number[]): void {
  const remove = db.prepare('DELETE FROM rate_events WHERE rowid = ?');
  for (const rowId of rowIds) remove.run(rowId);
}

/** Drops events older than any window in use, so the table stays small. */
export function pruneEvents(db: DatabaseSync, olderThanMs: number, now: Date): void {
  db.prepare('DELETE FROM rate_events WHERE at_ms <= ?').run(now.getTime() - olderThanMs);
}
