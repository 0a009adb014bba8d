/**
 * Server-rendered search: the same documents, index, tokenizer and presentation as the island,
 * built once per server process on the first search.
 */
import { loadSearchDocs } from '../../reading/search-docs.ts';
import { docsMap, search } from '../../shared/search-engine.ts';
import { buildSearchIndex } from '../../shared/search-index.ts';
import { glossaryTermsOf, presentSearch, type SearchView } from '../../shared/search-present.ts';
import { searchKinds, type SearchKind } from '../../shared/search-types.ts';

let engine: { run(query: string, kind?: SearchKind): SearchView } | undefined;

function serverEngine(): NonNullable<typeof engine> {
  if (!engine) {
    const docs = loadSearchDocs();
    const index = buildSearchIndex(docs);
    const byId = docsMap(docs);
    const glossary = glossaryTermsOf(docs);
    engine = { run: (query, kind) => presentSearch(search(index, byId, query), glossary, kind) };
  }
  return engine;
}

export function readQuery(url: URL): { query: string; kind: SearchKind | undefined } {
  const query = url.searchParams.get('q') ?? '';
  const kind = url.searchParams.get('kind');
  return { query, kind: searchKinds.find((k) => k === kind) };
}

export function serverSearch(query: string, kind?: SearchKind): SearchView {
  return serverEngine().run(query, kind);
}
