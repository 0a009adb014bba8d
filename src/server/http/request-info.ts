import type { AdminSession } from '#server/admin/sessions.ts';

/** The address a request came from, for the log; never throws (prerender has none). */
export function clientIp(context: { clientAddress: string }): string {
  try {
    return context.clientAddress ?? '';
  } catch {
    return '';
  }
}

/** The session the guard attached. Routes behind the guard can rely on it; this states it once. */
export function requireAdmin(locals: { admin?: AdminSession }): AdminSession {
  if (!locals.admin) throw new Error('admin route reached without the console guard');
  return locals.admin;
}
