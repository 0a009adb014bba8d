import { timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret (a token, a signature, a derived key) with what was presented in constant time,
 * so response timing never tells a guesser how many leading characters were right.
 */
export function sameBytes(expected: string | Uint8Array | undefined, given: string | Uint8Array | null | undefined): boolean {
  if (expected === undefined || given === undefined || given === null) return false;
  const a = typeof expected === 'string' ? Buffer.from(expected) : expected;
  const b = typeof given === 'string' ? Buffer.from(given) : given;
  return a.length > 0 && a.length === b.length && timingSafeEqual(a, b);
}
