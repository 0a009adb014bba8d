import { defineMiddleware } from 'astro:middleware';
import { adminArea } from '#server/admin/paths.ts';
import { guardAdmin } from '#server/admin/guard.ts';
import { requestContext } from '#server/app/request-context.ts';
import { clientIp } from '#server/http/request-info.ts';

/**
 * Runs for every on-demand route: sets the request's context in `locals` (src/env.d.ts), then
 * puts the organiser console (/admin/, /api/admin/) behind its guard. Prerendered pages are built
 * without a database and pass straight through.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  Object.assign(context.locals, await requestContext(clientIp(context)));
  if (!adminArea(context.url.pathname)) return next();
  return guardAdmin(context, next, { db: context.locals.db, dataDir: context.locals.dataDir });
});
