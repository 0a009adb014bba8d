/**
 * The one way a secret (an organiser's password, a unit's 报送码) is kept: an scrypt hash written as
 * `scrypt.N.r.p.<salt>.<key>` (base64url). The alphabet has no `$`, `:` or `;`, so a hash can be
 * pasted into an environment variable, a YAML file or ADMIN_USERS (`name:hash;name2:hash`) unquoted.
 */
import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { sameBytes } from './same.ts';

const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

let runs = 0;

/** How many scrypt derivations this process has run: the benchmark counts them per submission. */
export const scryptRuns = (): number => runs;

function derive(secret: string, salt: Buffer, options: ScryptOptions, keyBytes = KEY_BYTES): Promise<Buffer> {
  runs++;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keyBytes, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('.');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/**
 * Reads a stored hash. 报送码 issued by the first release were written `scrypt$N$r$p$salt$key` in
 * base64; they are still read, so codes already handed to units keep working.
 */
function parseHash(stored: string): ParsedHash | null {
  const trimmed = stored.trim();
  const legacy = trimmed.startsWith('scrypt$');
  const parts = trimmed.split(legacy ? '$' : '.');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const valid = (n: number, max: number) => Number.isInteger(n) && n > 0 && n <= max;
  // Bounds keep a hostile config from making every check burn gigabytes.
  if (!valid(N, 1 << 20) || (N & (N - 1)) !== 0 || !valid(r, 32) || !valid(p, 16)) return null;
  const encoding = legacy ? 'base64' : 'base64url';
  const salt = Buffer.from(parts[4] ?? '', encoding);
  const key = Buffer.from(parts[5] ?? '', encoding);
  if (salt.length < 8 || key.length !== KEY_BYTES) return null;
  return { N, r, p, salt, key };
}

export function isSecretHash(value: string): boolean {
  return parseHash(value) !== null;
}

/** A hash of a secret nobody knows: checked against when there is no stored hash, so timing says nothing. */
let decoy: Promise<string> | undefined;

/** Whether `secret` is the one `stored` was made from; an unknown or malformed hash costs the same time. */
export async function verifySecret(secret: string, stored: string | undefined): Promise<boolean> {
  const parsed = parseHash(stored ?? '');
  const checked = parsed ?? parseHash(await (decoy ??= hashSecret(randomBytes(16).toString('hex'))));
  if (!checked) return false;
  const key = await derive(secret, checked.salt, { N: checked.N, r: checked.r, p: checked.p });
  return parsed !== null && sameBytes(key, checked.key);
}
