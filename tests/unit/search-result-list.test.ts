import { describe, expect, it } from 'vitest';
import { resultListHtml } from '#islands/search/result-list.ts';
import type { ResultView } from '#shared/search/present.ts';

const result: ResultView = {
  id: 'art-20',
  kind: 'gangyao',
  kindLabel: '纲要原文',
  context: '七、(二十)',
  href: '/gangyao/#art-20',
  title: [{ text: '（二十）加强质量管理', mark: false }],
  snippet: [
    { text: '健全企业', mark: false },
    { text: '首席质量官', mark: true },
    { text: '制度。', mark: false },
  ],
};

describe('the result list as one HTML string', () => {
  it('shows each result as a link with its kind, place, title and marked snippet', () => {
    const html = resultListHtml([result]);
    expect(html).toBe(
      '<li><a href="/gangyao/#art-20" data-kind="gangyao"><span class="result-meta"><span class="result-kind kind-gangyao">纲要原文</span>七、(二十)</span>' +
        '<span class="result-title">（二十）加强质量管理</span><span class="result-snippet">健全企业<mark>首席质量官</mark>制度。</span></a></li>',
    );
  });

  it('escapes every text, so that a title or address can never become markup', () => {
    const html = resultListHtml([
      { ...result, href: '/x/?a=1&b="2"', kindLabel: '<b>', context: 'A&B', title: [{ text: '<img src=x>', mark: true }], snippet: [] },
    ]);
    expect(html).toContain('href="/x/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('&lt;b&gt;</span>A&amp;B</span>');
    expect(html).toContain('<mark>&lt;img src=x&gt;</mark>');
    expect(html).not.toContain('result-snippet');
    expect(html).not.toMatch(/<(b|img)\b/);
  });

  it('is empty for no results', () => {
    expect(resultListHtml([])).toBe('');
  });
});
