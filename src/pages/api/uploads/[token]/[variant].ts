import type { APIRoute } from 'astro';
import { database, dataDir } from '#server/db/database.ts';
import { stagedFileResponse } from '#server/submissions/files.ts';

export const prerender = false;

/** A staged upload shown back to the unit that holds its token: thumb, photo, or file (download). */
export const GET: APIRoute = ({ params }) => stagedFileResponse(database(), dataDir(), params['token'] ?? '', params['variant'] ?? '');
