/**
 * The section texts search needs in the browser, written once at build time, one per line (see
 * shared/search/data.ts). Only the search page fetches it, and only once the reader starts there.
 */
import type { APIRoute } from 'astro';
import { loadSearchDocs } from '#reading/search/docs.ts';
import { serializeSearchData } from '#shared/search/data.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  return new Response(serializeSearchData(loadSearchDocs()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
