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

/** A body (sent without Content-Length) that ran past the limit while the token was being looked for. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/** A copy of the body, read only up to `maxBytes` so that a chunked post of any size cannot fill memory. */
async function cappedCopy(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.clone().body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: a cancelled copy settles only once the original body is cancelled as well.
      reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
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
  try {
    const body = await cappedCopy(request, maxBytes);
    const value = (await new Response(body, { headers: { 'content-type': type } }).formData()).get(CSRF_FIELD);
    return typeof value === 'string' ? value : undefined;
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error;
    return undefined;
  }
}
