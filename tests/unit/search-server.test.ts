import { describe, expect, it } from 'vitest';
import { readRequest, serverSearch } from '#server/search/server-search.ts';

const url = (query: string) => new URL(`http://localhost/search/${query}`);

describe('the server side of the search page', () => {
  it('reads the query, the kind and the longer list from the address', () => {
    expect(readRequest(url('?q=%E9%A6%96%E5%B8%AD%E8%B4%A8%E9%87%8F%E5%AE%98&kind=gangyao&all=1'))).toEqual({
      query: '首席质量官',
      kind: 'gangyao',
      all: true,
    });
  });

  it('ignores a kind it does not know and any value of all but 1, instead of failing', () => {
    expect(readRequest(url('?q=x&kind=admin&all=yes'))).toEqual({ query: 'x', kind: undefined, all: false });
    expect(readRequest(url(''))).toEqual({ query: '', kind: undefined, all: false });
  });

  it('answers markup typed as a query as plain words, finding nothing and offering suggestions', () => {
    const view = serverSearch({ query: '<script>alert(1)</script>' });
    expect(view.mode).toBe('none');
    expect(view.suggestions.length).toBeGreaterThan(0);
  });

  it('answers a filtered request with that kind only', () => {
    const view = serverSearch({ query: '首席质量官', kind: 'note' });
    expect(view.results.length).toBeGreaterThan(0);
    expect(view.results.every((r) => r.kind === 'note')).toBe(true);
  });
});
