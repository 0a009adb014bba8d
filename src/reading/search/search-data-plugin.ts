/**
 * Compiles the site's search data into whatever imports `virtual:search-data`: the prerendered
 * /search-data.json and the server's no-JavaScript search read the same text, made once at build
 * time from seeds/ and content/, so a built site needs neither at run time.
 */
import type { Plugin } from 'vite';
import { serializeSearchData } from '#shared/search/data.ts';
import { loadSearchDocs } from './docs.ts';

const id = 'virtual:search-data';
const resolvedId = `\0${id}`;

export function searchDataPlugin(): Plugin {
  return {
    name: 'search-data',
    resolveId: (source) => (source === id ? resolvedId : undefined),
    load: (resolved) => (resolved === resolvedId ? `export default ${JSON.stringify(serializeSearchData(loadSearchDocs()))};` : undefined),
  };
}
