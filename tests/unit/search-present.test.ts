import { describe, expect, it } from 'vitest';
import { loadSearchDocs } from '#reading/search/docs.ts';
import { docsMap, search } from '#shared/search/engine.ts';
import { buildSearchIndex } from '#shared/search/index-build.ts';
import { glossaryTermsOf, presentSearch, searchUrl, shownAllResults, shownResults, type SearchRequest } from '#shared/search/present.ts';
import { popularQueries, suggestionsFor } from '#shared/search/suggest.ts';

const docs = loadSearchDocs();
const index = buildSearchIndex(docs);
const byId = docsMap(docs);
const glossary = glossaryTermsOf(docs);
const view = (query: string, request: Omit<SearchRequest, 'query'> = {}) => presentSearch(search(index, byId, query), glossary, request);

describe('presenting search results', () => {
  it('labels each result with its kind in Chinese and links to its anchor', () => {
    const first = view('首席质量官').results.find((r) => r.kind === 'gangyao')!;
    expect(first).toMatchObject({ kindLabel: '纲要原文', href: '/gangyao/#art-20' });
    expect(first.snippet.filter((p) => p.mark).map((p) => p.text)).toContain('首席质量官');
  });

  it('labels each note with its own kind: 对照 and 水利 notes are not called 释义', () => {
    const compare = docs.find((doc) => doc.id.startsWith('note-compare-'))!;
    const water = docs.find((doc) => doc.id.startsWith('note-water-'))!;
    const labelOf = (id: string, title: string) => view(title, { all: true }).results.find((r) => r.id === id)?.kindLabel;
    expect(labelOf(compare.id, compare.title)).toBe('对照');
    expect(labelOf(water.id, water.title)).toBe('水利');
  });

  it('counts results per kind and filters by kind on request', () => {
    const all = view('首席质量官');
    const gangyaoCount = all.counts.find((c) => c.kind === 'gangyao')!.count;
    const onlyGangyao = view('首席质量官', { kind: 'gangyao' });
    expect(onlyGangyao.total).toBe(gangyaoCount);
    expect(onlyGangyao.results.every((r) => r.kind === 'gangyao')).toBe(true);
  });

  it(`shows ${shownResults} results first and ${shownAllResults} on request, and reports how many there are`, () => {
    const many = view('质量');
    expect(many.results).toHaveLength(shownResults);
    expect(many.total).toBeGreaterThan(shownAllResults);
    expect(view('质量', { all: true }).results).toHaveLength(shownAllResults);
  });

  it('writes a shareable address for a request, and none for an empty query', () => {
    expect(searchUrl({ query: ' 94% ', kind: 'gangyao', all: true })).toBe('/search/?q=94%25&kind=gangyao&all=1');
    expect(searchUrl({ query: '  ' })).toBe('/search/');
  });

  it('offers suggestions only when nothing was found', () => {
    expect(view('元宇宙').suggestions.length).toBeGreaterThan(0);
    expect(view('首席质量官').suggestions).toEqual([]);
  });

  it('suggests glossary terms that share a word with the query before the popular queries', () => {
    expect(suggestionsFor('质量区块链', ['首席质量官', '计量'])[0]).toBe('首席质量官');
    expect(suggestionsFor('足球', ['计量'])).toEqual([...popularQueries]);
  });

  it('suggests only queries that themselves find something', () => {
    for (const suggestion of [...popularQueries, ...suggestionsFor('区块链', glossary), ...suggestionsFor('质量足球', glossary)]) {
      expect(search(index, byId, suggestion).mode, suggestion).toBe('all');
    }
  });
});
