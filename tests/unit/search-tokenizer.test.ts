import { describe, expect, it } from 'vitest';
import { compactForMatch, indexTerms, queryPhrases, queryTerms, splitRuns } from '#shared/search/tokenizer.ts';

const terms = (query: string) => queryTerms(query).map((t) => (t.prefix ? `${t.term}*` : t.term));

describe('the search tokenizer', () => {
  it('cuts Chinese into overlapping bigrams and indexes the last character of each run alone', () => {
    expect(indexTerms('质量强国')).toEqual(['质量', '量强', '强国', '国']);
  });

  it('keeps ASCII words and numbers whole, lowercased', () => {
    expect(indexTerms('单位 GDP 资源')).toEqual(['单位', '位', 'gdp', '资源', '源']);
    expect(indexTerms('为 C919 大型客机')).toContain('c919');
    expect(indexTerms('到 2035 年')).toContain('2035');
  });

  it('keeps a percentage as one token and also indexes its number', () => {
    expect(indexTerms('合格率达到 94%，')).toEqual(expect.arrayContaining(['94%', '94']));
    expect(terms('94%')).toEqual(['94%']);
  });

  it('keeps decimals together but does not join a number to a sentence-final full stop', () => {
    expect(indexTerms('增长 2.5 倍')).toContain('2.5');
    expect(indexTerms('version 2.')).toEqual(['version', '2']);
  });

  it('folds full-width letters, digits and signs to half-width', () => {
    expect(indexTerms('ＧＤＰ ９４％')).toEqual(indexTerms('GDP 94%'));
    expect(terms('Ｃ９１９')).toEqual(['c919']);
  });

  it('bridges 、 · quotes and brackets so that 双随机一公开 meets 双随机、一公开', () => {
    const written = indexTerms('以“双随机、一公开”监管');
    for (const term of terms('双随机一公开')) expect(written).toContain(term);
  });

  it('bridges line breaks and spaces that PDF extraction leaves inside words', () => {
    const written = indexTerms('提升知识产权公共服务能\n力。');
    for (const term of terms('知识产权公共服务能力')) expect(written).toContain(term);
  });

  it("treats a space in a query as the reader's word separator, not as a bridge", () => {
    expect(terms('工程质量 终身责任')).toEqual(['工程', '程质', '质量', '终身', '身责', '责任']);
  });

  it('breaks runs at sentence punctuation, so unrelated clauses do not form bigrams', () => {
    expect(indexTerms('质量。强国')).not.toContain('量强');
    expect(indexTerms('质量，强国')).not.toContain('量强');
  });

  it('asks for a lone Chinese character as a prefix, which the run-end unigrams make complete', () => {
    expect(terms('碳')).toEqual(['碳*']);
    // 碳 ends 负碳: the unigram is what a prefix search for 碳 finds there.
    expect(indexTerms('零碳负碳')).toEqual(['零碳', '碳负', '负碳', '碳']);
  });

  it('asks for each distinct term once, however often the query repeats it', () => {
    expect(terms('质量质量')).toEqual(['质量', '量质']);
  });

  it('gives no terms for a query of punctuation or spaces only', () => {
    expect(queryTerms('  ，。！ ')).toEqual([]);
    expect(queryTerms('')).toEqual([]);
  });

  it('splits a query into the contiguous phrases a result should show marked', () => {
    expect(queryPhrases('工程质量 终身责任')).toEqual(['工程质量', '终身责任']);
    expect(queryPhrases('“双随机、一公开”')).toEqual(['双随机一公开']);
  });

  it('compacts text for phrase tests the same way it compacts queries', () => {
    expect(compactForMatch('以“双随机、一公开”监管')).toContain(queryPhrases('双随机 一公开').join(''));
  });

  it('never depends on Intl.Segmenter: words the Firefox segmenter drops are still tokens', () => {
    for (const word of ['品牌', '计量', '质量']) expect(indexTerms(`加强${word}工作`)).toContain(word);
  });

  it('labels runs by kind', () => {
    expect(splitRuns('单位gdp资源')).toEqual([
      { kind: 'han', text: '单位' },
      { kind: 'word', text: 'gdp' },
      { kind: 'han', text: '资源' },
    ]);
  });
});
