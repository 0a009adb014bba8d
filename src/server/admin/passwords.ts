import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Organiser passwords are kept only as scrypt hashes written as
 * `scrypt.N.r.p.<salt>.<hash>` (base64url). The alphabet has no `$`, `:` or `;`, so a hash can be
 * pasted into an env variable, a YAML file or ADMIN_USERS (`name:hash;name2:hash`) without quoting.
 */
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('.');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.trim().split('.');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const valid = (n: number, max: number) => Number.isInteger(n) && n > 0 && n <= max;
  // Bounds keep a hostile config from making every login burn gigabytes.
  if (!valid(N, 1 << 20) || (N & (N - 1)) !== 0 || !valid(r, 32) || !valid(p, 16)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length !== KEY_BYTES) return null;
  return { N, r, p, salt, key };
}

export function isPasswordHash(value: string): boolean {
  return parseHash(value) !== null;
}

/** A hash of a password nobody knows: checked against when the user name is unknown, so timing says nothing. */
const decoy = hashPassword(randomBytes(16).toString('hex'));

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parsed = parseHash(stored ?? '') ?? parseHash(await decoy);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p });
  return stored !== undefined && parseHash(stored) !== null && timingSafeEqual(key, parsed.key);
}
