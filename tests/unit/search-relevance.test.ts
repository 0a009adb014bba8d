import { describe, expect, it } from 'vitest';
import { loadSearchDocs } from '#reading/search/docs.ts';
import { docsMap, search } from '#shared/search/engine.ts';
import { buildSearchIndex, buildWithLunrBuilder } from '#shared/search/index-build.ts';
import { scoreRanking } from '../fixtures/search-metrics.ts';
import { relevanceCases } from '../fixtures/search-queries.ts';

const docs = loadSearchDocs();
const index = buildSearchIndex(docs);
const byId = docsMap(docs);
const rank = (query: string) => search(index, byId, query).hits.map((hit) => hit.doc.id);

describe("search relevance on the site's own texts", () => {
  it('has a relevance set of at least 40 realistic queries, some of them without an answer', () => {
    expect(relevanceCases.length).toBeGreaterThanOrEqual(40);
    expect(relevanceCases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('names only sections that exist, so a renamed id cannot pass unnoticed', () => {
    const missing = relevanceCases.flatMap((c) => c.expect).filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it('finds at least 98% of the expected sections in the first five results', () => {
    const report = scoreRanking(relevanceCases, rank);
    const misses = report.outcomes
      .filter((o) => o.recall < 1)
      .map((o) => `${o.query}: expected ${o.expect.join(', ')}, got ${o.top.join(', ')}`);
    expect(report.recallAt5, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('puts the best answer first for most queries (MRR of at least 0.9)', () => {
    expect(scoreRanking(relevanceCases, rank).mrr).toBeGreaterThanOrEqual(0.9);
  });

  it('returns nothing at all for queries the texts do not answer', () => {
    for (const c of relevanceCases.filter((x) => x.expect.length === 0)) {
      expect(search(index, byId, c.query), c.query).toMatchObject({ mode: 'none', hits: [] });
    }
  });

  it('answers every query exactly as an index built through lunr.Builder would', () => {
    const reference = buildWithLunrBuilder(docs);
    for (const { query } of relevanceCases) {
      const ours = search(index, byId, query).hits.map((h) => [h.doc.id, h.score]);
      expect(ours, query).toEqual(search(reference, byId, query).hits.map((h) => [h.doc.id, h.score]));
    }
    expect(JSON.stringify(index)).toBe(JSON.stringify(reference));
  });

  it.each(relevanceCases.filter((c) => c.kind === 'line-break').map((c) => [c.query, c.expect[0]!]))(
    'finds %s although the source PDF breaks it across lines',
    (query, id) => {
      expect(rank(query)[0]).toBe(id);
    },
  );
});
