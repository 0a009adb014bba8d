/**
 * Astro's own cookie jar for a plain Request, so the console guard's tests read and clear cookies
 * through the same code as the running site. Astro does not export the class from its package
 * entry, hence the path into its build.
 */
import type { AstroCookies } from 'astro';
// eslint-disable-next-line no-restricted-imports -- Astro's cookie class is not exported from its package entry
import { AstroCookies as Cookies } from '../../node_modules/astro/dist/core/cookies/cookies.js';

export function astroCookies(request: Request): AstroCookies {
  return new Cookies(request, { warn: () => {} });
}

/** The Set-Cookie headers Astro would add to the response. */
export const setCookies = (cookies: AstroCookies): string[] => [...(cookies as Cookies).headers()];
