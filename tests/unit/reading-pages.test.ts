import { describe, expect, it } from 'vitest';
import type { Note } from '#reading/annotations/load.ts';
import { loadCorpus } from '#reading/corpus.ts';
import { citedBy, resolveNote, UnresolvedQuoteError } from '#reading/model/citations.ts';
import { locate } from '#reading/model/locate.ts';
import { articleHeading, citationName, targetLabel } from '#reading/model/official.ts';
import { gangyaoTextBlocks, planTerms } from '#reading/model/term-plan.ts';

const corpus = loadCorpus();

const note = (overrides: Partial<Note>): Note => ({
  kind: 'press',
  target: 'art-13',
  title: '发布会谈工程质量责任',
  source: ['发布会稿件（节选）'],
  html: '<p>说明</p>',
  text: '说明',
  turnQuotes: [],
  related: [],
  ...overrides,
});

describe('glossary marks in the 纲要', () => {
  const terms = [{ slug: 'zhiliang-jichu-sheshi', aliases: ['质量基础设施'] }];
  const blocks = [
    { id: 'art-22', partId: 'part-9', paragraphs: [{ id: 'a', text: '优化质量基础设施管理。质量基础设施要高效。' }] },
    { id: 'art-23', partId: 'part-9', paragraphs: [{ id: 'b', text: '加强质量基础设施能力建设。' }] },
    { id: 'art-25', partId: 'part-10', paragraphs: [{ id: 'c', text: '质量基础设施服务效能。' }] },
  ];

  it('marks a term once per part, at its first occurrence, without changing a character', () => {
    const plan = planTerms(blocks, terms);
    const marked = (id: string) => (plan.segments.get(id) ?? []).filter((s) => s.termSlug).length;
    expect([marked('a'), marked('b'), marked('c')]).toEqual([1, 0, 1]);
    for (const block of blocks) {
      const paragraph = block.paragraphs[0]!;
      expect((plan.segments.get(paragraph.id) ?? []).map((s) => s.text).join('')).toBe(paragraph.text);
    }
  });

  it('lists every article a term occurs in for the glossary page, marked or not', () => {
    expect(planTerms(blocks, terms).occurrences.get('zhiliang-jichu-sheshi')).toEqual(['art-22', 'art-23', 'art-25']);
  });

  it('reads the whole 纲要 in source order, 专栏 items with their ——', () => {
    const ids = gangyaoTextBlocks(corpus.gangyao).map((b) => b.id);
    expect(ids.indexOf('col-3')).toBe(ids.indexOf('art-15') + 1);
    expect(ids.filter((id) => id.startsWith('art-'))).toHaveLength(32);
    const column = gangyaoTextBlocks(corpus.gangyao).find((b) => b.id === 'col-1')!;
    expect(column.paragraphs.every((p) => p.text.startsWith('——'))).toBe(true);
  });
});

describe('headings and citation names as printed', () => {
  const article = (id: string) => corpus.gangyao.articles.find((a) => a.id === id)!;

  it('ends run-in headings with 。 and leaves standalone ones as they are', () => {
    expect(articleHeading(article('art-1'))).toBe('（一）指导思想');
    expect(articleHeading(article('art-13'))).toBe('（十三）强化工程质量保障。');
  });

  it('names an article the way a reader quotes it', () => {
    expect(citationName(corpus.gangyao, article('art-13'))).toBe('《质量强国建设纲要》第十三条');
    expect(targetLabel(corpus.gangyao, 'col-3')).toBe('专栏3 建设工程质量管理升级工程');
    expect(targetLabel(corpus.gangyao, 'part-6')).toBe('六、提升建设工程品质');
  });
});

describe('where an id lives on the site', () => {
  it('sends each kind of id to its page', () => {
    expect(locate(corpus, 'art-13')).toBe('/gangyao/#art-13');
    expect(locate(corpus, 'col-3')).toBe('/gangyao/#col-3');
    expect(locate(corpus, 'sec-5')).toBe('/tongzhi/#sec-5');
    expect(locate(corpus, 'turn-4')).toBe('/fabuhui/#turn-4');
    const doc = corpus.related[0]!;
    expect(locate(corpus, 'p-1', doc.slug)).toBe(`/yuedu/${doc.slug}/#p-1`);
  });

  it('finds no page for an id nobody holds', () => {
    expect(locate(corpus, 'art-99')).toBeUndefined();
    expect(locate(corpus, 'p-999', corpus.related[0]!.slug)).toBeUndefined();
  });
});

describe('notes citing the press conference and related documents', () => {
  it('resolves a quote to the turn that holds it and links the turn back to the article', () => {
    const resolved = resolveNote(corpus, note({ turnQuotes: ['全面落实各方主体的工程质量责任'] }));
    expect(resolved.turnIds).toHaveLength(1);
    const turn = corpus.press.turns.find((t) => t.id === resolved.turnIds[0])!;
    expect(turn.paragraphs.map((p) => p.text).join('')).toContain('全面落实各方主体的工程质量责任');
    expect(citedBy([resolved]).get(turn.id)).toEqual(['art-13']);
  });

  it('stops the build with a Chinese message naming the note when a quote points nowhere', () => {
    const broken = note({ turnQuotes: ['这句话从来没有在发布会上说过'] });
    expect(() => resolveNote(corpus, broken)).toThrow(UnresolvedQuoteError);
    expect(() => resolveNote(corpus, broken)).toThrow(/发布会谈工程质量责任.*art-13.*找不到或不唯一/);
  });

  it('refuses a related-document quote that is not in that document', () => {
    const slug = corpus.related[0]!.slug;
    const broken = note({ kind: 'compare', related: [{ slug, quote: '这一句不在吉林省的文件里', relation: 'implements' }] });
    expect(() => resolveNote(corpus, broken)).toThrow(/相关阅读/);
  });
});
