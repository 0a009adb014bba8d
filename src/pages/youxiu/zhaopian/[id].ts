import type { APIRoute } from 'astro';
import { database, dataDir } from '#server/db/database.ts';
import { adoptedPhotoResponse } from '#server/review/adoption.ts';

export const prerender = false;

/** An adopted photo for /youxiu/; ?size=thumb for its thumbnail. */
export const GET: APIRoute = ({ params, url }) =>
  adoptedPhotoResponse(database(), dataDir(), params['id'] ?? '', url.searchParams.get('size') === 'thumb');
