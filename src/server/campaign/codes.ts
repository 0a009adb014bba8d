/**
 * 报送码: how a unit proves who it is without any third-party account. The organisers hand each
 * unit a random 10-character code (printed by `npm run codes`); only its scrypt hash is stored.
 * Wrong guesses are limited per address and slow down further attempts on the unit, so guessing is
 * too slow to succeed while the unit's own clerk, from an address that has not guessed, always gets in.
 *
 * Used by the submission endpoints and the organiser console:
 *   issueCodes(db, unitIds?)        → [{ unit, code }]   (the only time a code is ever seen)
 *   verifyUnitCode(db, attempt)     → { ok: true, unit } | { ok: false, status, field, message }
 */
import { randomInt } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { optionalText } from '#server/db/row.ts';
import { formatBeijing } from '#shared/campaign/deadline.ts';
import { FIELD } from '#shared/submission/fields.ts';
import { transaction } from '#server/db/database.ts';
import { hashSecret, verifySecret } from '#server/secrets/scrypt-hash.ts';
import {
  firstBlocked,
  forgetEvents,
  holdFor,
  recordEvent,
  reserveEvent,
  slowDownMs,
  type RateRule,
  type SlowDown,
} from '#server/http/rate-limit.ts';
import { findUnit, listUnits, type Unit } from './units.ts';

/** No 0/O, 1/I/L: a code read aloud over the phone or copied from a printout stays unambiguous. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

const WINDOW_MS = 15 * 60 * 1000;
/** 30 wrong codes per address in 15 minutes: ample for typos, hopeless for guessing 31^10 codes. */
export const codeRules = (address: string): RateRule[] => [{ bucket: `code-ip:${address}`, limit: 30, windowMs: WINDOW_MS }];

/**
 * Wrong codes for one unit from all addresses together: past 10 in 15 minutes each attempt on that
 * unit waits 0.25 s more, at most 3 s. Never a refusal, so nobody can lock a unit out.
 */
export const unitSlowDown = (unitId: number): SlowDown => ({
  bucket: `code-unit:${unitId}`,
  free: 10,
  stepMs: 250,
  maxMs: 3000,
  windowMs: WINDOW_MS,
});

export function generateCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What people type: lower case, spaces, hyphens from a grouped printout. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-－—_]/g, '');
}

export const hashCode = (code: string): Promise<string> => hashSecret(normaliseCode(code));

export const codeMatches = (code: string, stored: string): Promise<boolean> => verifySecret(normaliseCode(code), stored);

export interface IssuedCode {
  unit: Unit;
  code: string;
}

/**
 * Gives new codes to the listed units (an old code stops working at once), or, without a list, to
 * every active unit that has none yet. The plain codes are returned here and nowhere else.
 */
export async function issueCodes(db: DatabaseSync, unitIds?: number[]): Promise<IssuedCode[]> {
  const units = unitIds
    ? unitIds.map((id) => findUnit(db, id)).filter((unit): unit is Unit => unit !== undefined)
    : listUnits(db).filter((unit) => !unit.hasCode);
  const issued: { unit: Unit; code: string; hash: string }[] = [];
  for (const unit of units) {
    const code = generateCode();
    issued.push({ unit, code, hash: await hashCode(code) });
  }
  const at = new Date().toISOString();
  transaction(db, () => {
    const update = db.prepare('UPDATE units SET code_hash = ?, code_issued_at = ? WHERE id = ?');
    for (const { unit, hash } of issued) update.run(hash, at, unit.id);
  });
  return issued.map(({ unit, code }) => ({ unit: { ...unit, hasCode: true }, code }));
}

export interface CodeAttempt {
  unitId: string;
  code: string;
  /** The client's address, for the per-address budget. */
  address: string;
  now: Date;
  /** Who to call, e.g. 市水利局水利工程建设与监督科（李述虎，2079642）. */
  contact: string;
}

export type CodeCheck =
  { ok: true; unit: Unit } | { ok: false; status: 400 | 401 | 429; field: typeof FIELD.unitId | typeof FIELD.code; message: string };

function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}

/** Checks a unit's code, slowing guessers down; every refusal carries a Chinese message. */
export async function verifyUnitCode(db: DatabaseSync, attempt: CodeAttempt): Promise<CodeCheck> {
  const unitId = /^\d{1,9}$/.test(attempt.unitId.trim()) ? Number(attempt.unitId.trim()) : 0;
  const rules = codeRules(attempt.address);
  const blocked = firstBlocked(db, rules, attempt.now);
  if (blocked.blocked) {
    const minutes = minutesUntil(blocked.retryAt, attempt.now);
    return {
      ok: false,
      status: 429,
      field: FIELD.code,
      message: `报送码输错次数过多，为防止被猜中已暂停验证。请在约 ${minutes} 分钟后（北京时间 ${formatBeijing(blocked.retryAt)} 以后）再试；忘记报送码请联系${attempt.contact}。`,
    };
  }
  const unit = unitId ? findUnit(db, unitId) : undefined;
  if (!unit || !unit.active) {
    recordEvent(db, [rules[0]!.bucket], attempt.now);
    return { ok: false, status: 400, field: FIELD.unitId, message: '请从列表中选择报送单位。' };
  }
  const code = normaliseCode(attempt.code);
  if (code === '') return { ok: false, status: 400, field: FIELD.code, message: '请填写报送码（见市水利局下发的报送码）。' };
  const row = db.prepare('SELECT code_hash FROM units WHERE id = ?').get(unit.id);
  const codeHash = row ? optionalText(row, 'code_hash') : null;
  if (codeHash === null) {
    return { ok: false, status: 401, field: FIELD.code, message: `${unit.name}还没有领取报送码，请联系${attempt.contact}领取。` };
  }
  // Counted in the same synchronous step as the budget check, so that attempts sent at the same
  // moment cannot all pass it; the hold comes after, and counts those attempts too.
  const slowDown = unitSlowDown(unit.id);
  const wait = slowDownMs(db, slowDown, attempt.now);
  const reserved = reserveEvent(db, [rules[0]!.bucket, slowDown.bucket], attempt.now);
  await holdFor(wait);
  if (await codeMatches(code, codeHash)) {
    forgetEvents(db, reserved);
    return { ok: true, unit };
  }
  return {
    ok: false,
    status: 401,
    field: FIELD.code,
    message: `报送码不正确。请核对下发给${unit.name}的 ${CODE_LENGTH} 位报送码（只含大写字母和数字 2-9，没有 0、1、O、I、L）。`,
  };
}
