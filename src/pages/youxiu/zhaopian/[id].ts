import type { APIRoute } from 'astro';
import { adoptedPhotoResponse } from '#server/review/adoption.ts';

export const prerender = false;

/** An adopted photo for /youxiu/; ?size=thumb for its thumbnail. */
export const GET: APIRoute = ({ params, url, locals }) =>
  adoptedPhotoResponse(locals.db, locals.dataDir, params['id'] ?? '', url.searchParams.get('size') === 'thumb');
