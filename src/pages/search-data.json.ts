/**
 * The section texts search needs in the browser, written once at build time. Only the search page
 * fetches it, and only when the reader starts typing there.
 */
import type { APIRoute } from 'astro';
import { loadSearchDocs } from '../reading/search-docs.ts';
import type { SearchData } from '../shared/search-types.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  const data: SearchData = { version: 1, docs: loadSearchDocs() };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
