/**
 * The project's hostile corpus against the real server: raw requests on a socket, and hostile
 * strings posted through the plain form and then rendered by Chromium on the receipt, /youxiu/
 * and the organiser console. No script may run, nothing may break the page's CSP (the shared
 * browser guard fails the test on any violation) and every refusal must be in Chinese.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAsInitialAdmin } from '../support/initial-admin.ts';
import { openDatabase } from '#server/db/database.ts';
import { listUnits } from '#server/campaign/units.ts';
import { desktop } from '../support/browser.ts';
import { useLiveSite } from '../support/live-site.ts';
import { postCompleteSubmission } from '../support/posted-submission.ts';
import { featureEssay } from '../support/seed-submissions.ts';
import { hostileRequests, rawRequest } from '../support/hostile/requests.ts';
import { hostileStrings, markupStrings } from '../support/hostile/strings.ts';

const live = useLiveSite();
const CHINESE = /[\u4e00-\u9fa5]/;
const UNIT = '卫辉市水利局';

/** As many of the strings as fit in `max` characters, joined. */
function fill(strings: string[], max: number): string {
  let text = '';
  for (const s of strings) if (Array.from(text + s).length <= max) text += s;
  return text;
}

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
}

describe('hostile requests against the real server', () => {
  for (const scenario of hostileRequests()) {
    it(`answers ${scenario.name} with ${scenario.status}, in Chinese, with the security headers`, async () => {
      const response = await rawRequest(live.site.url, scenario);
      expect(response.status).toBe(scenario.status);
      expectSecurityHeaders(response.headers, scenario.name);
      expect(response.body).toMatch(CHINESE);
      expect(response.body).not.toMatch(/Bad request|Not found|Forbidden|Internal server error/i);
    });
  }

  it('issues a fresh login-CSRF token on the sign-in page, never the one a planted cookie carries', async () => {
    const planted = 'planted-by-someone-else-000000000000';
    const response = await fetch(`${live.site.url}/admin/login`, { headers: { cookie: `baosong_login_csrf=${planted}` } });
    const html = await response.text();
    const cookie = /baosong_login_csrf=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeDefined();
    expect(cookie).not.toBe(planted);
    expect(html).not.toContain(planted);
    expect(html).toContain(`value="${decodeURIComponent(cookie!)}"`);
  });

  it('sends the security headers with prerendered pages, on-demand pages, data and scripts alike', async () => {
    const home = await fetch(`${live.site.url}/`);
    const script = /\/_astro\/[\w.-]+\.js/.exec(await (await fetch(`${live.site.url}/gangyao/`)).text())?.[0];
    expect(script).toBeDefined();
    for (const path of ['/', '/gangyao/', '/baosong/', '/search/?q=质量', '/youxiu/', '/admin/login', '/search-data.json', script!]) {
      const response = await fetch(`${live.site.url}${path}`);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(Object.fromEntries(response.headers), path);
    }
    // A prerendered page carries its policy in a meta element; the home page, rendered per request,
    // gets the same policy as a header from Astro.
    const prerendered = await (await fetch(`${live.site.url}/gangyao/`)).text();
    expect(prerendered).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self' 'sha256-/);
    expect(home.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
  });
});

describe('hostile strings rendered in Chromium', () => {
  let receiptUrl: string;
  let unitId: number;
  const markup = markupStrings().map((s) => s.value);
  const everything = hostileStrings().map((s) => s.value);

  beforeAll(async () => {
    receiptUrl = await postCompleteSubmission(live.site, UNIT, {
      contact_person: fill(markup, 20) || '王明',
      participants: fill(markup, 200),
      activity_dates: fill(markup, 100),
      report_body: everything.join('\n'),
      essay_1_title: fill(markup, 100),
      essay_1_author: fill(markup, 30) || '李华',
      essay_1_position: fill(markup, 50),
      essay_1_body: everything.join('\n'),
      essay_2_title: fill(everything.slice(12), 100),
      essay_2_body: markup.join('\n'),
    });
    const db = openDatabase(live.site.dataDir);
    unitId = listUnits(db).find((unit) => unit.name === UNIT)!.id;
    const essays = db.prepare('SELECT id FROM essays').all() as { id: number }[];
    for (const essay of essays) featureEssay(db, essay.id);
    db.close();
  });

  async function expectNothingRan(page: Page, url: string): Promise<string> {
    await page.goto(url);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
    return page.locator('main').innerText();
  }

  it('shows them on the receipt as text and runs none of them', async () => {
    const page = await live.browser.newPage(desktop);
    const text = await expectNothingRan(page, receiptUrl);
    expect(text).toContain('学习<script>window.__pwned=1</script>体会');
    // The print button works from the bundled script, as the CSP allows no onclick attribute.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', '1');
    });
    await page.locator('[data-print]').click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('1');
    await page.close();
  });

  it('shows them on /youxiu/ as text and runs none of them', async () => {
    const page = await live.browser.newPage(desktop);
    const text = await expectNothingRan(page, `${live.site.url}/youxiu/`);
    expect(text).toContain('学习<img src=x onerror="window.__pwned=1">体会');
    await page.close();
  });

  it('shows them in the organiser console as text and runs none of them', async () => {
    const page = await live.browser.newPage(desktop);
    await signInAsInitialAdmin(page, live.site);
    await expectNothingRan(page, `${live.site.url}/admin/`);
    const detail = await expectNothingRan(page, `${live.site.url}/admin/units/${unitId}/`);
    expect(detail).toContain('学习<script>window.__pwned=1</script>体会');
    await page.close();
  });
});
