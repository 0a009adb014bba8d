/**
 * The address units type to reach the site, printed in the 催报 text and on the code slips.
 * PUBLIC_URL wins; without it the organiser confirms the address once in the console and it is
 * kept in the database (meta table). Until then the console offers the address it was opened on,
 * which on the server itself is http://localhost:… and would send every unit nowhere.
 */
import type { DatabaseSync } from 'node:sqlite';

const META_KEY = 'public_url';

export interface PublicAddress {
  origin: string;
  /** env: PUBLIC_URL; confirmed: stored by an organiser; request: only what this request came in on. */
  source: 'env' | 'confirmed' | 'request';
  /** The address names this computer only (localhost, 127.x, ::1): no other device can open it. */
  local: boolean;
}

/** localhost, *.localhost, 127.0.0.0/8, ::1 and 0.0.0.0: addresses that mean “this machine”. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '0.0.0.0';
}

/** An http(s) origin from what an organiser typed, or undefined when it is not one. */
export function parseOrigin(input: string): string | undefined {
  const text = input.trim();
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.hostname) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export function publicAddress(db: DatabaseSync, requestUrl: URL, env: NodeJS.ProcessEnv = process.env): PublicAddress {
  const configured = parseOrigin(env['PUBLIC_URL'] ?? '');
  if (configured && /^https?:\/\//.test(env['PUBLIC_URL']?.trim() ?? '')) return describe(configured, 'env');
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  const stored = row ? parseOrigin(row.value) : undefined;
  if (stored) return describe(stored, 'confirmed');
  return describe(requestUrl.origin, 'request');
}

function describe(origin: string, source: PublicAddress['source']): PublicAddress {
  return { origin, source, local: isLocalHost(new URL(origin).hostname) };
}

export type ConfirmOutcome = { ok: true; origin: string } | { ok: false; message: string };

export function confirmPublicAddress(db: DatabaseSync, input: string): ConfirmOutcome {
  const origin = parseOrigin(input);
  if (!origin)
    return { ok: false, message: `“${input.trim().slice(0, 80)}”不是网址。请填写各单位打开本站用的地址，如 http://10.1.2.3:4321。` };
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(META_KEY, origin);
  return { ok: true, origin };
}
