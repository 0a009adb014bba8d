import { describe, expect, it } from 'vitest';
import { highlight, partsToHtml, type SnippetPart } from '#shared/search/snippet.ts';

const shown = (parts: SnippetPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
const marks = (parts: SnippetPart[]) => parts.filter((p) => p.mark).map((p) => p.text);

const article20 =
  '鼓励企业制定实施以质取胜生产经营战略，创新质量管理理念、方法、工具，推动全员、全要素、全过程、全数据的新型质量管理体系应用，加快质量管理成熟度跃升。强化新一代信息技术应用和企业质量保证能力建设，构建数字化、智能化质量管控模式。引导企业开展质量管理数字化升级、质量标杆经验交流、质量管理体系认证、质量标准制定等，加强全员质量教育培训，健全企业首席质量官制度，重视质量经理、质量工程师、质量技术能手队伍建设。';

describe('search snippets', () => {
  it('marks the query where it occurs and shows the text as issued around it', () => {
    expect(shown(highlight('健全企业首席质量官制度。', '首席质量官'))).toBe('健全企业[首席质量官]制度。');
  });

  it('marks the printed form, punctuation included, when the query leaves the punctuation out', () => {
    expect(marks(highlight('健全以“双随机、一公开”监管', '双随机一公开'))).toEqual(['双随机、一公开']);
  });

  it('marks full-width text found by a half-width query', () => {
    expect(marks(highlight('单位ＧＤＰ资源能源消耗', 'gdp'))).toEqual(['ＧＤＰ']);
  });

  it('marks a number only where it stands alone, not inside a longer number', () => {
    expect(shown(highlight('指数达到 86，1986 年', '86'))).toBe('指数达到 [86]，1986 年');
  });

  it('marks the bigrams of a phrase that is not contiguous in this section', () => {
    expect(marks(highlight('工程质量终身责任', '质量终身'))).toEqual(['质量终身']);
    expect(marks(highlight('加强质量监管，实施终身责任', '质量终身'))).toEqual(['质量', '终身']);
  });

  it('marks only whole phrases when asked to, as headings are', () => {
    expect(marks(highlight('（二十）提升全面质量管理水平', '首席质量官', { bigrams: false }))).toEqual([]);
  });

  it('cuts a long text to a window around the match, with … where it was cut', () => {
    const parts = highlight(article20, '首席质量官', { maxLength: 60 });
    const text = shown(parts);
    expect(text).toContain('[首席质量官]');
    expect(text.startsWith('…')).toBe(true);
    expect(text.replace(/[…[\]]/g, '').length).toBeLessThanOrEqual(60);
  });

  it('starts the window at a clause boundary shortly before the match', () => {
    const text = shown(highlight(article20 + article20.slice(0, 80), '首席质量官', { maxLength: 60 }));
    expect(text).toMatch(/^…健全企业\[首席质量官\]制度/);
  });

  it('never cuts a mark in half at the end of the window', () => {
    const text = '甲'.repeat(58) + '首席质量官' + '乙'.repeat(40);
    const parts = highlight(text, '首席质量官', { maxLength: 60 });
    expect(marks(parts)).toEqual(['首席质量官']);
  });

  it('shows the beginning of the text when nothing in it matches', () => {
    expect(shown(highlight(article20, '区块链', { maxLength: 20 }))).toBe(`${article20.slice(0, 20)}…`);
  });

  it('starts a cut snippet at the beginning of a word, not inside an English name', () => {
    const text = `首席质量官 Chief Quality Officer 统筹质量战略，${'并'.repeat(60)}`;
    const snippet = shown(highlight(text, '统筹质量战略', { maxLength: 40 }));
    expect(snippet).toMatch(/^…Quality Officer \[统筹质量战略\]/);
  });

  it('starts a cut snippet after a clause break rather than inside a clause', () => {
    const text = `${'前文'.repeat(30)}。加强全员质量教育培训，健全企业首席质量官制度。`;
    expect(shown(highlight(text, '首席质量官', { maxLength: 30 }))).toBe('…健全企业[首席质量官]制度。');
  });

  it('returns the whole short text unmarked for an empty query', () => {
    expect(highlight('质量强国', '')).toEqual([{ text: '质量强国', mark: false }]);
  });

  it('renders parts as HTML with every character of the text escaped and only the matches marked', () => {
    expect(
      partsToHtml([
        { text: '<script>"a"&', mark: false },
        { text: '质量<b>', mark: true },
      ]),
    ).toBe('&lt;script&gt;&quot;a&quot;&amp;<mark>质量&lt;b&gt;</mark>');
  });
});
