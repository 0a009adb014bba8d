import { describe, expect, it } from 'vitest';
import { loadSearchDocs } from '#reading/search/docs.ts';
import { docsMap, search } from '#shared/search/engine.ts';
import { buildSearchIndex } from '#shared/search/index-build.ts';
import { scoreRanking } from '../fixtures/search-metrics.ts';
import { relevanceCases } from '../fixtures/search-queries.ts';
import { heldOutReaderCases, readerCases, tunedReaderCases } from '../fixtures/search-queries-readers.ts';

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

  it('has at least 40 queries typed the way readers type, a third of them held out from tuning', () => {
    expect(readerCases.length).toBeGreaterThanOrEqual(40);
    expect(heldOutReaderCases.length).toBe(Math.ceil(readerCases.length / 3));
    const missing = readerCases.flatMap((c) => c.expect).filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it('finds most expected sections for the queries as readers type them', () => {
    // Floors well under what the bench reports, so that a ranking change that loses readers fails.
    expect(scoreRanking(tunedReaderCases, rank).recallAt5).toBeGreaterThanOrEqual(0.8);
    expect(scoreRanking(heldOutReaderCases, rank).recallAt5).toBeGreaterThanOrEqual(0.7);
  });

  it.each([
    ['工程质量终身责任制度', 'art-13'],
    ['中国品牌日活动', 'art-21'],
    ['质量月活动', 'art-28'],
    ['工程终身责任', 'art-13'],
  ])('shows the 纲要 section that holds %s but for one word, before any note', (query, id) => {
    const ids = rank(query);
    expect(ids).toContain(id);
    const firstNote = ids.findIndex((found) => found.startsWith('note-'));
    expect(firstNote < 0 || ids.indexOf(id) < firstNote).toBe(true);
  });

  it('lists a 纲要 article before the notes on that article', () => {
    for (const { query } of [...relevanceCases, ...readerCases]) {
      const ids = rank(query);
      for (const [at, id] of ids.entries()) {
        const section = /^note-[a-z]+-(.+)$/.exec(id)?.[1];
        if (section && ids.includes(section)) expect(ids.indexOf(section), `${query}: ${section} after ${id}`).toBeLessThan(at);
      }
    }
  });

  it('answers a question by what it asks: 什么是沙盒监管 finds the glossary entry and the article', () => {
    expect(rank('什么是沙盒监管').slice(0, 2)).toEqual(['term-shahe-jianguan', 'art-27']);
  });

  it.each(relevanceCases.filter((c) => c.kind === 'line-break').map((c) => [c.query, c.expect[0]!]))(
    'finds %s although the source PDF breaks it across lines',
    (query, id) => {
      expect(rank(query)[0]).toBe(id);
    },
  );
});
