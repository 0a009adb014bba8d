import { timingSafeEqual } from 'node:crypto';

/** The hidden field every console form carries. */
export const CSRF_FIELD = 'csrf';
/** Scripts may send the token in this header instead. */
export const CSRF_HEADER = 'x-csrf-token';
/** Before sign-in there is no session: the login form pairs its hidden field with this cookie. */
export const LOGIN_CSRF_COOKIE = 'baosong_login_csrf';

export function tokensMatch(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries, read from a copy so the route can still read the body itself. */
export async function submittedToken(request: Request): Promise<string | undefined> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
