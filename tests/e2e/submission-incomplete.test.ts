import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '#server/admin/passwords.ts';
import { seriousViolations } from '../support/axe.ts';
import { desktop, launchBrowser, phone } from '../support/browser.ts';
import {
  askToReopen,
  fillSubmission,
  openEnhancedForm,
  phonePhoto,
  startSubmissionSite,
  writeTempFiles,
  type SubmissionSite,
} from '../support/submission-site.ts';

const UNIT = '封丘县水利局';
const ORGANISER = { username: 'zuzhi', password: 'test-口令-incomplete-2099' };

let site: SubmissionSite;
let browser: Browser;
let liaison: BrowserContext;
let page: Page;
let organiser: Page;
let photo: string;
let submits = 0;

beforeAll(async () => {
  site = await startSubmissionSite(inject('siteDir'), { ADMIN_USERS: `${ORGANISER.username}:${await hashPassword(ORGANISER.password)}` });
  browser = await launchBrowser();
  photo = writeTempFiles({ 'IMG_3001.jpg': await phonePhoto(31, { width: 1600, height: 1200 }) })['IMG_3001.jpg']!;
  liaison = await browser.newContext(phone);
  page = await liaison.newPage();
  page.on('request', (request) => {
    if (request.url().includes('/api/submissions') && request.method() === 'POST' && !request.url().includes('current')) submits++;
  });
  organiser = await (await browser.newContext(desktop)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const essayTwo = ['title', 'author', 'position', 'body'].map((part) => `#f-essay_2_${part}`);

/** The unit's row on the organisers' board, read as the organiser sees it. */
async function boardRow(): Promise<string> {
  await organiser.goto(`${site.url}/admin/`);
  if (new URL(organiser.url()).pathname === '/admin/login') {
    await organiser.getByLabel('用户名').fill(ORGANISER.username);
    await organiser.getByLabel('口令').fill(ORGANISER.password);
    await organiser.getByRole('button', { name: '登录' }).click();
    await organiser.waitForURL(`${site.url}/admin/`);
  }
  return organiser.locator('#units ~ .table-scroll tr', { hasText: UNIT }).first().innerText();
}

describe('sending one essay now and the second one later, on a phone', () => {
  it('asks before sending, listing 第 2 篇学习感想; 返回补充 keeps everything and sends nothing', async () => {
    await openEnhancedForm(page, site.url);
    await fillSubmission(page, UNIT, site.codes.get(UNIT)!);
    for (const field of essayTwo) await page.fill(field, '');
    await page.setInputFiles('input[type="file"][accept="image/*"][multiple]', photo);
    await page.fill('#f-photo_caption_1', '2月15日集中学习现场');
    await expect.poll(() => page.locator('[data-status="done"]').count(), { timeout: 30_000 }).toBe(1);

    await page.click('.sf-form button[type="submit"]');
    const question = page.getByRole('alertdialog', { name: '材料还不齐全，是否先提交已有的部分？' });
    await question.waitFor();
    const text = await question.innerText();
    expect(text).toContain('第 2 篇学习感想');
    expect(text).not.toContain('第 1 篇');
    expect(text).not.toContain('活动照片');
    expect(text).toContain('同一个报送码');
    expect(await question.evaluate((box) => box.contains(document.activeElement))).toBe(true);
    // Both answers span the phone's width, easy to hit with a thumb.
    const widths = await question
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().width)));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBe(widths[0]);
    expect(widths[0]).toBeGreaterThan(250);
    expect(await seriousViolations(page)).toEqual([]);

    await question.getByRole('button', { name: '返回补充' }).click();
    expect(await question.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-essay_2_title');
    expect(await page.inputValue('#f-essay_1_title')).toBe('学习《纲要》的体会之1');
    expect(await page.inputValue('#f-activity_1_participants')).toBe('45');
    expect(await page.inputValue('#f-photo_caption_1')).toBe('2月15日集中学习现场');
    expect(await page.locator('[data-status="done"]').count()).toBe(1);
    expect(submits).toBe(0);
  });

  it('仍然提交 lands on the receipt, which lists what is missing, and the board shows 材料不全 in the same words', async () => {
    await page.click('.sf-form button[type="submit"]');
    await page.getByRole('button', { name: '仍然提交' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'), { timeout: 60_000 });
    expect(submits).toBe(1);
    const missing = await page.locator('.rc-missing').innerText();
    expect(missing.trim()).toBe('第 2 篇学习感想');
    expect(await page.locator('main').innerText()).toContain('可用同一报送码修改报送，补齐以上材料');

    const row = await boardRow();
    expect(row).toContain('材料不全');
    expect(row).toContain('第 2 篇学习感想');
  });

  it('revising later with the second essay clears it: the receipt lists nothing missing and the board shows 已修改', async () => {
    await openEnhancedForm(page, site.url);
    await askToReopen(page, UNIT, site.codes.get(UNIT)!);
    await page.getByText('已载入第 1 版').waitFor();
    expect(await page.inputValue('#f-essay_1_title')).toBe('学习《纲要》的体会之1');
    expect(await page.inputValue('#f-essay_2_title')).toBe('');

    await page.fill('#f-essay_2_title', '把质量第一落到每一项工程');
    await page.fill('#f-essay_2_author', '张强');
    await page.fill('#f-essay_2_position', '副局长');
    await page.fill('#f-essay_2_body', '质量是水利工程的生命线。');
    await page.getByRole('button', { name: '提交修改后的材料' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'), { timeout: 60_000 });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    const receipt = await page.locator('main').innerText();
    expect(receipt).toContain('第 2 版');
    expect(receipt).toContain('通知要求的材料均已收到');
    expect(receipt).toContain('把质量第一落到每一项工程');
    expect(await page.locator('.rc-missing').count()).toBe(0);

    const row = await boardRow();
    expect(row).toContain('已修改');
    expect(row).not.toContain('材料不全');
    expect(row).not.toContain('学习感想');
  });

  it('without JavaScript: a form with only the unit and the contact is taken, and the receipt lists everything still missing', async () => {
    const unit = '延津县水利局';
    const plain = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const form = await plain.newPage();
    await form.goto(`${site.url}/baosong/`);
    await form.selectOption('#f-unit_id', { label: unit });
    await form.fill('#f-code', site.codes.get(unit)!);
    await form.fill('#f-contact_person', '赵敏');
    await form.fill('#f-contact_phone', '13800000000');
    await form.click('.sf-form button[type="submit"]');
    await form.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'));
    expect(await form.locator('.rc-missing li').allInnerTexts()).toEqual([
      '情况汇报',
      '活动照片（至少 1 张，已有 0 张）',
      '第 1 篇学习感想',
      '第 2 篇学习感想',
    ]);
    await plain.close();
  });
});
