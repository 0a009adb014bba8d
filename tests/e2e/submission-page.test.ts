import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
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

async function siteWith(env: Record<string, string> = {}): Promise<SubmissionSite> {
  const site = await startSubmissionSite(inject('siteDir'), env);
  sites.push(site);
  return site;
}

describe('the 报送 page around the deadline', () => {
  it('counts down to the deadline in Beijing time', async () => {
    const site = await siteWith({ CAMPAIGN_DEADLINE: '2099-12-31T18:00' });
    const page = await browser.newPage(phone);
    await page.goto(`${site.url}/baosong/`);
    const banner = await page.locator('.sf-form .sf-notice').first().innerText();
    expect(banner).toContain('截止时间：2099年12月31日 18:00（下班前，北京时间）');
    expect(banner).toMatch(/距截止还有 \d+ 天 \d+ 小时/);
    await page.close();
  });

  it('after a refusing deadline says plainly that nothing more is taken, and offers no submit, even without JavaScript', async () => {
    const site = await siteWith({ CAMPAIGN_DEADLINE: '2023-02-27T18:00', LATE_POLICY: 'refuse' });
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ ...phone, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site.url}/baosong/`);
      const banner = await page.locator('.sf-form .sf-notice').first().innerText();
      expect(banner).toContain('报送已于 2023年2月27日 18:00（下班前，北京时间）截止');
      expect(banner).toContain('不再接收新的报送或修改');
      expect(await page.locator('.sf-form button[type="submit"]').isDisabled()).toBe(true);
      await context.close();
    }
  });

  it('after an accepting deadline says that submissions are still taken but marked 逾期', async () => {
    const site = await siteWith({ CAMPAIGN_DEADLINE: '2023-02-27T18:00', LATE_POLICY: 'accept' });
    const page = await browser.newPage(phone);
    await page.goto(`${site.url}/baosong/`);
    const banner = await page.locator('.sf-form .sf-notice').first().innerText();
    expect(banner).toContain('已过截止时间');
    expect(banner).toContain('逾期报送');
    expect(await page.locator('.sf-form button[type="submit"]').isDisabled()).toBe(false);
    await page.close();
  });
});

describe('the 报送 page on a slow phone', () => {
  it('keeps what the liaison typed before the script arrived, and saves it in the draft', async () => {
    const site = await siteWith();
    const context = await browser.newContext(phone);
    // The island's script arrives two seconds late, as on a weak mobile connection.
    await context.route(/\/_astro\/SubmissionForm\.[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`, { waitUntil: 'domcontentloaded' });
    await page.fill('#f-activity_1_participants', '28');
    expect(await page.locator('form[data-enhanced="true"]').count()).toBe(0);
    await page.waitForSelector('form[data-enhanced="true"]');
    expect(await page.inputValue('#f-activity_1_participants')).toBe('28');
    await expect.poll(() => page.locator('[data-draft-state="saved"]').count(), { timeout: 15_000 }).toBe(1);
    await context.unroute(/\/_astro\/SubmissionForm\.[^/]*\.js$/);
    await page.reload();
    await page.locator('[data-draft-state="restored"]').waitFor();
    expect(await page.inputValue('#f-activity_1_participants')).toBe('28');
    await context.close();
  });

  it('has no serious or critical accessibility problems, as the plain form and enhanced with errors shown', async () => {
    const site = await siteWith();
    for (const enhanced of [true, false]) {
      const context = await browser.newContext(phone);
      // Without the island's script the page stays the plain form; axe itself still needs JavaScript.
      if (!enhanced) await context.route(/\/_astro\/SubmissionForm\.[^/]*\.js$/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${site.url}/baosong/`);
      if (enhanced) {
        await page.waitForSelector('form[data-enhanced="true"]');
        await page.click('.sf-form button[type="submit"]');
        await page.locator('#form-errors').waitFor();
      }
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });
});

describe('the texts that may be pasted or sent as a file', () => {
  it('say beside each text that its file is enough, and offer Word alone for a 学习感想', async () => {
    const site = await siteWith();
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`);
    const pairs = [
      { text: 'report_body', file: 'report_file', noun: '汇报原件', pdf: true },
      { text: 'info_text', file: 'info_file', noun: '文件', pdf: true },
      { text: 'essay_1_body', file: 'essay_1_file', noun: 'Word 文档', pdf: false },
      { text: 'essay_2_body', file: 'essay_2_file', noun: 'Word 文档', pdf: false },
    ];
    for (const pair of pairs) {
      const field = page.locator('.sf-field', { has: page.locator(`#f-${pair.text}`) });
      expect(await field.locator('.sf-hint').innerText(), pair.text).toContain(`直接在下面上传${pair.noun}，有其一即可`);
      const accept = (await page.locator(`input[type="file"][name="${pair.file}"]`).getAttribute('accept')) ?? '';
      expect(accept.includes('.docx'), pair.file).toBe(true);
      expect(accept.includes('.pdf'), pair.file).toBe(pair.pdf);
    }
    await context.close();
  });
});
