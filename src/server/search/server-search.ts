/**
 * Server-rendered search (/search/?q=… without JavaScript): the very search data the build wrote
 * for the browser, indexed once per server process on the first search. The data is compiled into
 * the server bundle, so a built site searches without seeds/ or content/ beside it.
 */
import searchData from 'virtual:search-data';
import { assembleSearch, parseSearchData, type SiteSearch } from '#shared/search/assembly.ts';
import { buildSearchIndex } from '#shared/search/index-build.ts';
import type { SearchRequest, SearchView } from '#shared/search/present.ts';
import { searchKinds } from '#shared/search/types.ts';

let engine: SiteSearch | undefined;

function serverEngine(): SiteSearch {
  if (!engine) {
    const docs = parseSearchData(searchData);
    engine = assembleSearch(buildSearchIndex(docs), docs);
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
