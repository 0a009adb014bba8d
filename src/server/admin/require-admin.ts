import type { AdminSession } from './sessions.ts';

/** The session the guard attached. Routes behind the guard can rely on it; this states it once. */
export function requireAdmin(locals: { admin?: AdminSession }): AdminSession {
  if (!locals.admin) throw new Error('admin route reached without the console guard');
  return locals.admin;
}
