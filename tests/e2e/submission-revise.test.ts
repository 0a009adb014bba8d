import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phone } from '../support/browser.ts';
import {
  askToReopen,
  fillSubmission,
  openEnhancedForm,
  phonePhoto,
  startSubmissionSite,
  writeTempFiles,
  type SubmissionSite,
} from '../support/submission-site.ts';

let site: SubmissionSite;
let browser: Browser;
let photo: string;

beforeAll(async () => {
  site = await startSubmissionSite(inject('siteDir'));
  browser = await launchBrowser();
  photo = writeTempFiles({ 'IMG_2001.jpg': await phonePhoto(21, { width: 1600, height: 1200 }) })['IMG_2001.jpg']!;
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const versionLine = async (page: import('playwright-core').Page) => (await page.locator('main').innerText()).match(/第 \d+ 版/)?.[0];

describe('sending again', () => {
  it('stores a submit once when its answer is lost and the form retries; reopening it and sending again makes version 2', async () => {
    const unit = '新乡县水利局';
    const code = site.codes.get(unit)!;
    const context = await browser.newContext(phone);
    let submits = 0;
    await context.route('**/api/submissions', async (route) => {
      submits++;
      if (submits === 1) {
        // The server stores it, but the phone never hears back (the lift, the tunnel, the weak signal).
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    const page = await context.newPage();
    await openEnhancedForm(page, site.url);
    await fillSubmission(page, unit, code);
    await page.setInputFiles('input[type="file"][accept="image/*"][multiple]', photo);
    await page.fill('#f-photo_caption_1', '专题会现场');
    await page.click('.sf-form button[type="submit"]');
    await page.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'), { timeout: 60_000 });
    expect(submits).toBe(2);
    expect(await versionLine(page)).toBe('第 1 版');

    // Back on the form: the draft was cleared by the confirmed submission.
    await openEnhancedForm(page, site.url);
    expect(await page.locator('[data-draft-state="restored"]').count()).toBe(0);
    expect(await page.inputValue('#f-activity_1_participants')).toBe('');

    await askToReopen(page, unit, code);
    await page.getByText('已载入第 1 版').waitFor();
    expect(await page.inputValue('#f-activity_1_participants')).toBe('45');
    expect(await page.inputValue('#f-photo_caption_1')).toBe('专题会现场');
    expect(await page.locator('[data-status="done"]').count()).toBe(1);

    await page.fill('#f-activity_1_participants', '46');
    await page.getByRole('button', { name: '提交修改后的材料' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/') && !url.search.includes('v='), { timeout: 60_000 });
    await expect.poll(() => versionLine(page)).toBe('第 2 版');
    expect(await page.locator('main').innerText()).toContain('，46 人');
    await context.close();
  });

  it('shows the server’s refusal of the final submit next to the 报送码, keeping everything typed', async () => {
    const unit = '长垣市水利局';
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await openEnhancedForm(page, site.url);
    await fillSubmission(page, unit, site.codes.get(unit)!);
    await page.setInputFiles('input[type="file"][accept="image/*"][multiple]', photo);
    await page.fill('#f-photo_caption_1', '交流会现场');
    await expect.poll(() => page.locator('[data-status="done"]').count(), { timeout: 30_000 }).toBe(1);
    // The photo went up with the right code; the code is mistyped just before 提交.
    await page.fill('#f-code', 'ABCDEFGHJK');
    await page.click('.sf-form button[type="submit"]');
    await page.locator('#f-code-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('#f-code-error').innerText()).toContain('报送码不正确');
    expect(await page.locator('#form-errors').innerText()).toContain('报送码不正确');
    expect(new URL(page.url()).pathname).toBe('/baosong/');
    expect(await page.inputValue('#f-activity_1_participants')).toBe('45');
    expect(await page.locator('[data-status="done"]').count()).toBe(1);
    await context.close();
  });

  it('says in Chinese when a unit that has not sent anything asks to reopen', async () => {
    const unit = '辉县市水利局';
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await openEnhancedForm(page, site.url);
    await askToReopen(page, unit, site.codes.get(unit)!);
    await page.getByText('还没有报送过材料').waitFor();
    await context.close();
  });
});
