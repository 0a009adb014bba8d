import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phone } from '../support/browser.ts';
import { startSubmissionSite, type SubmissionSite } from '../support/submission-site.ts';

let browser: Browser;
const sites: SubmissionSite[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(sites.map((site) => site.stop()));
});

async function homeText(env: Record<string, string>, javaScriptEnabled: boolean): Promise<string> {
  const site = await startSubmissionSite(inject('siteDir'), env);
  sites.push(site);
  const context = await browser.newContext({ ...phone, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  const text = await page.locator('#deadline').innerText();
  await context.close();
  return text;
}

describe('the deadline on the home page', () => {
  it('follows an extended CAMPAIGN_DEADLINE without a rebuild, also without JavaScript', async () => {
    const text = await homeText({ CAMPAIGN_DEADLINE: '2099-12-31T18:00' }, false);
    expect(text).toMatch(/距报送截止还有 \d+ 天 \d+ 小时/);
    expect(text).toContain('报送截止：2099年12月31日 18:00（下班前）');
    expect(text).not.toContain('已过');
  });

  it('says a passed deadline still takes late submissions under the default policy', async () => {
    const text = await homeText({ CAMPAIGN_DEADLINE: '2023-02-27T18:00' }, true);
    expect(text).toContain('报送截止时间已过，仍可补报');
    expect(text).toContain('逾期报送');
  });

  it('says the form is closed when LATE_POLICY refuses late submissions', async () => {
    const text = await homeText({ CAMPAIGN_DEADLINE: '2023-02-27T18:00', LATE_POLICY: 'refuse' }, true);
    expect(text).toContain('报送已截止');
    expect(text).not.toContain('仍可补报');
  });
});
