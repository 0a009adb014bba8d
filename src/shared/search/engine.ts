/**
 * Runs a query against the index: every query term is required; when no section holds them all,
 * the sections holding most of them are offered as partial matches, and below a minimum coverage
 * nothing is shown rather than noise.
 */
import lunr from 'lunr';
import { compactForMatch, queryPhrases, queryTerms, type QueryTerm } from './tokenizer.ts';
import type { SearchDoc, SearchKind } from './types.ts';

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Share of the query terms this section holds, 0…1. */
  coverage: number;
  /** 3 glossary entry of that name, 2 纲要 text holding the words as written, 1 other such text, 0 words apart. */
  standing: number;
}

export interface SearchOutcome {
  query: string;
  /** all: every term found; partial: best partial matches; none: nothing worth showing; blank: no query. */
  mode: 'all' | 'partial' | 'none' | 'blank';
  hits: SearchHit[];
}

/** A partial match must hold at least this share of the query's terms, and at least two of them. */
export const minimumPartialCoverage = 2 / 3;
const minimumPartialTerms = 2;

/** At equal standing, the 纲要's own text first and related reading last. */
const kindWeight: Record<SearchKind, number> = {
  gangyao: 1.2,
  term: 1.1,
  note: 1,
  press: 1,
  notice: 1,
  related: 0.8,
};

function runQuery(index: lunr.Index, terms: readonly QueryTerm[], required: boolean): lunr.Index.Result[] {
  return index.query((q) => {
    for (const { term, prefix } of terms) {
      q.term(term, {
        presence: required ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
        wildcard: prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
        usePipeline: false,
      });
    }
  });
}

function coverageOf(result: lunr.Index.Result, terms: readonly QueryTerm[]): number {
  const matched = Object.keys(result.matchData.metadata);
  const held = terms.filter(({ term, prefix }) => (prefix ? matched.some((m) => m.startsWith(term)) : matched.includes(term)));
  return held.length / terms.length;
}

interface Compacted {
  title: string;
  text: string;
  names: string[];
}

const compactCache = new WeakMap<SearchDoc, Compacted>();

function compacted(doc: SearchDoc): Compacted {
  let entry = compactCache.get(doc);
  if (!entry) {
    const title = compactForMatch(doc.title);
    entry = { title, text: compactForMatch(doc.text), names: [title, ...(doc.aliases ?? []).map(compactForMatch)] };
    compactCache.set(doc, entry);
  }
  return entry;
}

/** Folds a section ahead of time (in the browser, while idle) so that no query pays for it. */
export function prepareDoc(doc: SearchDoc): void {
  compacted(doc);
}

/**
 * How plainly a section answers the query, before any scoring: the glossary entry named exactly
 * so (a reader asking what it means), then the 纲要 holding the words as written, then any other
 * section holding them as written, then sections holding the words apart.
 */
function standing(doc: SearchDoc, phrases: readonly string[]): number {
  const { title, text, names } = compacted(doc);
  if (doc.kind === 'term' && names.includes(phrases.join(''))) return 3;
  const written = phrases.every((phrase) => title.includes(phrase) || text.includes(phrase));
  if (!written) return 0;
  return doc.kind === 'gangyao' ? 2 : 1;
}

/** A heading holding the words is a stronger sign than the body holding them. */
function headingBonus(doc: SearchDoc, phrases: readonly string[]): number {
  const { title } = compacted(doc);
  return phrases.every((phrase) => title.includes(phrase)) ? 2 : 1;
}

/** Longest query considered; longer input is cut rather than refused. */
export const maxQueryLength = 100;

export interface SearchOptions {
  limit?: number;
}

export function search(
  index: lunr.Index,
  docsById: ReadonlyMap<string, SearchDoc>,
  query: string,
  { limit = Infinity }: SearchOptions = {},
): SearchOutcome {
  const trimmed = query.trim().slice(0, maxQueryLength).trim();
  const terms = queryTerms(trimmed);
  if (terms.length === 0) return { query: trimmed, mode: 'blank', hits: [] };
  const phrases = queryPhrases(trimmed);

  const toHit = (result: lunr.Index.Result, coverage: number): SearchHit | undefined => {
    const doc = docsById.get(result.ref);
    if (!doc) return undefined;
    const score = result.score * kindWeight[doc.kind] * headingBonus(doc, phrases);
    return { doc, coverage, standing: standing(doc, phrases), score };
  };
  const complete = runQuery(index, terms, true)
    .map((result) => toHit(result, 1))
    .filter((hit): hit is SearchHit => hit !== undefined);
  if (complete.length > 0) {
    complete.sort((a, b) => b.standing - a.standing || b.score - a.score);
    return { query: trimmed, mode: 'all', hits: complete.slice(0, limit) };
  }

  const neededTerms = Math.max(minimumPartialTerms, Math.ceil(terms.length * minimumPartialCoverage - 1e-9));
  const partial = runQuery(index, terms, false)
    .map((result) => toHit(result, coverageOf(result, terms)))
    .filter((hit): hit is SearchHit => hit !== undefined && Math.round(hit.coverage * terms.length) >= neededTerms);
  partial.sort((a, b) => b.coverage - a.coverage || b.standing - a.standing || b.score - a.score);
  return { query: trimmed, mode: partial.length > 0 ? 'partial' : 'none', hits: partial.slice(0, limit) };
}

export function docsMap(docs: readonly SearchDoc[]): Map<string, SearchDoc> {
  return new Map(docs.map((doc) => [doc.id, doc]));
}
