/** Which part of the site a request path belongs to, as the guard sees it. */
export type AdminArea = 'page' | 'api' | null;

export const LOGIN_PATH = '/admin/login';

/**
 * Decodes once (the router does the same), folds case, slashes and backslashes, so that
 * /%61dmin/, //admin and /Admin/ are all recognised as the console and never slip past the guard.
 */
export function normalisePath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is left as is; the router will not match it either.
  }
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
}

export function adminArea(pathname: string): AdminArea {
  const path = normalisePath(pathname);
  if (/^\/api\/admin(\/|$)/.test(path)) return 'api';
  if (/^\/admin(\/|$|\.)/.test(path)) return 'page';
  return null;
}

/**
 * Files rather than pages (exports, stored uploads, the import template): without a session they
 * answer 401 like the APIs, so a download link never saves the login page as 汇总表.xlsx.
 */
export function isDownloadPath(pathname: string): boolean {
  const path = normalisePath(pathname);
  return /^\/admin\/files\//.test(path) || (/^\/admin\//.test(path) && /\/[^/]+\.[a-z0-9]{2,5}$/.test(path));
}

export function isLoginPath(pathname: string): boolean {
  return /^\/admin\/login\/?$/.test(normalisePath(pathname));
}

/** Only console paths are accepted as the place to return to after signing in (no open redirect). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/admin/';
  return adminArea(value.split('?')[0] ?? '') === 'page' && !isLoginPath(value.split('?')[0] ?? '') ? value : '/admin/';
}
