import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAsInitialAdmin } from '../support/initial-admin.ts';
import { launchBrowser, phone } from '../support/browser.ts';
import { askToReopen, fillSubmission, openEnhancedForm, startSubmissionSite, type SubmissionSite } from '../support/submission-site.ts';

// What an organiser might paste: markup, a bidi override, a rare character and a spreadsheet formula.
const COMMENT = '<b>照片</b>未体现学习场景，请补充。\u202Eevil\u202C 𠮷 =HYPERLINK("http://x")';
const UNIT = '卫辉市水利局';

let site: SubmissionSite;
let browser: Browser;

beforeAll(async () => {
  // No configured organisers: the site makes the initial admin, as on a fresh `npm start`.
  site = await startSubmissionSite(inject('siteDir'), { ADMIN_USERS: '' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const signIn = (page: Page) => signInAsInitialAdmin(page, site);

const reviewState = async (page: Page) => (await page.locator('#review').innerText()).match(/审核状态：(\S+)/)?.[1];

describe('a unit’s materials returned with an 意见 and sent again, at phone size', () => {
  it('goes submit → 退回修改 → the unit reads the 意见 and revises → 待审核 → 通过', async () => {
    const unitContext = await browser.newContext(phone);
    const unit = await unitContext.newPage();
    await openEnhancedForm(unit, site.url);
    await fillSubmission(unit, UNIT, site.codes.get(UNIT)!);
    await unit.click('.sf-form button[type="submit"]');
    // No photo yet: the form asks whether to send what there is.
    await unit.getByRole('button', { name: '仍然提交' }).click();
    await unit.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'), { timeout: 60_000 });
    const receiptUrl = unit.url();
    expect(await unit.locator('[data-review-comment]').count()).toBe(0);

    // The organiser works on a phone too, and without JavaScript: the console's forms are plain posts.
    const organiserContext = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const organiser = await organiserContext.newPage();
    await signIn(organiser);
    await organiser.getByRole('link', { name: UNIT }).click();
    expect(await reviewState(organiser)).toBe('待审核');
    await organiser.getByRole('button', { name: '退回修改' }).click();
    expect(await organiser.getByRole('alert').innerText()).toContain('退回修改时请填写意见');
    await organiser.locator('form[data-review] textarea[name="comment"]').fill(COMMENT);
    await organiser.getByRole('button', { name: '退回修改' }).click();
    await organiser.getByText('已退回修改。').waitFor();
    expect(await reviewState(organiser)).toBe('已退回');

    // The receipt shows the decision and the 意见 as text, markup and all.
    await unit.goto(receiptUrl);
    const onReceipt = unit.locator('[data-review-comment]');
    expect(await onReceipt.innerText()).toContain('退回修改');
    expect(await onReceipt.innerText()).toContain('<b>照片</b>未体现学习场景');
    expect(await onReceipt.locator('b').count()).toBe(0);
    expect(await onReceipt.textContent()).toContain(COMMENT);

    // Reopening with the 报送码 puts the 意见 above the form.
    await openEnhancedForm(unit, site.url);
    await askToReopen(unit, UNIT, site.codes.get(UNIT)!);
    await unit.getByText('已载入第 1 版').waitFor();
    const aboveForm = unit.locator('[data-review-comment]');
    expect(await aboveForm.textContent()).toContain(COMMENT);
    expect(await aboveForm.locator('b').count()).toBe(0);
    const noteBox = (await aboveForm.boundingBox())!;
    const formBox = (await unit.locator('form.sf-form').boundingBox())!;
    expect(noteBox.y + noteBox.height).toBeLessThanOrEqual(formBox.y);

    await unit.fill('#f-activity_1_participants', '46');
    await unit.getByRole('button', { name: '提交修改后的材料' }).click();
    await unit.getByRole('button', { name: '仍然提交' }).click();
    await unit.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'), { timeout: 60_000 });
    expect(await unit.locator('main').innerText()).toContain('第 2 版（当前版本）');

    await organiser.reload();
    expect(await reviewState(organiser)).toBe('待审核');
    expect(await organiser.locator('#review table').innerText()).toContain('第 1 版');
    await organiser.getByRole('button', { name: '通过' }).click();
    await organiser.getByText('已审核通过。').waitFor();
    expect(await reviewState(organiser)).toBe('已通过');
    const history = await organiser.locator('#review table').innerText();
    expect(history).toMatch(/第 2 版\s+通过/);
    expect(history).toMatch(/第 1 版\s+退回修改/);
    expect(await organiser.locator('#review table').textContent()).toContain(COMMENT);
    expect(await organiser.locator('#review table b').count()).toBe(0);

    await organiser.goto(`${site.url}/admin/?review=approved`);
    expect(await organiser.getByLabel('进度概况').innerText()).toMatch(/已通过\s*1\s*个单位/);
    expect(await organiser.locator('#units ~ .table-scroll').first().innerText()).toContain(UNIT);

    // The unit's 做法 is offered for the 情况汇总's 主要做法.
    await organiser.goto(`${site.url}/admin/export/`);
    expect(await organiser.locator('#qingkuang ~ form').innerText()).toContain(UNIT);
    await unitContext.close();
    await organiserContext.close();
  });

  it('shows the 意见 above the form when a unit reopens without JavaScript', async () => {
    const plain = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(`${site.url}/baosong/`);
    await page.selectOption('#bs-reopen-unit', { label: UNIT });
    await page.fill('#bs-reopen-code', site.codes.get(UNIT)!);
    await page.getByRole('button', { name: '载入已报送的内容' }).click();
    const note = page.locator('[data-review-comment]');
    // The latest decision is 通过 on version 2.
    expect(await note.innerText()).toContain('第 2 版：通过');
    await plain.close();
  });

  it('lets the organiser open a unit that has sent nothing, copy its 催报 text and record a 督导 check', async () => {
    const silent = '辉县市水利局';
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const organiser = await context.newPage();
    await signIn(organiser);
    await organiser.getByRole('link', { name: silent, exact: true }).first().click();
    expect(await organiser.locator('h1').innerText()).toBe(silent);
    expect(await organiser.locator('main').innerText()).toContain('还没有报送材料');
    // The unit's page belongs to the board it was opened from.
    expect(await organiser.locator('a[aria-current="page"]').innerText()).toBe('报送进度');
    expect(await organiser.locator('#cuibao-unit').inputValue()).toContain(silent);
    await organiser.getByLabel('检查时间').fill('2023-02-20');
    await organiser.getByLabel('方式').fill('电话督导');
    await organiser.getByLabel('发现的问题').fill('尚未组织集中学习');
    await organiser.getByLabel('整改要求').fill('2月24日前召开专题会');
    await organiser.getByRole('button', { name: '添加督导记录' }).click();
    await organiser.getByText('督导记录已保存').waitFor();
    const notes = await organiser.locator('#dudao table').innerText();
    expect(notes).toContain('2023年2月20日');
    expect(notes).toContain('尚未组织集中学习');
    await context.close();
  });
});
