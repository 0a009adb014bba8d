import ExcelJS from 'exceljs';
import { datedName } from '#server/export/exports.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialPassword } from '../support/initial-admin.ts';
import { desktop } from '../support/browser.ts';
import { useLiveSite } from '../support/live-site.ts';
import { postCompleteSubmission } from '../support/posted-submission.ts';

// No configured organisers: the site makes the initial admin, as on a fresh `npm start`.
const live = useLiveSite({ CAMPAIGN_DEADLINE: '2099-12-31T18:00', ADMIN_USERS: '' });
let organiser: BrowserContext;
let page: Page;
const SUBMITTED = '获嘉县水利局';
const ESSAY = '以质量强国建设为引领';

beforeAll(async () => {
  await postCompleteSubmission(live.site, SUBMITTED);
  organiser = await live.browser.newContext({ ...desktop, acceptDownloads: true });
  await organiser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.site.url });
  page = await organiser.newPage();
});

const password = () => initialPassword(live.site.dataDir);

describe('the organiser console in a real browser', () => {
  it('sends a visitor to the login page and refuses a wrong password in Chinese', async () => {
    await page.goto(`${live.site.url}/admin/`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('口令').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('用户名或口令不正确');
  });

  it('signs in with the generated initial password and shows progress with the units still missing', async () => {
    await page.getByLabel('口令').fill(password());
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${live.site.url}/admin/`);
    const stats = await page.getByLabel('进度概况').innerText();
    expect(stats).toMatch(/已报送\s*1 \/ 22\s*4%/);
    const chase = page.locator('#cuibao ~ .table-scroll').first();
    expect(await chase.innerText()).toContain('辉县市水利局');
    expect(await chase.innerText()).not.toContain(SUBMITTED);
    const row = page.locator('#units ~ .table-scroll tr', { hasText: SUBMITTED });
    expect(await row.innerText()).toContain('已报送');
  });

  it('filters the board by unit category with a plain GET form', async () => {
    await page.getByLabel('单位类别').selectOption('局属建管局');
    await page.getByRole('button', { name: '筛选' }).click();
    expect(page.url()).toContain('category=');
    expect(await page.getByLabel('进度概况').innerText()).toMatch(/已报送\s*0 \/ 2/);
    await page.goto(`${live.site.url}/admin/`);
  });

  it('copies the 催报 text with the deadline and the link, ready to paste into WeChat', async () => {
    await page.getByRole('button', { name: '复制催报文字' }).click();
    await page.getByText('已复制，可以粘贴到微信或短信。').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('2099年12月31日 18:00（下班前）');
    expect(copied).toContain(`${live.site.url}/baosong/`);
    expect(copied).toContain('以下 21 个单位尚未报送');
    expect(copied).toBe(await page.locator('#cuibao-text').inputValue());
  });

  it('falls back to selecting and copying where the Clipboard API is missing, as on a plain-http intranet', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('旧内容'));
    const plainHttp = await organiser.newPage();
    await plainHttp.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await plainHttp.goto(`${live.site.url}/admin/`);
    await plainHttp.getByRole('button', { name: '复制催报文字' }).click();
    await plainHttp.getByText('已复制，可以粘贴到微信或短信。').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('以下 21 个单位尚未报送');
    await plainHttp.close();
  });

  it('works without JavaScript: sign-in, the board and the 催报 text to copy by hand', async () => {
    const noScript = await live.browser.newContext({ ...desktop, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${live.site.url}/admin/`);
    await plain.getByLabel('用户名').fill('admin');
    await plain.getByLabel('口令').fill(password());
    await plain.getByRole('button', { name: '登录' }).click();
    await plain.waitForURL(`${live.site.url}/admin/`);
    expect(await plain.locator('#cuibao-text').inputValue()).toContain('以下 21 个单位尚未报送');
    expect(await plain.getByRole('button', { name: '复制催报文字' }).count()).toBe(0);
    await noScript.close();
  });

  it('opens the submission with its report, photo and essays', async () => {
    await page.getByRole('link', { name: SUBMITTED }).click();
    await page.getByRole('heading', { name: SUBMITTED, level: 1 }).waitFor();
    expect(await page.locator('.report-text').first().innerText()).toContain('传达学习《质量强国建设纲要》');
    const thumb = page.getByRole('img', { name: '2月15日专题学习会' });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('.essay h3').allInnerTexts()).toEqual([ESSAY, '学习纲要的几点体会']);
  });

  it('marks an essay 优秀, which then appears on the public page, and withdraws it again', async () => {
    const essay = page.locator('.essay', { hasText: ESSAY });
    await essay.getByRole('button', { name: '评为优秀' }).click();
    await page.getByText('已评为优秀').waitFor();
    expect(await page.locator('.essay', { hasText: ESSAY }).innerText()).toContain('（优秀）');

    const reader = await live.browser.newPage(desktop);
    await reader.goto(`${live.site.url}/youxiu/`);
    const featured = reader.locator('section', { hasText: ESSAY });
    expect(await featured.innerText()).toContain(`${SUBMITTED}　科长　李华`);
    expect(await featured.innerText()).toContain('质量是水利工程的生命线');

    await page.locator('.essay', { hasText: ESSAY }).getByRole('button', { name: '撤回优秀' }).click();
    await page.getByText('已撤回').waitFor();
    await reader.reload();
    expect(await reader.locator('main').innerText()).toContain('优秀学习感想正在遴选中');
    await reader.close();
  });

  it('adopts a photo, which /youxiu/ then shows with its caption and unit as a lazy thumbnail of known size', async () => {
    await page.locator('.gallery li', { hasText: '2月15日专题学习会' }).getByRole('button', { name: '采用' }).click();
    await page.getByText('已采用，将在').waitFor();

    const reader = await live.browser.newPage(desktop);
    await reader.goto(`${live.site.url}/youxiu/`);
    const figure = reader.locator('.youxiu-photos figure', { hasText: '2月15日专题学习会' });
    expect(await figure.innerText()).toContain(SUBMITTED);
    const img = figure.getByRole('img', { name: '2月15日专题学习会' });
    expect(await img.getAttribute('loading')).toBe('lazy');
    expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await reader.close();
  });

  it('says beside the 工作简报 what is adopted for it and what is still needed', async () => {
    await page.goto(`${live.site.url}/admin/export/`);
    const readiness = await page.locator('[data-briefing-readiness]').innerText();
    expect(readiness).toContain('目前已采用工作信息 0 条、照片 1 张');
    expect(readiness).toContain('至少需要 1 条工作信息和 2 张照片');
  });

  it('downloads 汇总表.xlsx, named with the day’s Beijing date, with one row per unit', async () => {
    await page.goto(`${live.site.url}/admin/export/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载汇总表（Excel）' }).click()]);
    expect(download.suggestedFilename()).toBe(datedName('汇总表.xlsx', new Date()));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('汇总表')!;
    // A title, the export time and the header above the 22 units.
    expect(sheet.rowCount).toBe(25);
    const row = sheet.getRows(4, 22)!.find((r) => r.getCell(2).value === SUBMITTED)!;
    expect(row.getCell(4).value).toBe('已报送');
    expect(row.getCell(1).value).toEqual(expect.any(Number));
  });

  it('lists what the organiser did in the log, then signs out', async () => {
    await page.goto(`${live.site.url}/admin/log/`);
    const log = await page.locator('table').innerText();
    for (const action of ['登录失败', '登录', '查看报送材料', '评为优秀', '撤回优秀', '导出']) expect(log).toContain(action);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('已退出登录。').waitFor();
    await page.goto(`${live.site.url}/admin/`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });
});
