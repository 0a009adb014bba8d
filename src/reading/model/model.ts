/**
 * Everything the reading pages derive from the parsed documents and the annotations, computed
 * once per build.
 */
import { loadNotes, loadTerms, type Term } from '#reading/annotations/load.ts';
import { loadCorpus } from '#reading/corpus.ts';
import type { Corpus } from '#reading/types.ts';
import { citedBy, resolveNote, type ResolvedNote } from './citations.ts';
import { gangyaoTextBlocks, planTerms, type TermPlan } from './term-plan.ts';

export interface ReadingModel {
  corpus: Corpus;
  terms: Term[];
  termPlan: TermPlan;
  /** Notes of each part, article or 专栏 id, in kind order. */
  notesByTarget: Map<string, ResolvedNote[]>;
  /** Article, part or 专栏 ids citing a press turn (`turn-4`) or a related paragraph (`slug#p-3`), in reading order. */
  citedBy: Map<string, string[]>;
  /** Position of each part, article and 专栏 id in the 纲要, for sorting links. */
  order: Map<string, number>;
}

let memo: ReadingModel | undefined;

export function readingModel(): ReadingModel {
  if (memo) return memo;
  const corpus = loadCorpus();
  const terms = loadTerms();
  const blocks = gangyaoTextBlocks(corpus.gangyao);
  const order = new Map(blocks.map((block, index) => [block.id, index]));
  const resolved = loadNotes().map((note) => resolveNote(corpus, note));
  const notesByTarget = new Map<string, ResolvedNote[]>();
  for (const item of resolved) notesByTarget.set(item.note.target, [...(notesByTarget.get(item.note.target) ?? []), item]);
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const cited = citedBy(resolved);
  for (const targets of cited.values()) targets.sort((a, b) => rank(a) - rank(b));
  memo = { corpus, terms, termPlan: planTerms(blocks, terms), notesByTarget, citedBy: cited, order };
  return memo;
}
