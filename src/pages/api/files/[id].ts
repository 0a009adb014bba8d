import type { APIRoute } from 'astro';
import { signedFileResponse } from '#server/submissions/files.ts';

export const prerender = false;

/** A stored photo, thumbnail or attachment behind its signed link (receipt, console); ?download=1 saves it. */
export const GET: APIRoute = ({ params, url, locals }) => signedFileResponse(locals.db, locals.dataDir, params['id'] ?? '', url);
