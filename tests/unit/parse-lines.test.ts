import { describe, expect, it } from 'vitest';
import { joinBrokenLines, joinIndentedParagraphs, toLines } from '#reading/parse/lines.ts';
import { chineseToNumber, numberToChinese } from '#reading/parse/numerals.ts';
import { correctStrayAnd } from '#reading/parse/errata.ts';

describe('Chinese ordinals', () => {
  it('reads the ordinals used for parts and articles', () => {
    expect(['一', '九', '十', '十一', '二十', '二十二', '三十二'].map(chineseToNumber)).toEqual([1, 9, 10, 11, 20, 22, 32]);
  });

  it('writes them back', () => {
    expect([1, 10, 13, 30, 32].map(numberToChinese)).toEqual(['一', '十', '十三', '三十', '三十二']);
  });

  it('refuses something that is not an ordinal', () => {
    expect(() => chineseToNumber('13')).toThrow();
  });
});

describe('re-joining lines the PDF extraction broke', () => {
  it('joins a sentence cut across a blank line', () => {
    const lines = toLines('提升知识产权公共服务能\n\n力。建立体系。\n\n下一段。');
    expect(joinBrokenLines(lines, () => false).map((p) => p.text)).toEqual(['提升知识产权公共服务能力。建立体系。', '下一段。']);
  });

  it('never joins a heading to its neighbours', () => {
    const lines = toLines('一、形势背景\n\n质量是保障。');
    const isHeading = (text: string) => text.startsWith('一、');
    expect(joinBrokenLines(lines, isHeading).map((p) => p.text)).toEqual(['一、形势背景', '质量是保障。']);
  });

  it('keeps the number of the first source line of each paragraph', () => {
    const lines = toLines('\n第一句没有写\n\n完。');
    expect(joinBrokenLines(lines, () => false)).toEqual([{ line: 2, text: '第一句没有写完。' }]);
  });

  it('starts paragraphs at indents in the provincial documents', () => {
    const lines = toLines('  近日，印发了《实施\n意见》。\n\n  一、制定依据 \n  党中央印发。');
    expect(joinIndentedParagraphs(lines).map((p) => p.text)).toEqual(['近日，印发了《实施意见》。', '一、制定依据', '党中央印发。']);
  });
});

describe('stray English "and"', () => {
  it('is corrected to 和 between Chinese words and reported with its line', () => {
    const { lines, corrections } = correctStrayAnd(toLines('标题\n开展重点行业 and 重点产品资源效率对标'));
    expect(lines[1]?.text).toBe('开展重点行业和重点产品资源效率对标');
    expect(corrections).toEqual([
      { line: 2, original: '重点行业 and 重点产品', corrected: '重点行业和重点产品', context: '重点行业和重点产品' },
    ]);
  });

  it('leaves English that is not between Chinese words alone', () => {
    const { corrections } = correctStrayAnd(toLines('GDP and CPI 指标'));
    expect(corrections).toEqual([]);
  });
});
