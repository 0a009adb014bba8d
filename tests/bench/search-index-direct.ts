/**
 * The search index as the first release assembled it: lunr's postings, BM25 vectors and term trie
 * written directly, without a lunr.Token per term and without minimising the term set. Kept here
 * only as the benchmark's baseline; the site builds through lunr's public Builder
 * (src/shared/search/index-build.ts), and search-index-build.ts measures both in the same run and
 * checks that they serialise to the same bytes.
 */
import lunr from 'lunr';
import { indexTerms } from '#shared/search/tokenizer.ts';
import type { SearchDoc } from '#shared/search/types.ts';

/** A heading match counts for more than a body match. */
const titleBoost = 4;
const fields = [
  { name: 'title', boost: titleBoost, read: (doc: SearchDoc) => doc.title },
  { name: 'text', boost: 1, read: (doc: SearchDoc) => doc.text },
] as const;
// lunr's BM25 defaults.
const k1 = 1.2;
const b = 0.75;

type Posting = { _index: number } & Record<string, Record<string, object>>;

interface FieldTerms {
  field: (typeof fields)[number];
  ref: string;
  frequencies: Map<string, number>;
  length: number;
}

interface TrieNode {
  final: boolean;
  edges: Record<string, TrieNode>;
}

/**
 * Adds a term to the set of index terms as lunr's query expansion walks it: a plain trie.
 * lunr.TokenSet.fromArray would also minimise it, which costs more than everything else together
 * and changes no answer. Edges are UTF-16 code units, as in lunr.TokenSet.fromString.
 */
function insertTerm(root: TrieNode, term: string): void {
  let node = root;
  for (let i = 0; i < term.length; i++) {
    const unit = term.charAt(i);
    node = node.edges[unit] ??= new lunr.TokenSet() as unknown as TrieNode;
  }
  node.final = true;
}

/** Position metadata is not kept, so every posting shares one empty, frozen metadata object. */
const noMetadata = Object.freeze(Object.create(null) as object);

interface IndexBuilder {
  /** Adds one document; the browser calls this while the rest of the texts are still arriving. */
  add(doc: SearchDoc): void;
  /** Computes the BM25 vectors, which need every document, and returns the index. */
  finish(): lunr.Index;
}

function createIndexBuilder(): IndexBuilder {
  const invertedIndex: Record<string, Posting> = Object.create(null);
  const postings = new Map<string, Posting>();
  /** Per term index: how many (document, field) pairs hold it, which is what lunr's idf counts. */
  const holders: number[] = [];
  const perField: FieldTerms[] = [];
  const totalLength: Record<string, number> = { title: 0, text: 0 };
  const trie = new lunr.TokenSet() as unknown as TrieNode;
  let documentCount = 0;

  function add(doc: SearchDoc): void {
    documentCount += 1;
    for (const field of fields) {
      const terms = indexTerms(field.read(doc));
      const frequencies = new Map<string, number>();
      for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      for (const term of frequencies.keys()) {
        let posting = postings.get(term);
        if (!posting) {
          posting = { _index: holders.length, title: Object.create(null), text: Object.create(null) } as unknown as Posting;
          postings.set(term, posting);
          invertedIndex[term] = posting;
          holders.push(0);
          insertTerm(trie, term);
        }
        posting[field.name]![doc.id] = noMetadata;
        holders[posting._index]! += 1;
      }
      perField.push({ field, ref: doc.id, frequencies, length: terms.length });
      totalLength[field.name]! += terms.length;
    }
  }

  function finish(): lunr.Index {
    const idf = holders.map((withTerm) => Math.log(1 + Math.abs((documentCount - withTerm + 0.5) / (withTerm + 0.5))));
    const fieldVectors: Record<string, lunr.Vector> = Object.create(null);
    for (const { field, ref, frequencies, length } of perField) {
      const norm = k1 * (1 - b + b * (length / (totalLength[field.name]! / documentCount)));
      // Sort (term index, position) pairs packed into one number: no tuple per term.
      const keys = new Float64Array(frequencies.size);
      const scores = new Float64Array(frequencies.size);
      let at = 0;
      for (const [term, tf] of frequencies) {
        const index = postings.get(term)!._index;
        const score = ((idf[index]! * ((k1 + 1) * tf)) / (norm + tf)) * field.boost;
        keys[at] = index * 0x100000 + at;
        scores[at] = Math.round(score * 1000) / 1000;
        at += 1;
      }
      keys.sort();
      const elements = new Array<number>(keys.length * 2);
      for (let i = 0; i < keys.length; i++) {
        const position = keys[i]! % 0x100000;
        elements[2 * i] = (keys[i]! - position) / 0x100000;
        elements[2 * i + 1] = scores[position]!;
      }
      fieldVectors[`${field.name}/${ref}`] = new lunr.Vector(elements);
    }
    // lunr's typings omit the constructor attributes that lunr.Builder#build passes.
    return new lunr.Index({
      invertedIndex: invertedIndex as never,
      fieldVectors,
      tokenSet: trie as unknown as lunr.TokenSet,
      fields: fields.map((f) => f.name),
      pipeline: new lunr.Pipeline(),
    } as never);
  }

  return { add, finish };
}

/** Every document at once, as the benchmark times it. */
export function buildDirectIndex(docs: readonly SearchDoc[]): lunr.Index {
  const builder = createIndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}
