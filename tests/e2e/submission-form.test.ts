import { Document, Packer, Paragraph } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdf } from '../support/api-context.ts';
import { launchBrowser, phone } from '../support/browser.ts';
import {
  fillSubmission,
  openEnhancedForm,
  phonePhoto,
  startSubmissionSite,
  writeTempFiles,
  type SubmissionSite,
} from '../support/submission-site.ts';

let site: SubmissionSite;
let browser: Browser;
let photos: Record<string, string>;

beforeAll(async () => {
  site = await startSubmissionSite(inject('siteDir'));
  browser = await launchBrowser();
  const report = new Document({ sections: [{ children: [new Paragraph('卫辉市水利局关于学习《质量强国建设纲要》的情况汇报')] }] });
  photos = writeTempFiles({
    'IMG_0001.jpg': await phonePhoto(1, { width: 3200, height: 2400 }),
    'IMG_0002.jpg': await phonePhoto(2, { width: 1600, height: 1200 }),
    '情况汇报.docx': Buffer.from(await Packer.toBuffer(report)),
    '旧版汇报.doc': Buffer.from('not a docx'),
    '学习体会.pdf': pdf(),
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const codeOf = (unit: string): string => {
  const code = site.codes.get(unit);
  if (!code) throw new Error(`no code issued for ${unit}`);
  return code;
};

/** The receipt lists the unit and shows every photo it received. */
async function expectReceipt(page: Page, unit: string, photoCount: number): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'));
  expect(await page.locator('main').innerText()).toContain(unit);
  await expect.poll(() => page.locator('main img[src*="/api/files/"]').count()).toBe(photoCount);
}

describe('sending the 报送 material from a phone', () => {
  it('with JavaScript: photos upload one by one with progress, then the submit lands on the receipt', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    // A weak uplink, so that the progress bar has time to show.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 80,
      downloadThroughput: 1_000_000,
      uploadThroughput: 400_000,
    });
    await openEnhancedForm(page, site.url);
    await fillSubmission(page, '卫辉市水利局', codeOf('卫辉市水利局'));

    await page.setInputFiles('input[type="file"][accept="image/*"][multiple]', [photos['IMG_0001.jpg']!, photos['IMG_0002.jpg']!]);
    await page.locator('progress').first().waitFor();
    const fraction = await page
      .locator('progress')
      .first()
      .evaluate((bar) => (bar as HTMLProgressElement).value);
    expect(fraction).toBeLessThan(1);
    await page.fill('#f-photo_caption_1', '2月15日局党组集中学习《纲要》');
    await page.fill('#f-photo_caption_2', '座谈会现场');
    // The second photo should come first: moved with a button, as on a phone or a keyboard.
    await page.getByRole('button', { name: '第 2 张照片上移' }).click();
    expect(await page.inputValue('#f-photo_caption_1')).toBe('座谈会现场');
    expect(await page.inputValue('#f-photo_caption_2')).toBe('2月15日局党组集中学习《纲要》');

    // An old .doc is turned away on the phone, with what to do instead; the .docx goes up.
    await page.setInputFiles('#f-report_file', photos['旧版汇报.doc']!);
    expect(await page.locator('#f-report_file-error').innerText()).toContain('另存为');
    await page.setInputFiles('#f-report_file', photos['情况汇报.docx']!);
    await expect.poll(() => page.locator('[data-status="done"]').count(), { timeout: 60_000 }).toBe(3);
    expect(await page.locator('[data-status="done"]').first().innerText()).toBe('已上传');
    expect(await page.locator('#f-report_file-error').count()).toBe(0);
    // A PDF essay is turned away too, next to that essay: its text could not go into the 汇编.
    await page.setInputFiles('#f-essay_1_file', photos['学习体会.pdf']!);
    expect(await page.locator('#f-essay_1_file-error').innerText()).toContain('PDF 不行');
    expect(await page.locator('[data-status]').count()).toBe(3);

    await page.click('.sf-form button[type="submit"]');
    await expectReceipt(page, '卫辉市水利局', 2);
    const receipt = await page.locator('main').innerText();
    expect(receipt.indexOf('座谈会现场')).toBeLessThan(receipt.indexOf('2月15日局党组集中学习《纲要》'));
    expect(receipt).toContain('情况汇报.docx');
    await context.close();
  });

  it('without JavaScript: the plain multipart form posts and lands on the receipt', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`);
    expect(await page.locator('form[action="/baosong/"][enctype="multipart/form-data"]').count()).toBe(1);
    await fillSubmission(page, '辉县市水利局', codeOf('辉县市水利局'));
    await page.setInputFiles('#f-photo_1', photos['IMG_0002.jpg']!);
    await page.fill('#f-photo_caption_1', '集中学习现场');
    await page.click('.sf-form button[type="submit"]');
    await expectReceipt(page, '辉县市水利局', 1);
    await context.close();
  });

  it('without JavaScript: a wrong field comes back with a Chinese message, the typed text and the photo kept', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`);
    await fillSubmission(page, '长垣市水利局', codeOf('长垣市水利局'));
    await page.fill('#f-contact_phone', '打办公室电话');
    await page.setInputFiles('#f-photo_1', photos['IMG_0002.jpg']!);
    await page.fill('#f-photo_caption_1', '交流会现场');
    await page.click('.sf-form button[type="submit"]');
    await page.waitForLoadState('load');
    expect(await page.locator('#f-contact_phone-error').innerText()).toContain('联系电话格式不对');
    expect(await page.inputValue('#f-activity_1_participants')).toBe('45');
    // The photo already sent is kept as a checked 保留 box, so nothing is uploaded twice.
    expect(await page.locator('input[type="checkbox"][name="photo_token_1"]').isChecked()).toBe(true);
    expect(await page.inputValue('#f-photo_caption_1')).toBe('交流会现场');

    await page.fill('#f-code', codeOf('长垣市水利局'));
    await page.fill('#f-contact_phone', '0373-2079642');
    await page.click('.sf-form button[type="submit"]');
    await expectReceipt(page, '长垣市水利局', 1);
    await context.close();
  });

  it('with JavaScript: checks the form before sending and lists every problem in Chinese at the top', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    let submits = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/submissions')) submits++;
    });
    await openEnhancedForm(page, site.url);
    await page.fill('#f-contact_person', '王明');
    await page.click('.sf-form button[type="submit"]');
    const summary = page.locator('#form-errors');
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const text = await summary.innerText();
    expect(text).toContain('请选择报送单位。');
    expect(text).toContain('请填写联系电话。');
    // Missing materials are asked about only once the form is otherwise right, never listed as errors.
    expect(text).not.toContain('照片');
    expect(text).not.toContain('学习感想');
    expect(text).not.toContain('联系人姓名');
    expect(await page.locator('#f-unit_id-error').innerText()).toBe('请选择报送单位。');
    expect(submits).toBe(0);

    // Fixing a field clears its message at once.
    await page.selectOption('#f-unit_id', { label: '新乡县水利局' });
    await expect.poll(() => page.locator('#f-unit_id-error').count()).toBe(0);
    await context.close();
  });
});
