/**
 * Runs a query against the index: every query term is required; when no section holds them all,
 * the sections holding most of them are offered as partial matches, and below a minimum coverage
 * nothing is shown rather than noise. The 纲要's own sections come first: one holding the query but
 * for one word is shown even when notes hold every word, and before the notes on that section.
 */
import lunr from 'lunr';
import { nearMatch } from './near-match.ts';
import { withoutQuestionWords } from './question-words.ts';
import { compactForMatch, queryPhrases, queryTerms, type QueryTerm } from './tokenizer.ts';
import type { SearchDoc, SearchKind } from './types.ts';

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Share of the query terms this section holds, 0…1. */
  coverage: number;
  /**
   * 4 glossary entry of that name, 3 纲要 text holding the words as written, 2 纲要 text holding
   * them but for one word, 1 other text holding them as written, 0 words apart.
   */
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
  if (doc.kind === 'term' && names.includes(phrases.join(''))) return 4;
  const written = phrases.every((phrase) => title.includes(phrase) || text.includes(phrase));
  if (written) return doc.kind === 'gangyao' ? 3 : 1;
  return doc.kind === 'gangyao' && nearlyHeld(doc, phrases) ? 2 : 0;
}

/** Every phrase written but one, which is held but for one word (see near-match.ts). */
function nearlyHeld(doc: SearchDoc, phrases: readonly string[]): boolean {
  const { title, text } = compacted(doc);
  const missing = phrases.filter((phrase) => !title.includes(phrase) && !text.includes(phrase));
  return missing.length === 1 && nearMatch(missing[0]!, [title, text]) !== undefined;
}

/** The 纲要 sections that hold the query but for one word, whether or not lunr found them all. */
function officialNearHits(docs: Iterable<SearchDoc>, phrases: readonly string[]): SearchDoc[] {
  const found: SearchDoc[] = [];
  for (const doc of docs) if (doc.kind === 'gangyao' && nearlyHeld(doc, phrases)) found.push(doc);
  return found;
}

/** Glossary entries whose name the query holds with a word added (首席质量官制度): the reader asks about them. */
function termsNamedIn(docs: Iterable<SearchDoc>, phrases: readonly string[]): SearchDoc[] {
  const asked = phrases.join('');
  const found: SearchDoc[] = [];
  for (const doc of docs) {
    if (doc.kind !== 'term') continue;
    const named = compacted(doc).names.some((name) => name.length >= 3 && name.length * 3 >= asked.length * 2 && asked.includes(name));
    if (named && !compacted(doc).names.includes(asked)) found.push(doc);
  }
  return found;
}

/** The 纲要 section a note is about, from its address (/gangyao/#art-13). */
function sectionOf(doc: SearchDoc): string | undefined {
  if (doc.kind !== 'note') return undefined;
  const hash = doc.href.indexOf('#');
  return hash >= 0 ? doc.href.slice(hash + 1) : undefined;
}

/** A 纲要 section shown before the first note on it: the reader lands on the article, not on a note. */
function sectionsBeforeTheirNotes(hits: SearchHit[]): SearchHit[] {
  const ordered = [...hits];
  for (let i = 0; i < ordered.length; i++) {
    const section = sectionOf(ordered[i]!.doc);
    if (!section) continue;
    const at = ordered.findIndex((hit, j) => j > i && hit.doc.id === section);
    if (at < 0) continue;
    const [official] = ordered.splice(at, 1);
    ordered.splice(i, 0, official!);
  }
  return ordered;
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
  if (queryTerms(trimmed).length === 0) return { query: trimmed, mode: 'blank', hits: [] };
  const asked = withoutQuestionWords(trimmed);
  const terms = queryTerms(asked);
  const phrases = queryPhrases(asked);

  const toHit = (result: lunr.Index.Result, coverage: number): SearchHit | undefined => {
    const doc = docsById.get(result.ref);
    if (!doc) return undefined;
    const score = result.score * kindWeight[doc.kind] * headingBonus(doc, phrases);
    return { doc, coverage, standing: standing(doc, phrases), score };
  };
  const complete = runQuery(index, terms, true)
    .map((result) => toHit(result, 1))
    .filter((hit): hit is SearchHit => hit !== undefined);
  const near = [...officialNearHits(docsById.values(), phrases), ...termsNamedIn(docsById.values(), phrases)].filter(
    (doc) => !complete.some((hit) => hit.doc === doc),
  );
  if (complete.length > 0) {
    const hits = [...complete, ...near.map((doc) => ({ doc, coverage: 1, standing: Math.max(1, standing(doc, phrases)), score: 0 }))];
    hits.sort((a, b) => b.standing - a.standing || b.score - a.score);
    return { query: trimmed, mode: 'all', hits: sectionsBeforeTheirNotes(hits).slice(0, limit) };
  }

  const neededTerms = Math.max(minimumPartialTerms, Math.ceil(terms.length * minimumPartialCoverage - 1e-9));
  const partial = runQuery(index, terms, false)
    .map((result) => toHit(result, coverageOf(result, terms)))
    .filter((hit): hit is SearchHit => hit !== undefined)
    .filter((hit) => hit.coverage === 1 || hit.standing === 2 || Math.round(hit.coverage * terms.length) >= neededTerms);
  // Sections lunr did not find at all (their words are there, but not the query's pairs) still count.
  for (const doc of near) {
    if (!partial.some((hit) => hit.doc === doc)) partial.push({ doc, coverage: 0, standing: standing(doc, phrases), score: 0 });
  }
  const official = (hit: SearchHit) => (hit.standing >= 2 ? 1 : 0);
  partial.sort((a, b) => official(b) - official(a) || b.coverage - a.coverage || b.standing - a.standing || b.score - a.score);
  return { query: trimmed, mode: partial.length > 0 ? 'partial' : 'none', hits: sectionsBeforeTheirNotes(partial).slice(0, limit) };
}

export function docsMap(docs: readonly SearchDoc[]): Map<string, SearchDoc> {
  return new Map(docs.map((doc) => [doc.id, doc]));
}
