import { beforeAll, describe, expect, it } from 'vitest';
import { desktop } from '../support/browser.ts';
import { useLiveSite } from '../support/live-site.ts';
import { postCompleteSubmission } from '../support/posted-submission.ts';

const live = useLiveSite({ CAMPAIGN_DEADLINE: '2023-02-27T18:00', LATE_POLICY: 'accept' });
let receiptUrl: string;

beforeAll(async () => {
  receiptUrl = await postCompleteSubmission(live.site, '获嘉县水利局');
});

describe('the receipt in a real browser', () => {
  it('shows the number, the unit, 逾期 after the notice deadline, and the photo it received', async () => {
    const page = await live.browser.newPage(desktop);
    await page.goto(receiptUrl);
    const text = await page.locator('main').innerText();
    expect(text).toContain('BS2023-0001');
    expect(text).toContain('获嘉县水利局');
    expect(text).toContain('逾期');
    expect(text).toContain('2月15日专题学习会');
    expect(text).toContain('通知要求的材料均已收到');
    const loaded = await page.locator('main img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
    expect(loaded).toBe(480);
    await page.close();
  });

  it('shows markup typed into an essay as plain text and never runs it', async () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'">学习体会';
    const url = await postCompleteSubmission(live.site, '原阳县农业农村局', { essay_1_title: hostile });
    const page = await live.browser.newPage(desktop);
    await page.goto(url);
    expect(await page.locator('main').innerText()).toContain(hostile);
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });

  it('prints on paper without the site header, the navigation or the buttons', async () => {
    const page = await live.browser.newPage(desktop);
    await page.goto(receiptUrl);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.rc-actions').isVisible()).toBe(false);
    expect(await page.locator('h1', { hasText: '报送回执' }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('answers a link without its token with a Chinese 404 page', async () => {
    const page = await live.browser.newPage(desktop);
    const response = await page.goto(receiptUrl.replace(/\?t=.*/, '?t=wrong'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('找不到这份回执');
    await page.close();
  });
});
