import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phone } from '../support/browser.ts';
import {
  openEnhancedForm,
  phonePhoto,
  startSubmissionSite,
  storedDraft,
  writeTempFiles,
  type SubmissionSite,
} from '../support/submission-site.ts';
import { emulateEngineIgnoringExif } from './submission-old-engine.ts';

let site: SubmissionSite;
let browser: Browser;
let files: Record<string, string>;

const heicFixture = resolve(import.meta.dirname, '../fixtures/photo-gps.heic');

beforeAll(async () => {
  site = await startSubmissionSite(inject('siteDir'));
  browser = await launchBrowser();
  files = writeTempFiles({
    'small.jpg': await phonePhoto(3, { width: 1200, height: 900 }),
    // Stored landscape with the red block top-left; EXIF says "turn 90° clockwise to view".
    'upright.jpg': await phonePhoto(4, { width: 3000, height: 2000, orientation: 6, marker: true }),
    'not-a-photo.jpg': Buffer.from('这不是照片，只是改了扩展名的文字文件。'.repeat(50)),
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function openForm(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await openEnhancedForm(page, site.url);
  return page;
}

async function chooseUnit(page: Page, unit: string, code = site.codes.get(unit) ?? ''): Promise<void> {
  await page.selectOption('#f-unit_id', { label: unit });
  await page.fill('#f-code', code);
}

const addPhotos = (page: Page, ...paths: string[]) => page.setInputFiles('input[type="file"][accept="image/*"][multiple]', paths);
const statusOf = (page: Page, n: number) =>
  page
    .locator('li[data-photo-id]')
    .nth(n - 1)
    .locator('[data-status]');

/** The upload tokens of the photos in the draft as IndexedDB holds it right now. */
async function storedPhotoTokens(page: Page): Promise<string[]> {
  const photos = (await storedDraft(page))?.photos ?? [];
  return photos.map((photo) => photo.token ?? '').filter(Boolean);
}

/** The file part of a captured multipart upload. */
function uploadedFile(body: Buffer): Buffer {
  const header = body.indexOf('name="file"');
  const start = body.indexOf('\r\n\r\n', header) + 4;
  const boundary = body.subarray(0, body.indexOf('\r\n'));
  return body.subarray(start, body.indexOf(Buffer.concat([Buffer.from('\r\n'), boundary]), start));
}

describe('photos on a weak connection', () => {
  it('keeps typed text and a chosen photo on the device and brings both back after a reload', async () => {
    const context = await browser.newContext(phone);
    const page = await openForm(context);
    await page.fill('#f-activity_1_participants', '32');
    await page.fill('#f-report_body', '我局于2月15日组织集中学习。');
    await addPhotos(page, files['small.jpg']!);
    await page.fill('#f-photo_caption_1', '集中学习现场');
    // Without a unit and code nothing is sent: the photo waits, safe on the device.
    await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 15_000 }).toBe('已保存在本机，等待上传');
    await expect.poll(() => page.locator('[data-draft-state="saved"]').count(), { timeout: 15_000 }).toBe(1);

    await page.reload();
    await page.waitForSelector('form[data-enhanced="true"]');
    await page.locator('[data-draft-state="restored"]').waitFor();
    expect(await page.inputValue('#f-activity_1_participants')).toBe('32');
    expect(await page.inputValue('#f-report_body')).toBe('我局于2月15日组织集中学习。');
    expect(await page.inputValue('#f-photo_caption_1')).toBe('集中学习现场');
    const preview = page.locator('li[data-photo-id] img');
    await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    // The restored photo still uploads once the unit and code are there.
    await chooseUnit(page, '卫辉市水利局');
    await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 30_000 }).toBe('已上传');

    // Once uploaded, a reload keeps its token: nothing goes up twice.
    await expect.poll(() => storedPhotoTokens(page), { timeout: 15_000 }).toHaveLength(1);
    let uploadsAfterReload = 0;
    await context.route('**/api/uploads', async (route) => {
      uploadsAfterReload++;
      await route.continue();
    });
    await page.reload();
    await page.locator('[data-draft-state="restored"]').waitFor();
    expect(await statusOf(page, 1).innerText()).toBe('已上传');
    expect(await page.inputValue('#f-code')).toBe(site.codes.get('卫辉市水利局'));
    await page.waitForTimeout(2000);
    expect(uploadsAfterReload).toBe(0);

    // 清除草稿 empties the form and the stored draft.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('text=清除草稿');
    await expect.poll(() => page.locator('li[data-photo-id]').count()).toBe(0);
    await page.reload();
    await page.waitForSelector('form[data-enhanced="true"]');
    expect(await page.inputValue('#f-activity_1_participants')).toBe('');
    expect(await page.locator('[data-draft-state="restored"]').count()).toBe(0);
    await context.close();
  });

  it('retries by itself when the connection drops in the middle of an upload', async () => {
    const context = await browser.newContext(phone);
    let attempts = 0;
    await context.route('**/api/uploads', async (route) => {
      attempts++;
      if (attempts === 1) await route.abort('connectionreset');
      else await route.continue();
    });
    const page = await openForm(context);
    await chooseUnit(page, '辉县市水利局');
    await addPhotos(page, files['small.jpg']!);
    await expect
      .poll(() => statusOf(page, 1).innerText(), { timeout: 15_000, interval: 50 })
      .toContain('网络不稳定，正在自动重试（第 1 次）');
    await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 30_000 }).toBe('已上传');
    expect(attempts).toBe(2);
    await context.close();
  });

  it('shows the server’s reason for refusing a file for good, offering 删除 rather than 重试', async () => {
    const context = await browser.newContext(phone);
    await context.route('**/api/uploads', (route) =>
      route.fulfill({ status: 413, contentType: 'application/json', body: JSON.stringify({ error: '这个照片超过 30 MB，没有收下。' }) }),
    );
    const page = await openForm(context);
    await chooseUnit(page, '长垣市水利局');
    await addPhotos(page, files['small.jpg']!);
    await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 15_000 }).toBe('这个照片超过 30 MB，没有收下。');
    const card = page.locator('li[data-photo-id]').first();
    expect(await card.getByRole('button', { name: '重试' }).count()).toBe(0);
    await card.getByRole('button', { name: '删除第 1 张照片' }).click();
    expect(await page.locator('li[data-photo-id]').count()).toBe(0);
    await context.close();
  });

  it('gives up after five automatic retries without losing the photo, and sends it on 重试', async () => {
    const context = await browser.newContext(phone);
    // Backoff waits of up to half a minute each, run on a fake clock.
    await context.clock.install();
    let serverDown = true;
    let attempts = 0;
    await context.route('**/api/uploads', async (route) => {
      attempts++;
      if (serverDown) await route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' });
      else await route.continue();
    });
    const page = await openForm(context);
    await chooseUnit(page, '长垣市水利局');
    await addPhotos(page, files['small.jpg']!);
    // The fake clock moves on until the photo has given up, however long a busy machine takes to
    // answer each try in real time: the test waits for the state, not for a number of steps.
    await expect
      .poll(
        async () => {
          await page.clock.runFor(2_000);
          return statusOf(page, 1).getAttribute('data-status');
        },
        { timeout: 120_000 },
      )
      .toBe('failed');
    expect(await statusOf(page, 1).innerText()).toBe('多次上传没有成功。请检查网络后点“重试”；照片已保存在本机，不会丢失。');
    expect(attempts).toBe(6);
    serverDown = false;
    await page.locator('li[data-photo-id]').first().getByRole('button', { name: '重试' }).click();
    await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 30_000 }).toBe('已上传');
    await context.close();
  });

  it('refuses a file that is not a photo with the server’s Chinese message', async () => {
    const context = await browser.newContext(phone);
    const page = await openForm(context);
    await chooseUnit(page, '新乡县水利局');
    await addPhotos(page, files['not-a-photo.jpg']!);
    await expect.poll(() => statusOf(page, 1).getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    expect(await statusOf(page, 1).innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await statusOf(page, 1).innerText()).not.toMatch(/Error|error|undefined/);
    await context.close();
  });

  it('holds uploads after a wrong 报送码, says so at the code, and sends them once it is corrected', async () => {
    const context = await browser.newContext(phone);
    const page = await openForm(context);
    await chooseUnit(page, '卫辉市水利局', 'AAAAAAAAAA');
    await addPhotos(page, files['small.jpg']!);
    await page.locator('#f-code-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('#f-code-error').innerText()).toContain('报送码不正确');
    expect(await statusOf(page, 1).getAttribute('data-status')).toBe('waiting');
    await page.fill('#f-code', site.codes.get('卫辉市水利局')!);
    await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 30_000 }).toBe('已上传');
    expect(await page.locator('#f-code-error').count()).toBe(0);
    await context.close();
  });

  it('sends a HEIC photo the browser cannot show as it is, and shows the server’s thumbnail', async () => {
    const context = await browser.newContext(phone);
    const page = await openForm(context);
    await chooseUnit(page, '辉县市水利局');
    const heic = writeTempFiles({ 'IMG_0100.HEIC': readFileSync(heicFixture) });
    const answered = page.waitForResponse('**/api/uploads', { timeout: 60_000 });
    await addPhotos(page, heic['IMG_0100.HEIC']!);
    // The server could only know the size of the 320×240 original if the HEIC itself arrived.
    expect(await (await answered).json()).toMatchObject({ width: 320, height: 240 });
    await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 15_000 }).toBe('已上传');
    expect(await page.locator('li[data-photo-id]').innerText()).not.toContain('.jpg');
    const preview = page.locator('li[data-photo-id] img');
    await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    await context.close();
  });
});

