import type { APIRoute } from 'astro';
import { audit } from '#server/admin/audit.ts';
import { consoleCookie } from '#server/admin/guard.ts';
import { endSession, SESSION_COOKIE } from '#server/admin/sessions.ts';
import { requireAdmin } from '#server/admin/require-admin.ts';
import { LOGIN_PATH } from '#server/admin/paths.ts';

export const prerender = false;

export const POST: APIRoute = (context) => {
  const session = requireAdmin(context.locals);
  const { db } = context.locals;
  endSession(db, context.cookies.get(SESSION_COOKIE)?.value);
  context.cookies.delete(SESSION_COOKIE, consoleCookie(context));
  audit(db, { username: session.username, action: 'logout', ip: context.locals.address });
  return new Response(null, {
    status: 303,
    headers: { location: `${LOGIN_PATH}?out=1` },
  });
};
