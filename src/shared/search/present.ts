/**
 * Turns a search outcome into what a result list shows, identically on the server (no JS) and in
 * the island (search as you type): labelled results with highlighted titles and snippets.
 */
import type { SearchOutcome } from './engine.ts';
import { highlight, type SnippetPart } from './snippet.ts';
import { searchKindLabels, searchKinds, type SearchDoc, type SearchKind } from './types.ts';
import { suggestionsFor } from './suggest.ts';

export interface ResultView {
  id: string;
  kind: SearchKind;
  kindLabel: string;
  context: string;
  href: string;
  title: SnippetPart[];
  snippet: SnippetPart[];
}

/** What a reader asked for: the words, optionally one kind, optionally every result at once. */
export interface SearchRequest {
  query: string;
  kind?: SearchKind | undefined;
  all?: boolean;
}

export interface SearchView {
  query: string;
  kind: SearchKind | undefined;
  /** Whether the longer list was asked for. */
  all: boolean;
  mode: SearchOutcome['mode'];
  /** All matching sections, also those beyond the ones shown. */
  total: number;
  results: ResultView[];
  counts: { kind: SearchKind; label: string; count: number }[];
  /** Offered when nothing was found. */
  suggestions: string[];
}

/** Results shown first: few enough to render at once on an old phone. */
export const shownResults = 10;
/** Results shown when the reader asks for all of them; past this, refining the query helps more. */
export const shownAllResults = 50;
const snippetLength = 90;

export function presentSearch(
  outcome: SearchOutcome,
  glossaryTerms: readonly string[],
  { kind, all = false }: Omit<SearchRequest, 'query'> = {},
): SearchView {
  const counts = searchKinds
    .map((k) => ({ kind: k, label: searchKindLabels[k], count: outcome.hits.filter((hit) => hit.doc.kind === k).length }))
    .filter((c) => c.count > 0);
  const hits = kind ? outcome.hits.filter((hit) => hit.doc.kind === kind) : outcome.hits;
  return {
    query: outcome.query,
    kind,
    all,
    mode: outcome.mode,
    total: hits.length,
    results: hits.slice(0, all ? shownAllResults : shownResults).map(({ doc }) => presentDoc(doc, outcome.query)),
    counts,
    suggestions: outcome.mode === 'none' ? suggestionsFor(outcome.query, glossaryTerms) : [],
  };
}

function presentDoc(doc: SearchDoc, query: string): ResultView {
  return {
    id: doc.id,
    kind: doc.kind,
    kindLabel: doc.label ?? searchKindLabels[doc.kind],
    context: doc.context,
    href: doc.href,
    title: highlight(doc.title, query, { bigrams: false }),
    snippet: highlight(doc.text, query, { maxLength: snippetLength }),
  };
}

/** The search page: it answers its address without JavaScript. */
const searchPage = '/search/';
/** The same answer as data, for the island while its own index is still loading. */
export const searchAnswerPath = '/search/answer.json';

/** The shareable address of a search, or with `path` the address of its answer as data. */
export function searchUrl({ query, kind, all }: SearchRequest, path: string = searchPage): string {
  const q = query.trim();
  if (!q) return path;
  return `${path}?q=${encodeURIComponent(q)}${kind ? `&kind=${kind}` : ''}${all ? '&all=1' : ''}`;
}

export function glossaryTermsOf(docs: readonly SearchDoc[]): string[] {
  return docs.filter((doc) => doc.kind === 'term').map((doc) => doc.title);
}
