/**
 * The browser side of search, loaded only when a reader starts searching: builds the index over
 * the section texts with the shared tokenizer and answers queries as the server does.
 */
import { docsMap, search } from '../../shared/search-engine.ts';
import { buildSearchIndex } from '../../shared/search-index.ts';
import { glossaryTermsOf, presentSearch, type SearchRequest, type SearchView } from '../../shared/search-present.ts';
import type { SearchData } from '../../shared/search-types.ts';

export interface ClientSearch {
  run(request: SearchRequest): SearchView;
}

export function createClientSearch(data: SearchData): ClientSearch {
  const index = buildSearchIndex(data.docs);
  const docs = docsMap(data.docs);
  const glossary = glossaryTermsOf(data.docs);
  return {
    run: ({ query, ...rest }) => presentSearch(search(index, docs, query), glossary, rest),
  };
}
