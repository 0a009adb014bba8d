/**
 * The browser side of search, loaded only when a reader starts searching: fetches the section
 * texts, builds the index with the shared tokenizer and answers queries as the server does.
 */
import { docsMap, search } from '../../shared/search-engine.ts';
import { buildSearchIndex } from '../../shared/search-index.ts';
import { glossaryTermsOf, presentSearch, type SearchView } from '../../shared/search-present.ts';
import type { SearchData, SearchKind } from '../../shared/search-types.ts';

export interface ClientSearch {
  run(query: string, kind?: SearchKind): SearchView;
}

export async function createClientSearch(dataUrl: string): Promise<ClientSearch> {
  const response = await fetch(dataUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`search data ${response.status}`);
  const data = (await response.json()) as SearchData;
  const index = buildSearchIndex(data.docs);
  const docs = docsMap(data.docs);
  const glossary = glossaryTermsOf(data.docs);
  return {
    run: (query, kind) => presentSearch(search(index, docs, query), glossary, kind),
  };
}
