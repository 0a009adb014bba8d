/**
 * The section texts search needs in the browser, written once at build time, one per line (see
 * src/shared/search/data.ts). Only the search page fetches it, and only once the reader starts there.
 */
import type { APIRoute } from 'astro';
import searchData from 'virtual:search-data';

export const prerender = true;

export const GET: APIRoute = () => new Response(searchData, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
