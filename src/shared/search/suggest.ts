/**
 * What to offer when a query finds nothing: glossary terms that share a word with the query, then
 * queries readers often need. Every offer is itself a query with results.
 */
import { queryTerms } from './tokenizer.ts';

/** Queries that always have answers in the 纲要; shown when nothing closer fits. */
export const popularQueries = ['首席质量官', '质量基础设施', '双随机一公开', '工程质量终身责任', '中国品牌日', '计量'] as const;

export function suggestionsFor(query: string, glossaryTerms: readonly string[], count = 6): string[] {
  const wanted = new Set(queryTerms(query).map((t) => t.term));
  const chars = new Set(Array.from(query));
  const sharesBigram = (term: string): boolean => queryTerms(term).some((t) => wanted.has(t.term));
  const sharesChar = (term: string): boolean => Array.from(term).some((c) => chars.has(c));
  const ordered = [...glossaryTerms.filter(sharesBigram), ...glossaryTerms.filter(sharesChar), ...popularQueries];
  return [...new Set(ordered)].filter((s) => s !== query.trim()).slice(0, count);
}
