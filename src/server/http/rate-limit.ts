/**
 * Sliding-window counters kept in SQLite (table rate_events), so a restart does not reset a
 * guesser's budget. A rule allows `limit` events per `windowMs`; the caller records an event only
 * for what it wants to slow down (a wrong code, a failed login), never for successes.
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
