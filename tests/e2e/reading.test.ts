import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadTerms } from '#reading/annotations/load.ts';
import { loadCorpus } from '#reading/corpus.ts';
import { articleText } from '#reading/gangyao-text.ts';
import { injectAxe } from '../support/axe.ts';
import { desktop, phone } from '../support/browser.ts';
import { useLiveSite } from '../support/live-site.ts';
import { pdfText } from '../support/pdf-text.ts';

const live = useLiveSite();
const { gangyao } = loadCorpus();

/** A fresh browser context that remembers every address it asked for. */
async function open(options: BrowserContextOptions = phone): Promise<{ context: BrowserContext; page: Page; requested: string[] }> {
  const context = await live.browser.newContext(options);
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  return { context, page: await context.newPage(), requested };
}

/** The term marked first in the 纲要, with its glossary entry. */
async function firstTerm(page: Page): Promise<{ slug: string; text: string }> {
  const link = page.locator('#gangyao a.term').first();
  const href = (await link.getAttribute('href')) ?? '';
  return { slug: href.split('#')[1] ?? '', text: (await link.textContent()) ?? '' };
}

describe('the 纲要 page as a reader opens it', () => {
  it.each([
    ['phone', phone],
    ['desktop', desktop],
  ] as const)('holds all 11 parts, 32 articles and 7 专栏 under their public ids on a %s', async (_, size) => {
    const { context, page } = await open(size);
    await page.goto(`${live.site.url}/gangyao/`);
    const ids = await page.$$eval('[id]', (elements) => elements.map((e) => e.id));
    for (let n = 1; n <= 11; n += 1) expect(ids).toContain(`part-${n}`);
    for (let n = 1; n <= 32; n += 1) expect(ids).toContain(`art-${n}`);
    for (let n = 1; n <= 7; n += 1) expect(ids).toContain(`col-${n}`);
    expect(await page.locator('#art-13 h3').innerText()).toContain('（十三）强化工程质量保障');
    // Nothing overflows sideways at this width: no horizontal scrolling while reading.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('scrolls a shared link to /gangyao/#art-13 straight to that article', async () => {
    const { context, page } = await open(phone);
    await page.goto(`${live.site.url}/gangyao/#art-13`);
    const top = await page.evaluate(() => document.getElementById('art-13')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-2);
    expect(top).toBeLessThan(100);
    await context.close();
  });

  it.each([
    ['', false],
    [' in 大字模式', true],
  ] as const)('explains a glossary term in place when the reader taps it%s', async (_, large) => {
    const { context, page } = await open(phone);
    await page.goto(`${live.site.url}/gangyao/`);
    if (large) await page.locator('label[for="daziti"]').click();
    const term = await firstTerm(page);
    const entry = loadTerms().find((t) => t.slug === term.slug);
    expect(entry).toBeDefined();
    await page.locator('#gangyao a.term').first().tap();
    const popover = page.locator('.term-pop');
    await popover.waitFor();
    expect(await popover.innerText()).toContain(entry!.term);
    expect(await popover.innerText()).toContain(entry!.text.slice(0, 12));
    expect(await popover.locator(`a[href$="/mingci/#${term.slug}"]`).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/gangyao/');
    // All of it on the screen, with room for its focus ring, in large text too.
    const [left, right, screen] = await popover.evaluate((box) => [
      box.getBoundingClientRect().left,
      box.getBoundingClientRect().right,
      document.documentElement.clientWidth,
    ]);
    expect(left).toBeGreaterThanOrEqual(8);
    expect(right).toBeLessThanOrEqual(screen - 7.5);
    // It stays while the reader reads it: a pointer leaving a term closes only what hovering opened,
    // 300 ms later, and the browser's own pointer events after a tap must not count as leaving.
    await page.waitForTimeout(1000);
    expect(await popover.count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await popover.count()).toBe(0);
    await context.close();
  });

  it('shows the explanation on hover with a mouse on a desktop screen, and keeps it once clicked', async () => {
    const { context, page } = await open(desktop);
    await page.goto(`${live.site.url}/gangyao/#part-3`);
    const term = page.locator('#gangyao a.term').first();
    const popover = page.locator('.term-pop');
    await term.hover();
    await popover.waitFor();
    expect(new URL(page.url()).pathname).toBe('/gangyao/');
    await page.mouse.move(1, 1);
    await popover.waitFor({ state: 'detached' });
    await term.click();
    await popover.waitFor();
    await page.mouse.move(1, 1);
    await page.waitForTimeout(1000);
    expect(await popover.count()).toBe(1);
    await context.close();
  });

  it('follows a term to its glossary entry when the popover code cannot be fetched', async () => {
    const { context, page } = await open(phone);
    await page.route(/reading-tools/, (route) => route.abort());
    await page.goto(`${live.site.url}/gangyao/`);
    const term = await firstTerm(page);
    await page.locator('#gangyao a.term').first().click();
    await page.waitForURL(`**/mingci/#${term.slug}`);
    expect(await page.locator(`#${term.slug}`).count()).toBe(1);
    await context.close();
  });

  it('copies 《质量强国建设纲要》第十三条, the article as printed and its link with 引用本条', async () => {
    const { context, page } = await open({ ...desktop, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${live.site.url}/gangyao/#art-13`);
    await page.locator('#art-13 .cite').click();
    await page.locator('#art-13 .cite-status', { hasText: '已复制' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const article = gangyao.articles.find((a) => a.id === 'art-13')!;
    expect(copied).toBe(['《质量强国建设纲要》第十三条', ...articleText(article), `${live.site.url}/gangyao/#art-13`].join('\n'));
    await context.close();
  });

  it('offers the citation selected in a box when the browser refuses to copy', async () => {
    const { context, page } = await open(phone);
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
      document.execCommand = () => false;
    });
    await page.goto(`${live.site.url}/gangyao/#art-2`);
    await page.locator('#art-2 .cite').tap();
    const box = page.locator('#art-2 .tools textarea');
    await box.waitFor();
    expect(await page.locator('#art-2 .cite-status').innerText()).toContain('请长按');
    const text = await box.inputValue();
    expect(text.startsWith('《质量强国建设纲要》第二条\n（二）主要目标\n到 2025 年')).toBe(true);
    expect(text.endsWith('/gangyao/#art-2')).toBe(true);
    // The notes of the article are the site's, not the 纲要's: they stay out of a citation.
    const noteTitles = await page.$$eval('#art-2 .notes summary', (s) => s.map((e) => e.lastChild?.textContent ?? ''));
    expect(noteTitles.length).toBeGreaterThan(0);
    for (const title of noteTitles) expect(text).not.toContain(title);
    await context.close();
  });

  it('opens the notes for printing and lays the page out as an official document', async () => {
    const { context, page } = await open(desktop);
    await page.goto(`${live.site.url}/gangyao/`);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('#gangyao details:not([open])').count()).toBe(0);
    const layout = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')!).display,
      heading: getComputedStyle(document.querySelector('#art-13 > h3')!).display,
      contents: getComputedStyle(document.getElementById('mulu')!).display,
    }));
    expect(layout).toEqual({ header: 'none', heading: 'inline', contents: 'none' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('#gangyao details[open]').count()).toBe(0);
    await context.close();
  });
});

