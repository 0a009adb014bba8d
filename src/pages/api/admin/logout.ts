import type { APIRoute } from 'astro';
import { audit } from '#server/admin/audit.ts';
import { clearCookieHeader, isHttps, readCookie } from '#server/admin/cookies.ts';
import { endSession, SESSION_COOKIE } from '#server/admin/sessions.ts';
import { requireAdmin } from '#server/admin/require-admin.ts';
import { LOGIN_PATH } from '#server/admin/paths.ts';

export const prerender = false;

export const POST: APIRoute = (context) => {
  const session = requireAdmin(context.locals);
  const { db } = context.locals;
  endSession(db, readCookie(context.request, SESSION_COOKIE));
  audit(db, { username: session.username, action: 'logout', ip: context.locals.address });
  return new Response(null, {
    status: 303,
    headers: {
      location: `${LOGIN_PATH}?out=1`,
      'set-cookie': clearCookieHeader(SESSION_COOKIE, isHttps(context.request, context.url)),
    },
  });
};
