/**
 * Server-rendered search: the same documents, index, tokenizer and presentation as the island,
 * built once per server process on the first search.
 */
import { loadSearchDocs } from '#reading/search/docs.ts';
import { docsMap, search } from '#shared/search/engine.ts';
import { buildSearchIndex } from '#shared/search/index-build.ts';
import { glossaryTermsOf, presentSearch, type SearchRequest, type SearchView } from '#shared/search/present.ts';
import { searchKinds } from '#shared/search/types.ts';

let engine: { run(request: SearchRequest): SearchView } | undefined;

function serverEngine(): NonNullable<typeof engine> {
  if (!engine) {
    const docs = loadSearchDocs();
    const index = buildSearchIndex(docs);
    const byId = docsMap(docs);
    const glossary = glossaryTermsOf(docs);
    engine = { run: ({ query, ...rest }) => presentSearch(search(index, byId, query), glossary, rest) };
  }
  return engine;
}

/** The request in an address such as /search/?q=首席质量官&kind=gangyao&all=1; unknown values are ignored. */
export function readRequest(url: URL): SearchRequest {
  const kind = url.searchParams.get('kind');
  return {
    query: url.searchParams.get('q') ?? '',
    kind: searchKinds.find((k) => k === kind),
    all: url.searchParams.get('all') === '1',
  };
}

export function serverSearch(request: SearchRequest): SearchView {
  return serverEngine().run(request);
}
