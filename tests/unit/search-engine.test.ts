import { describe, expect, it } from 'vitest';
import { docsMap, maxQueryLength, search } from '#shared/search/engine.ts';
import { buildSearchIndex, createIndexBuilder, loadSearchIndex } from '#shared/search/index-build.ts';
import type { SearchDoc } from '#shared/search/types.ts';

const doc = (id: string, kind: SearchDoc['kind'], title: string, text: string): SearchDoc => ({
  id,
  kind,
  title,
  context: '',
  href: `/x/#${id}`,
  text,
});

const docs: SearchDoc[] = [
  doc('art-20', 'gangyao', '（二十）提升全面质量管理水平', '加强全员质量教育培训，健全企业首席质量官制度，重视质量经理队伍建设。'),
  doc('art-27', 'gangyao', '（二十七）优化质量监管效能', '健全以“双随机、一公开”监管和“互联网+监管”为基本手段的新型监管机制。'),
  doc('art-4', 'gangyao', '（四）树立质量发展绿色导向', '加快低碳零碳负碳关键核心技术攻关。建立健全碳达峰、碳中和标准计量体系。'),
  doc('note-shiyi-art-20', 'note', '全面质量管理怎么抓', '首席质量官制度要求企业由高层管理人员统筹质量。'),
  { ...doc('term-shouxi', 'term', '首席质量官', '企业中统筹负责质量管理的岗位。'), aliases: ['首席质量官'] },
  doc('related-1', 'related', '一、总体要求', '在大型企业探索建立首席质量官制度。'),
];
const index = buildSearchIndex(docs);
const byId = docsMap(docs);
const ids = (query: string) => search(index, byId, query).hits.map((h) => h.doc.id);

describe('the search engine', () => {
  it('returns only sections that hold every term of the query', () => {
    expect(ids('首席质量官').sort()).toEqual(['art-20', 'note-shiyi-art-20', 'related-1', 'term-shouxi'].sort());
    expect(ids('质量官 企业 培训')).toEqual(['art-20']);
  });

  it('labels sections that lack one of the words as partial matches, never as full ones', () => {
    const outcome = search(index, byId, '质量官 监管');
    expect(outcome.mode).toBe('partial');
    expect(outcome.hits.every((hit) => hit.coverage < 1)).toBe(true);
  });

  it('ranks the glossary entry of that name first, then the 纲要, then notes and related reading', () => {
    const ranked = ids('首席质量官');
    expect(ranked[0]).toBe('term-shouxi');
    expect(ranked[1]).toBe('art-20');
    expect(ranked.indexOf('related-1')).toBeGreaterThan(ranked.indexOf('art-20'));
  });

  it('matches a glossary entry by any of its printed names', () => {
    const withAlias = [...docs, { ...doc('term-srs', 'term', '双随机、一公开', '抽查方式。'), aliases: ['“双随机、一公开”'] }];
    const hits = search(buildSearchIndex(withAlias), docsMap(withAlias), '双随机一公开').hits;
    expect(hits[0]!.doc.id).toBe('term-srs');
    expect(hits[0]!.standing).toBe(4);
  });

  it('finds 双随机、一公开 without the punctuation and 互联网+监管 without the plus', () => {
    expect(ids('双随机一公开')).toEqual(['art-27']);
    expect(ids('互联网监管')).toEqual(['art-27']);
  });

  it('answers a one-character query, also where the character ends a run', () => {
    expect(ids('碳')).toEqual(['art-4']);
    expect(ids('负碳')).toEqual(['art-4']);
  });

  it('falls back to sections holding most of the query when none holds all of it', () => {
    const outcome = search(index, byId, '首席质量官制度建设方案');
    expect(outcome.mode).toBe('partial');
    expect(outcome.hits[0]!.coverage).toBeLessThan(1);
    expect(outcome.hits[0]!.coverage).toBeGreaterThanOrEqual(2 / 3);
  });

  it('shows nothing rather than noise when too little of the query is in the texts', () => {
    expect(search(index, byId, '质量足球')).toMatchObject({ mode: 'none', hits: [] });
    expect(search(index, byId, '区块链')).toMatchObject({ mode: 'none', hits: [] });
  });

  it('treats an empty or punctuation-only query as no query', () => {
    expect(search(index, byId, '   ')).toMatchObject({ mode: 'blank', hits: [] });
    expect(search(index, byId, '，。？')).toMatchObject({ mode: 'blank', hits: [] });
  });

  it('does not choke on lunr query syntax typed by a reader', () => {
    for (const query of ['质量:管理', '+质量 -管理', '质量~2', '质量^10', '*质量*']) {
      expect(() => search(index, byId, query)).not.toThrow();
    }
  });

  it('cuts an over-long query instead of refusing it', () => {
    const outcome = search(index, byId, '首席质量官' + '啊'.repeat(500));
    expect(outcome.query.length).toBe(maxQueryLength);
  });

  it('builds the same index, byte for byte, whether documents arrive one by one or all at once', () => {
    const builder = createIndexBuilder();
    for (const doc of [...docs].reverse()) builder.add(doc);
    const serialised = JSON.stringify(index);
    expect(JSON.stringify(buildSearchIndex(docs))).toBe(serialised);
    expect(JSON.stringify(loadSearchIndex(JSON.parse(serialised) as object))).toBe(serialised);
    expect(search(builder.finish(), byId, '工程质量终身责任').hits.map((h) => [h.doc.id, h.score])).toEqual(
      search(index, byId, '工程质量终身责任').hits.map((h) => [h.doc.id, h.score]),
    );
  });

  it('gives the same answers from an index serialised and loaded again', () => {
    const loaded = loadSearchIndex(JSON.parse(JSON.stringify(index)) as object);
    expect(search(loaded, byId, '首席质量官').hits.map((h) => h.doc.id)).toEqual(ids('首席质量官'));
  });
});
