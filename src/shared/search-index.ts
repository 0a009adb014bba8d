/**
 * The lunr index over search documents, built with the shared tokenizer. The same function runs in
 * Node (server-rendered results, tests, benchmarks) and in the browser (search as you type).
 */
import lunr from 'lunr';
import { indexTerms } from './search-tokenizer.ts';
import type { SearchDoc } from './search-types.ts';

/** lunr's tokenizer slot, fed by the shared tokenizer; no stemmer, stop words nor trimmer follow. */
export function lunrTokenizer(value?: null | string | object | object[]): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = Array.isArray(value) ? value.map(String).join('\n') : String(value);
  return indexTerms(text).map((term) => new lunr.Token(term, {}));
}

/** A heading match counts for more than a body match. */
export const titleBoost = 4;

export function buildSearchIndex(docs: readonly SearchDoc[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.tokenizer = lunrTokenizer as typeof lunr.tokenizer;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('id');
  builder.field('title', { boost: titleBoost });
  builder.field('text');
  for (const doc of docs) builder.add(doc);
  return builder.build();
}

/** A serialised index (lunr's own JSON), as the prebuilt alternative to building in the browser. */
export function loadSearchIndex(serialised: object): lunr.Index {
  return lunr.Index.load(serialised);
}