describe("finding the reader's place in the 纲要", () => {
  it('marks the article in view in the desktop contents as the reader scrolls', async () => {
    const { context, page } = await open(desktop);
    await page.goto(`${live.site.url}/gangyao/#art-13`);
    const current = () => page.locator('#mulu a[aria-current="location"]').getAttribute('href');
    await expect.poll(current).toBe('#art-13');
    await page.evaluate(() => document.getElementById('art-20')!.scrollIntoView());
    await expect.poll(current).toBe('#art-20');
    await context.close();
  });

  it('names the site once in the header', async () => {
    const { context, page } = await open(phone);
    await page.goto(`${live.site.url}/tongzhi/`);
    const name = await page.locator('.site-name').innerText();
    expect(name.match(/学习活动/g)).toHaveLength(1);
    expect(name).toContain('质量强国建设纲要');
    await context.close();
  });

  it('prints a page number at the foot of every page', async () => {
    const { context, page } = await open(desktop);
    await page.goto(`${live.site.url}/tongzhi/`);
    const text = await pdfText(await page.pdf({ format: 'A4' }));
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((printed, i) => expect(printed).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
    await context.close();
  });
});

describe('the reading pages without JavaScript', () => {
  it('shows 引用本条 as the citation text ready to select', async () => {
    const { context, page } = await open({ ...phone, javaScriptEnabled: false });
    await page.goto(`${live.site.url}/gangyao/#art-13`);
    await page.locator('#art-13 .cite-plain > summary').click();
    const text = await page.locator('#art-13 .cite-plain textarea').inputValue();
    const article = gangyao.articles.find((a) => a.id === 'art-13')!;
    expect(text).toBe(['《质量强国建设纲要》第十三条', ...articleText(article), '/gangyao/#art-13'].join('\n'));
    await context.close();
  });

  it('reads, navigates and explains terms through plain links', async () => {
    const { context, page } = await open({ ...phone, javaScriptEnabled: false });
    await page.goto(`${live.site.url}/gangyao/`);
    expect(await page.locator('section.art').count()).toBe(32);
    // No button that would do nothing without a script.
    expect(await page.locator('button.cite').count()).toBe(0);
    await page.locator('#mulu > summary').click();
    await page.locator('#mulu a[href="#art-13"]').click();
    expect(new URL(page.url()).hash).toBe('#art-13');
    const note = page.locator('#art-13 .notes details').first();
    await note.locator('summary').click();
    expect(await note.getAttribute('open')).not.toBeNull();
    expect(await page.locator('#art-13 [data-note="link"]').getAttribute('href')).toBe('#art-13');
    const term = await firstTerm(page);
    await page.locator('#gangyao a.term').first().click();
    await page.waitForURL(`**/mingci/#${term.slug}`);
    expect(await page.locator(`#${term.slug}:target .term-name`).innerText()).toBeTruthy();
    await context.close();
  });

  it('switches to large text with the 大字模式 box', async () => {
    const { context, page } = await open({ ...phone, javaScriptEnabled: false });
    await page.goto(`${live.site.url}/tongzhi/`);
    const size = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('#sec-1 p')!);
        return { font: parseFloat(style.fontSize), line: parseFloat(style.lineHeight) / parseFloat(style.fontSize), color: style.color };
      });
    expect((await size()).font).toBeGreaterThanOrEqual(16);
    await page.locator('label[for="daziti"]').click();
    const large = await size();
    expect(large.font).toBeGreaterThanOrEqual(18);
    expect(large.line).toBeGreaterThanOrEqual(1.3);
    expect(large.color).toBe('rgb(0, 0, 0)');
    await context.close();
  });
});

