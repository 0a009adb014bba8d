import { describe, expect, it } from 'vitest';
import { loadTerms } from '#reading/annotations/load.ts';
import { loadCorpus } from '#reading/corpus.ts';
import { markTerms, resolveQuote, type Segment } from '#reading/annotations/term-marking.ts';

const joined = (segments: Segment[]) => segments.map((segment) => segment.text).join('');
const marked = (segments: Segment[]) =>
  segments.filter((segment) => segment.termSlug !== undefined).map((segment) => [segment.text, segment.termSlug]);

describe('markTerms', () => {
  const terms = loadTerms();
  const { gangyao, press } = loadCorpus();
  const officialParagraphs = [
    ...gangyao.preamble,
    ...gangyao.parts.flatMap((part) => part.paragraphs),
    ...gangyao.articles.flatMap((article) => article.paragraphs),
    ...gangyao.columns.flatMap((column) => column.items.map((item) => ({ id: item.id, text: item.text }))),
    ...press.turns.flatMap((turn) => turn.paragraphs),
  ];

  it('gives back every official paragraph character for character', () => {
    expect(officialParagraphs.length).toBeGreaterThan(60);
    for (const paragraph of officialParagraphs) expect(joined(markTerms(paragraph.text, terms)), paragraph.id).toBe(paragraph.text);
  });

  it('marks “双随机、一公开” with its quotation marks in article 27', () => {
    const article27 = gangyao.articles.find((article) => article.id === 'art-27');
    const segments = markTerms(article27?.paragraphs.map((p) => p.text).join('') ?? '', terms);
    expect(marked(segments)).toContainEqual(['“双随机、一公开”', 'shuang-suiji-yi-gongkai']);
    expect(marked(segments)).toContainEqual(['“互联网+监管”', 'hulianwang-jianguan']);
    expect(marked(segments)).toContainEqual(['“沙盒监管”', 'shahe-jianguan']);
  });

  it('marks every glossary term somewhere in the 纲要 or the press excerpt', () => {
    const found = new Set(
      officialParagraphs.flatMap((paragraph) => markTerms(paragraph.text, terms).flatMap((segment) => segment.termSlug ?? [])),
    );
    for (const term of terms) expect(found.has(term.slug), term.slug).toBe(true);
  });

  it('lets the longest alias win, so a term inside a longer one is not split off', () => {
    const segments = markTerms('加强全面质量管理和质量管理体系认证', [
      { slug: 'short', aliases: ['质量管理'] },
      { slug: 'long', aliases: ['全面质量管理'] },
    ]);
    expect(segments).toEqual([
      { text: '加强' },
      { text: '全面质量管理', termSlug: 'long' },
      { text: '和' },
      { text: '质量管理', termSlug: 'short' },
      { text: '体系认证' },
    ]);
  });

  it('never lets two marks overlap', () => {
    const segments = markTerms('质量基础设施集成服务', [
      { slug: 'a', aliases: ['质量基础设施'] },
      { slug: 'b', aliases: ['基础设施集成'] },
    ]);
    expect(joined(segments)).toBe('质量基础设施集成服务');
    expect(marked(segments)).toEqual([['质量基础设施', 'a']]);
  });

  it('marks every occurrence, including at the very start and end', () => {
    const segments = markTerms('计量、标准和计量', [{ slug: 'jiliang', aliases: ['计量'] }]);
    expect(segments).toEqual([{ text: '计量', termSlug: 'jiliang' }, { text: '、标准和' }, { text: '计量', termSlug: 'jiliang' }]);
  });

  it('leaves text without terms as one plain segment and empty text as none', () => {
    expect(markTerms('谢谢。', terms)).toEqual([{ text: '谢谢。' }]);
    expect(markTerms('', terms)).toEqual([]);
  });
});

describe('resolveQuote', () => {
  const paragraphs = [
    { id: 'p-1', text: '  党中央、国务院联合印发《质量强国建设纲要》（以下简称“纲要”），\n\n对 2022 至 2035 年质量强国工作做出全面部署。' },
    { id: 'p-2', text: '　　坚持以质量第一、效益优先为价值导向。' },
    { id: 'p-3', text: '坚持以质量第一、效益优先为价值导向，另一处重复。' },
  ];

  it('finds a quote across the line breaks and spaces of a PDF extraction', () => {
    expect(resolveQuote('简称“纲要”），对2022至2035年质量强国工作', paragraphs)).toBe('p-1');
  });

  it('ignores full-width spaces on either side', () => {
    expect(resolveQuote('质量强国建设纲要　》', [{ id: 'x', text: '《质量强国建设纲要》' }])).toBe('x');
  });

  it('refuses a quote found in two paragraphs', () => {
    expect(resolveQuote('效益优先为价值导向', paragraphs)).toBeUndefined();
  });

  it('refuses a quote found nowhere and an empty quote', () => {
    expect(resolveQuote('质量发展纲要（2011-2020年）', paragraphs)).toBeUndefined();
    expect(resolveQuote(' \n ', paragraphs)).toBeUndefined();
  });
});
