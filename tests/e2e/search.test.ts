import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchData } from '#shared/search/types.ts';
import { desktop, phone } from '../support/browser.ts';
import { useLiveSite } from '../support/live-site.ts';

const kinds = ['gangyao', 'note', 'term', 'press', 'notice', 'related'];
const live = useLiveSite();

const settled = (query: string) => `[data-search-results][aria-busy="false"][data-query="${query}"]`;

/** Types into the search page's box as a reader does and waits for that query's results. */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.click('#search-q');
  await page.keyboard.insertText(query);
  await page.waitForSelector(settled(query));
}

async function resultLinks(page: Page): Promise<{ kind: string | null; href: string | null }[]> {
  return page.$$eval('[data-search-results] a[data-kind]', (links) =>
    links.map((a) => ({ kind: a.getAttribute('data-kind'), href: a.getAttribute('href') })),
  );
}

describe('search in a real browser', () => {
  it('takes a query from the header box of a reading page to the search page', async () => {
    const page = await live.browser.newPage(desktop);
    await page.goto(`${live.site.url}/tongzhi/`);
    await page.fill('#site-search-q', '首席质量官');
    await page.press('#site-search-q', 'Enter');
    await page.waitForSelector(settled('首席质量官'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('首席质量官');
    const links = await resultLinks(page);
    expect(links.map((l) => l.href)).toContain('/gangyao/#art-20');
    expect(await page.inputValue('#search-q')).toBe('首席质量官');
    expect(await page.locator('input[type="search"], input[name="q"]').count()).toBe(1);
    await page.close();
  });

  it('renders results on the server for a shared link, with JavaScript off', async () => {
    const context = await live.browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.site.url}/search/?q=${encodeURIComponent('首席质量官')}`);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(kinds).toContain(link.kind);
      expect(link.href).toMatch(/#[a-z][\w-]*$/);
    }
    expect(links[0]).toEqual({ kind: 'term', href: '/mingci/#shouxi-zhiliang-guan' });
    expect(links).toContainEqual({ kind: 'gangyao', href: '/gangyao/#art-20' });
    expect(await page.textContent('[data-search-results] a[data-kind="gangyao"] mark')).toBe('首席质量官');
    expect(await page.getAttribute('[data-search-results]', 'aria-busy')).toBe('false');
    expect(await page.textContent('[role="status"]')).toMatch(/找到 \d+ 条结果/);
    await context.close();
  });

  it('searches as the reader types, and keeps the address shareable', async () => {
    const page = await live.browser.newPage(phone);
    await page.goto(`${live.site.url}/search/`);
    await typeQuery(page, '双随机一公开');
    const links = await resultLinks(page);
    expect(links).toContainEqual({ kind: 'gangyao', href: '/gangyao/#art-27' });
    expect(await page.textContent('[data-search-results] a[href="/gangyao/#art-27"] mark')).toBe('双随机、一公开');
    // The address follows once the reader leaves the box, e.g. for the address bar or a result.
    await page.keyboard.press('Tab');
    await page.waitForURL((url) => url.searchParams.get('q') === '双随机一公开');
    // A phone never scrolls sideways to read a result.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });

  it('keeps and searches what was typed before the page became interactive', async () => {
    const page = await live.browser.newPage(phone);
    let release = () => {};
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/Search\.[\w-]+\.js$/, async (route) => {
      await typed;
      await route.continue();
    });
    await page.goto(`${live.site.url}/search/`, { waitUntil: 'domcontentloaded' });
    await page.click('#search-q');
    await page.keyboard.insertText('中国品牌日');
    release();
    await page.waitForSelector(settled('中国品牌日'));
    expect(await page.inputValue('#search-q')).toBe('中国品牌日');
    expect((await resultLinks(page)).map((l) => l.href)).toContain('/gangyao/#col-5');
    await page.close();
  });

  it('moves between the box and the results with the arrow keys and opens a result with Enter', async () => {
    const page = await live.browser.newPage(desktop);
    await page.goto(`${live.site.url}/search/`);
    await typeQuery(page, '工程质量终身责任');
    const hrefs = (await resultLinks(page)).map((l) => l.href);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(hrefs[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(hrefs[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search-q');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL((url) => url.pathname !== '/search/'), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${live.site.url}${hrefs[0]}`);
    await page.close();
  });

  it('mentions the arrow keys where there is a keyboard, and not on a phone, which has none', async () => {
    for (const [device, shown] of [
      [desktop, true],
      [phone, false],
    ] as const) {
      const page = await live.browser.newPage(device);
      await page.goto(`${live.site.url}/search/`);
      expect(await page.locator('#search-hint').innerText()).toContain('多个词语用空格分开');
      expect((await page.locator('#search-hint').innerText()).includes('按↓键进入结果'), device.viewport.width.toString()).toBe(shown);
      await page.close();
    }
  });

  it('shows ten results first and more on request, in place with JavaScript and by link without', async () => {
    const page = await live.browser.newPage(desktop);
    await page.goto(`${live.site.url}/search/`);
    await typeQuery(page, '质量');
    expect(await resultLinks(page)).toHaveLength(10);
    await page.click('.search-more a');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] a[data-kind]').length > 10);
    await page.waitForURL((url) => url.searchParams.get('all') === '1');
    await page.close();

    const context = await live.browser.newContext({ ...desktop, javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${live.site.url}/search/?q=${encodeURIComponent('质量')}`);
    expect(await resultLinks(plain)).toHaveLength(10);
    await plain.click('.search-more a');
    expect((await resultLinks(plain)).length).toBeGreaterThan(10);
    await context.close();
  });

  it('says plainly that nothing was found and offers queries that have answers', async () => {
    const page = await live.browser.newPage(desktop);
    await page.goto(`${live.site.url}/search/?q=${encodeURIComponent('区块链')}`);
    await page.waitForSelector(settled('区块链'));
    expect(await resultLinks(page)).toEqual([]);
    expect(await page.textContent('[role="status"]')).toContain('没有找到与“区块链”相关的内容');
    const suggestion = page.locator('.search-suggestions a').first();
    const offered = await suggestion.textContent();
    await suggestion.click();
    await page.waitForSelector(settled(offered!));
    expect((await resultLinks(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('falls back to the server when the search data cannot be loaded', async () => {
    const page = await live.browser.newPage(phone);
    await page.route('**/search-data.json', (route) => route.abort());
    await page.goto(`${live.site.url}/search/`);
    await page.click('#search-q');
    await page.keyboard.insertText('首席质量官');
    await page.waitForSelector('.search-failed');
    expect(await page.textContent('.search-failed')).toContain('改由服务器搜索');
    // Typing still answers, from the server.
    await page.waitForSelector(settled('首席质量官'));
    expect((await resultLinks(page)).map((l) => l.href)).toContain('/gangyao/#art-20');
    await Promise.all([page.waitForURL(/q=/), page.click('.search-row button')]);
    await page.waitForSelector(settled('首席质量官'));
    expect((await resultLinks(page)).map((l) => l.href)).toContain('/gangyao/#art-20');
    await page.close();
  });

  it('answers the first query from the server while the search data is still on its way', async () => {
    const page = await live.browser.newPage(phone);
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/search-data.json', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${live.site.url}/search/`);
    await typeQuery(page, '首席质量官');
    expect((await resultLinks(page)).map((l) => l.href)).toContain('/gangyao/#art-20');
    expect(await page.textContent('[role="status"]')).toMatch(/找到 \d+ 条结果/);
    release();
    await page.close();
  });

  it('answers from the index in the browser when the server cannot answer as the reader types', async () => {
    const page = await live.browser.newPage(phone);
    await page.route('**/search/answer.json*', (route) => route.abort());
    await page.goto(`${live.site.url}/search/`);
    await typeQuery(page, '首席质量官');
    expect((await resultLinks(page)).map((l) => l.href)).toContain('/gangyao/#art-20');
    expect(await page.locator('.search-failed').count()).toBe(0);
    await page.close();
  });

  it("gives the search page's answer as data for the island, ignoring what it does not know", async () => {
    const answer = async (query: string) => {
      const response = await fetch(`${live.site.url}/search/answer.json?${query}`);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      return (await response.json()) as { mode: string; kind?: string; results: { kind: string; href: string }[] };
    };
    const official = await answer(`q=${encodeURIComponent('首席质量官')}&kind=gangyao`);
    expect(official.results.map((r) => r.href)).toContain('/gangyao/#art-20');
    expect(new Set(official.results.map((r) => r.kind))).toEqual(new Set(['gangyao']));
    const unknownKind = await answer(`q=${encodeURIComponent('首席质量官')}&kind=nonsense`);
    expect(unknownKind.kind).toBeUndefined();
    expect(unknownKind.results.length).toBeGreaterThan(official.results.length);
    expect((await answer('q=')).mode).toBe('blank');
    expect((await answer(`q=${encodeURIComponent('区块链')}`)).results).toEqual([]);
  });

  it('loads nothing search-related on pages that do not search, and on the search page only once used', async () => {
    const page = await live.browser.newPage(desktop);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${live.site.url}/gangyao/`, { waitUntil: 'networkidle' });
    expect(fetched.filter((path) => /search|engine|lunr/i.test(path))).toEqual([]);
    await page.goto(`${live.site.url}/search/`, { waitUntil: 'networkidle' });
    expect(fetched).not.toContain('/search-data.json');
    await typeQuery(page, '计量');
    expect(fetched).toContain('/search-data.json');
    await page.close();
  });

  it('links every search result to an anchor that its page really has', async () => {
    const data = (await (await fetch(`${live.site.url}/search-data.json`)).json()) as SearchData;
    const byPage = new Map<string, string[]>();
    for (const doc of data.docs) {
      const [path = '', anchor = ''] = doc.href.split('#');
      expect(anchor, doc.id).not.toBe('');
      byPage.set(path, [...(byPage.get(path) ?? []), anchor]);
    }
    for (const [path, anchors] of byPage) {
      const html = await (await fetch(`${live.site.url}${path}`)).text();
      const missing = anchors.filter((anchor) => !html.includes(`id="${anchor}"`));
      expect(missing, path).toEqual([]);
    }
  });
});
