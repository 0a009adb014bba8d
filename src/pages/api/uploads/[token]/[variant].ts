import type { APIRoute } from 'astro';
import { stagedFileResponse } from '#server/submissions/files.ts';

export const prerender = false;

/** A staged upload shown back to the unit that holds its token: thumb, photo, or file (download). */
export const GET: APIRoute = ({ params, locals }) =>
  stagedFileResponse(locals.db, locals.dataDir, params['token'] ?? '', params['variant'] ?? '');
