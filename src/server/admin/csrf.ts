import { readCappedForm } from '#server/http/capped-body.ts';

/** The hidden field every console form carries. */
export const CSRF_FIELD = 'csrf';
/** Scripts may send the token in this header instead. */
export const CSRF_HEADER = 'x-csrf-token';
/** Before sign-in there is no session: the login form pairs its hidden field with this cookie. */
export const LOGIN_CSRF_COOKIE = 'baosong_login_csrf';

/** A body (sent without Content-Length) that ran past the limit while the token was being looked for. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/**
 * The token a request carries, read from a copy so the route can still read the body itself.
 * Throws BodyTooLarge when the body is longer than `maxBytes`.
 */
export async function submittedToken(request: Request, maxBytes: number): Promise<string | undefined> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  const form = await readCappedForm(request, maxBytes, { copy: true });
  if (form === 'too-large') throw new BodyTooLarge();
  const value = form?.get(CSRF_FIELD);
  return typeof value === 'string' ? value : undefined;
}
