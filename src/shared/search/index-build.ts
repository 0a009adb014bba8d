/**
 * The lunr index over search documents, built with the shared tokenizer through lunr's own Builder.
 * The same function runs in Node (server-rendered results, tests, benchmarks) and in the browser
 * (search as you type), where documents are added while the rest of the texts are still arriving.
 */
import lunr from 'lunr';
import { indexTerms } from './tokenizer.ts';
import type { SearchDoc } from './types.ts';

/** lunr's tokenizer slot fed by the shared tokenizer: the character pairs and words of a field. */
function sharedTokenizer(value?: null | string | object | object[]): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = Array.isArray(value) ? value.map(String).join('\n') : String(value);
  return indexTerms(text).map((term) => new lunr.Token(term, {}));
}
const tokenizer: typeof lunr.tokenizer = Object.assign(sharedTokenizer, { separator: lunr.tokenizer.separator });

/** A heading match counts for more than a body match. */
export const titleBoost = 4;

export interface IndexBuilder {
  /** Adds one document; the browser calls this while the rest of the texts are still arriving. */
  add(doc: SearchDoc): void;
  /** Computes the BM25 vectors, which need every document, and returns the index. */
  finish(): lunr.Index;
}

export function createIndexBuilder(): IndexBuilder {
  const builder = new lunr.Builder();
  builder.tokenizer = tokenizer;
  // The shared tokenizer already folds width and case; lunr's English stemmer and stop words would
  // only damage Chinese terms, in the index and in queries alike.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('id');
  builder.field('title', { boost: titleBoost });
  builder.field('text');
  return { add: (doc) => builder.add(doc), finish: () => builder.build() };
}

export function buildSearchIndex(docs: readonly SearchDoc[]): lunr.Index {
  const builder = createIndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}

/** A serialised index (lunr's own JSON), as the prebuilt alternative to building in the browser. */
export function loadSearchIndex(serialised: object): lunr.Index {
  return lunr.Index.load(serialised);
}