describe('downscaling on the phone before upload', () => {
  for (const engine of ['a current engine', 'an engine that ignores EXIF orientation, as Chromium 78 does']) {
    it(`sends a 6-MP photo at 2560 px, upright, from ${engine}`, async () => {
      const context = await browser.newContext(phone);
      if (engine.startsWith('an engine')) await emulateEngineIgnoringExif(context);
      let sent: Buffer | undefined;
      await context.route('**/api/uploads', async (route) => {
        sent = uploadedFile(route.request().postDataBuffer()!);
        await route.continue();
      });
      const page = await openForm(context);
      const emulated = await page.evaluate(() => !/native code/.test(String(window.createImageBitmap)));
      expect(emulated).toBe(engine.startsWith('an engine'));
      await chooseUnit(page, '新乡县水利局');
      await addPhotos(page, files['upright.jpg']!);
      await expect.poll(() => statusOf(page, 1).innerText(), { timeout: 60_000 }).toBe('已上传');
      const meta = await sharp(sent!).metadata();
      expect([meta.width, meta.height]).toEqual([1707, 2560]);
      expect(meta.orientation ?? 1).toBe(1);
      expect(sent!.length).toBeLessThan(readFileSync(files['upright.jpg']!).length);
      // The stored top-left marker, turned a quarter clockwise, must now be at the top right.
      const { data, info } = await sharp(sent!).raw().toBuffer({ resolveWithObject: true });
      const red = (x: number, y: number) => {
        const i = (y * info.width + x) * info.channels;
        return data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! < 60;
      };
      expect(red(info.width - 40, 40)).toBe(true);
      expect(red(40, 40)).toBe(false);
      await context.close();
    });
  }
});
