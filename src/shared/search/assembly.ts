/**
 * One search, put together the same way in the browser and on the server: the lunr index, the
 * documents by id and the glossary terms, answering a request through the shared presentation.
 */
import type lunr from 'lunr';
import { parseSearchDataLine } from './data.ts';
import { docsMap, search } from './engine.ts';
import { glossaryTermsOf, presentSearch, type SearchRequest, type SearchView } from './present.ts';
import type { SearchDoc } from './types.ts';

export interface SiteSearch {
  run(request: SearchRequest): SearchView;
}

export function assembleSearch(index: lunr.Index, docs: readonly SearchDoc[]): SiteSearch {
  const byId = docsMap(docs);
  const glossary = glossaryTermsOf(docs);
  return { run: ({ query, ...rest }) => presentSearch(search(index, byId, query), glossary, rest) };
}

/** The documents of a whole /search-data.json text, for a reader that has it at once (the server). */
export function parseSearchData(text: string): SearchDoc[] {
  return text.split('\n').flatMap((line) => parseSearchDataLine(line) ?? []);
}
