/**
 * /search/answer.json?q=…: the search page's answer as data. The island asks here while its own
 * index is still downloading and being built, so that a reader on a slow phone sees the first
 * results after one small round trip instead of after the whole index.
 */
import type { APIRoute } from 'astro';
import { readRequest, serverSearch } from '#server/search/server-search.ts';

export const prerender = false;

export const GET: APIRoute = ({ url }) =>
  new Response(JSON.stringify(serverSearch(readRequest(url))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
