/**
 * One JSON line per request on stdout, for the IT staff's journal (journalctl -u …). Only what
 * operating the site needs: no cookies, no form fields, no 报送码 or tokens — those are replaced in
 * the path — and no personal data beyond the client's address.
 */

/** Query parameters that grant access (signed links, codes, tokens): their values never reach a log. */
const SECRET_PARAMS = new Set(['t', 'code', 'token', 'key', 'next']);
/** A path segment shaped like a staged-upload token (random base64url). */
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{16,64}$/;

export function redactPath(rawUrl: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://site.invalid');
  } catch {
    return '/（无法解析的地址）';
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment) ? ':token' : segment))
    .join('/');
  const params = [...url.searchParams.keys()].map((name) =>
    SECRET_PARAMS.has(name) ? `${name}=:redacted` : `${name}=${url.searchParams.get(name) ?? ''}`,
  );
  return params.length > 0 ? `${path}?${params.join('&')}` : path;
}

export interface AccessEntry {
  time: Date;
  requestId: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  bytes: number;
  client: string;
}

export function accessLine(entry: AccessEntry): string {
  return JSON.stringify({
    time: entry.time.toISOString(),
    level: 'info',
    requestId: entry.requestId,
    method: entry.method,
    path: redactPath(entry.url),
    status: entry.status,
    ms: Math.round(entry.ms * 10) / 10,
    bytes: entry.bytes,
    client: entry.client,
  });
}

/** An error or warning printed while a request ran, tagged with that request's id. */
export function errorLine(level: 'error' | 'warn', requestId: string | undefined, message: string, time = new Date()): string {
  return JSON.stringify({ time: time.toISOString(), level, ...(requestId ? { requestId } : {}), message });
}
