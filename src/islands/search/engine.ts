/**
 * The browser side of search, loaded only when a reader starts searching: indexes the section
 * texts with the shared tokenizer while they download, then answers queries as the server does.
 */
import { readSearchData } from '../../shared/search-data.ts';
import { docsMap, search } from '../../shared/search-engine.ts';
import { createIndexBuilder } from '../../shared/search-index.ts';
import { glossaryTermsOf, presentSearch, type SearchRequest, type SearchView } from '../../shared/search-present.ts';
import type { SearchDoc } from '../../shared/search-types.ts';

export interface ClientSearch {
  run(request: SearchRequest): SearchView;
}

/** Indexes each document as its line of the response arrives, so that indexing overlaps the download. */
export async function createClientSearch(response: Response): Promise<ClientSearch> {
  if (!response.ok) throw new Error(`search data ${response.status}`);
  const builder = createIndexBuilder();
  const all: SearchDoc[] = [];
  await readSearchData(response, (doc) => {
    all.push(doc);
    builder.add(doc);
  });
  const index = builder.finish();
  const docs = docsMap(all);
  const glossary = glossaryTermsOf(all);
  return {
    run: ({ query, ...rest }) => presentSearch(search(index, docs, query), glossary, rest),
  };
}