describe('large text across pages', () => {
  it('remembers 大字模式 on the next page when scripts run', async () => {
    const { context, page } = await open(phone);
    await page.goto(`${live.site.url}/`);
    await page.locator('label[for="daziti"]').click();
    await page.goto(`${live.site.url}/gangyao/`);
    expect(await page.locator('#daziti').isChecked()).toBe(true);
    const font = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#preamble-p1')!).fontSize));
    expect(font).toBeGreaterThanOrEqual(18);
    await context.close();
  });
});

describe('accessibility at phone size', () => {
  async function seriousViolations(page: Page): Promise<string[]> {
    await injectAxe(page);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      return (await axe.run(document)).violations;
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  }

  it.each(['/', '/gangyao/', '/tongzhi/', '/fabuhui/', '/mingci/', '/about/', '/yuedu/'])(
    '%s has no serious or critical axe violations',
    async (path) => {
      const { context, page } = await open(phone);
      await page.goto(`${live.site.url}${path}`);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it('/gangyao/ in 大字模式 with a term explained has none either', async () => {
    const { context, page } = await open(phone);
    await page.goto(`${live.site.url}/gangyao/`);
    await page.locator('label[for="daziti"]').click();
    await page.locator('#gangyao a.term').first().tap();
    await page.locator('.term-pop').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('an intranet site', () => {
  it('never asks anything of another host while a reader browses and uses the tools', async () => {
    const { context, page, requested } = await open({ ...phone, permissions: ['clipboard-read', 'clipboard-write'] });
    for (const path of [
      '/',
      '/tongzhi/',
      '/fabuhui/',
      '/yuedu/',
      `/yuedu/${loadCorpus().related[0]!.slug}/`,
      '/mingci/',
      '/about/',
      '/not-a-page/',
    ]) {
      await page.goto(`${live.site.url}${path}`, { waitUntil: 'networkidle' });
    }
    await page.goto(`${live.site.url}/gangyao/`, { waitUntil: 'networkidle' });
    await page.locator('#gangyao a.term').first().tap();
    await page.locator('.term-pop').waitFor();
    await page.locator('#art-1 .cite').tap();
    await page.locator('#art-1 .cite-status', { hasText: '已复制' }).waitFor();
    const origin = new URL(live.site.url).origin;
    const foreign = requested.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    expect(requested.length).toBeGreaterThan(10);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('answers an unknown address with a friendly 404 page that leads back in', async () => {
    const response = await fetch(`${live.site.url}/gangyao/no-such-article/`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('找不到这个页面');
    expect(body).toContain('href="/gangyao/"');
  });
});
