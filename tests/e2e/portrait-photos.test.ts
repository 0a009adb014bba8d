import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAsInitialAdmin } from '../support/initial-admin.ts';
import { launchBrowser, phone } from '../support/browser.ts';
import { fillSubmission, startSubmissionSite, writeTempFiles, type SubmissionSite } from '../support/submission-site.ts';

const UNIT = '获嘉县水利局';
let site: SubmissionSite;
let browser: Browser;
let portrait: string;

/** A 3:4 portrait photo: a red band along the top, a blue band along the bottom, green between. */
async function bandedPortrait(): Promise<Buffer> {
  const [width, height, band] = [900, 1200, 150];
  const block = (h: number, r: number, g: number, b: number) =>
    sharp({ create: { width, height: h, channels: 3, background: { r, g, b } } })
      .png()
      .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 160, b: 60 } } })
    .composite([
      { input: await block(band, 220, 20, 20), top: 0, left: 0 },
      { input: await block(band, 20, 40, 220), top: height - band, left: 0 },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Whether the thumbnail as drawn shows both bands, i.e. the whole photo rather than a middle crop. */
async function showsWholePhoto(thumbnail: Locator): Promise<{ red: boolean; blue: boolean }> {
  await thumbnail.scrollIntoViewIfNeeded();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const { data, info } = await sharp(await thumbnail.screenshot())
    .raw()
    .toBuffer({ resolveWithObject: true });
  let red = 0;
  let blue = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r > 170 && g < 90 && b < 90) red += 1;
    if (b > 170 && r < 90 && g < 110) blue += 1;
  }
  // A few stray pixels at an edge are not a band; a visible band is at least 2% of the thumbnail.
  const visible = (count: number) => count > (data.length / info.channels) * 0.02;
  return { red: visible(red), blue: visible(blue) };
}

const signIn = (page: Page) => signInAsInitialAdmin(page, site);

beforeAll(async () => {
  site = await startSubmissionSite(inject('siteDir'), { ADMIN_USERS: '' });
  browser = await launchBrowser();
  portrait = writeTempFiles({ 'portrait.jpg': await bandedPortrait() })['portrait.jpg']!;
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('a portrait photo', () => {
  it('is shown whole in the form, on the receipt and in the console', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${site.url}/baosong/`);
    await page.waitForSelector('form[data-enhanced="true"]');
    await fillSubmission(page, UNIT, site.codes.get(UNIT)!);
    await page.setInputFiles('input[type="file"][accept="image/*"][multiple]', portrait);
    await expect.poll(() => page.locator('li[data-photo-id] [data-status]').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await showsWholePhoto(page.locator('li[data-photo-id] img').first())).toEqual({ red: true, blue: true });
    await page.locator('li[data-photo-id] input[type="text"]').first().fill('专题会现场');
    await page.click('.sf-form button[type="submit"]');
    await page.waitForURL((url) => url.pathname.startsWith('/baosong/huizhi/'), { timeout: 60_000 });
    expect(await showsWholePhoto(page.locator('.rc-photos img').first())).toEqual({ red: true, blue: true });

    const organiser = await context.newPage();
    await signIn(organiser);
    await organiser.getByRole('link', { name: UNIT, exact: true }).first().click();
    expect(await showsWholePhoto(organiser.locator('.gallery img').first())).toEqual({ red: true, blue: true });
    await context.close();
  });
});
