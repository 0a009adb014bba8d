import type { APIRoute } from 'astro';
import { database, dataDir } from '#server/db/database.ts';
import { signedFileResponse } from '#server/submissions/files.ts';

export const prerender = false;

/** A stored photo, thumbnail or attachment behind its signed link (receipt, console); ?download=1 saves it. */
export const GET: APIRoute = ({ params, url }) => signedFileResponse(database(), dataDir(), params['id'] ?? '', url);
