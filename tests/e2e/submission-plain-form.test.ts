import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phone } from '../support/browser.ts';
import { phonePhoto, startSubmissionSite, storedDraft, writeTempFiles, type SubmissionSite } from '../support/submission-site.ts';

let site: SubmissionSite;
let browser: Browser;
let files: Record<string, string>;
const unit = '卫辉市水利局';
const islandScript = /\/_astro\/SubmissionForm\.[^/]*\.js$/;

beforeAll(async () => {
  site = await startSubmissionSite(inject('siteDir'));
  browser = await launchBrowser();
  files = writeTempFiles({
    'meeting.jpg': await phonePhoto(7, { width: 1200, height: 900 }),
    'not-a-photo.jpg': Buffer.from('这不是照片，只是改了扩展名的文字文件。'.repeat(50)),
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('the 报送 form before and after its script starts', () => {
  it('keeps the unit, code, checkboxes, text and a photo chosen before the script arrived', async () => {
    const context = await browser.newContext(phone);
    // The island's script is held back until the clerk has filled in the plain form, as on a slow link.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(islandScript, async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`, { waitUntil: 'domcontentloaded' });
    await page.selectOption('#f-unit_id', { label: unit });
    await page.fill('#f-code', site.codes.get(unit)!);
    await page.selectOption('#f-activity_1_form', '座谈会');
    await page.fill('#f-activity_1_leader', '局长 王明');
    await page.check('input[name="activity_1_enterprise"]');
    await page.fill('#f-activity_2_practice', '邀请辖区企业代表交流');
    await page.setInputFiles('#f-photo_1', files['meeting.jpg']!);
    await page.fill('#f-photo_caption_1', '集中学习现场');
    expect(await page.locator('form[data-enhanced="true"]').count()).toBe(0);
    release();
    await page.waitForSelector('form[data-enhanced="true"]');

    expect(await page.locator('#f-unit_id option:checked').innerText()).toBe(unit);
    expect(await page.inputValue('#f-code')).toBe(site.codes.get(unit));
    expect(await page.inputValue('#f-activity_1_form')).toBe('座谈会');
    expect(await page.inputValue('#f-activity_1_leader')).toBe('局长 王明');
    expect(await page.isChecked('input[name="activity_1_enterprise"]')).toBe(true);
    // The second row was typed in too, so the island shows it rather than folding the 台账 to one row.
    expect(await page.inputValue('#f-activity_2_practice')).toBe('邀请辖区企业代表交流');
    await expect.poll(() => page.locator('li[data-photo-id]').count()).toBe(1);
    expect(await page.inputValue('#f-photo_caption_1')).toBe('集中学习现场');
    // With the unit and code kept, the photo goes up instead of waiting for them.
    await expect.poll(() => page.locator('li[data-photo-id] [data-status]').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    await context.close();
  });

  it('says plainly after a browser restart that the 报送码 must be typed again', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`);
    await page.waitForSelector('form[data-enhanced="true"]');
    await page.selectOption('#f-unit_id', { label: unit });
    await page.fill('#f-code', site.codes.get(unit)!);
    await page.fill('#f-activity_1_leader', '班子成员');
    await expect.poll(() => page.locator('[data-draft-state="saved"]').count()).toBe(1);
    // "Saved" shows from the first save on; the browser is closed once the last thing typed is stored.
    await expect.poll(async () => (await storedDraft(page))?.values?.['activity_1_leader']).toBe('班子成员');
    await page.close();
    // A new tab starts with empty session storage, as the browser does after a restart; the draft stays.
    const again = await context.newPage();
    await again.goto(`${site.url}/baosong/`);
    await again.locator('[data-draft-state="restored"]').waitFor();
    expect(await again.inputValue('#f-activity_1_leader')).toBe('班子成员');
    expect(await again.inputValue('#f-code')).toBe('');
    expect(await again.locator('[data-draft-code-needed]').innerText()).toContain('请重新填写报送码');
    await context.close();
  });
});

describe('the plain form without JavaScript', () => {
  it('says once, near the top, that a reload loses what was typed, and not once the script runs', async () => {
    const plain = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(`${site.url}/baosong/`);
    expect(await page.locator('[data-plain-notice]').count()).toBe(1);
    expect(await page.locator('[data-plain-notice]').innerText()).toContain('刷新');
    await plain.close();
    const enhanced = await browser.newContext(phone);
    const live = await enhanced.newPage();
    await live.goto(`${site.url}/baosong/`);
    await live.waitForSelector('form[data-enhanced="true"]');
    expect(await live.locator('[data-plain-notice]').count()).toBe(0);
    await enhanced.close();
  });

  it('shows a refused photo its message next to it and keeps the caption typed for it', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`);
    await page.selectOption('#f-unit_id', { label: unit });
    await page.fill('#f-code', site.codes.get(unit)!);
    await page.fill('#f-contact_person', '王明');
    await page.fill('#f-contact_phone', '0373-2079642');
    await page.setInputFiles('#f-photo_1', files['meeting.jpg']!);
    await page.fill('#f-photo_caption_1', '集中学习现场');
    await page.setInputFiles('#f-photo_2', files['not-a-photo.jpg']!);
    await page.fill('#f-photo_caption_2', '座谈会合影');
    await page.click('.sf-form button[type="submit"]');
    await page.locator('[data-refused-photo]').waitFor({ timeout: 120_000 });
    // The good photo was received; the refused one is offered again in the next row with its caption.
    const row = page.locator('.row', { has: page.locator('[data-refused-photo]') });
    expect(await row.count()).toBe(1);
    expect(await row.locator('[data-refused-photo]').innerText()).toContain('not-a-photo.jpg');
    expect(await row.locator('input[type="text"]').inputValue()).toBe('座谈会合影');
    await context.close();
  });
});
