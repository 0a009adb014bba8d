import { defineMiddleware } from 'astro:middleware';
import { adminArea } from '#server/admin/paths.ts';
import { guardAdmin } from '#server/admin/guard.ts';
import { database, dataDir } from '#server/db/database.ts';

/**
 * Runs for every on-demand route. Only the organiser console (/admin/, /api/admin/) is touched;
 * everything else passes straight through without opening the database.
 */
export const onRequest = defineMiddleware((context, next) => {
  if (!adminArea(context.url.pathname)) return next();
  return guardAdmin(context, next, { db: database(), dataDir: dataDir() });
});
