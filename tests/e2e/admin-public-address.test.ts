import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAsInitialAdmin } from '../support/initial-admin.ts';
import { desktop, phone } from '../support/browser.ts';
import { useLiveSite } from '../support/live-site.ts';

// The organiser opens the console on the server itself (127.0.0.1), with no PUBLIC_URL set.
const live = useLiveSite({ CAMPAIGN_DEADLINE: '2099-12-31T18:00', ADMIN_USERS: '' });
let page: Page;

beforeAll(async () => {
  page = await (await live.browser.newContext(desktop)).newPage();
  await signInAsInitialAdmin(page, live.site);
});

describe('the address units use, in the console', () => {
  it('warns on the board that the 催报 link points at this computer and asks for the address once', async () => {
    const warning = page.getByRole('alert').filter({ hasText: '服务器本机的地址' });
    expect(await warning.innerText()).toContain(`${live.site.url}`);
    expect(await page.locator('#cuibao-text').inputValue()).toContain(`${live.site.url}/baosong/`);
    expect(await page.getByText('请确认各单位打开本站用的地址').count()).toBe(1);
  });

  it('keeps the address field inside its notice on a phone', async () => {
    const small = await (await live.browser.newContext(phone)).newPage();
    await small.context().addCookies(await page.context().cookies());
    await small.goto(`${live.site.url}/admin/`);
    const field = (await small.getByLabel('本站地址').boundingBox())!;
    const notice = (await small.locator('form.notice', { has: small.getByLabel('本站地址') }).boundingBox())!;
    expect(field.x + field.width).toBeLessThanOrEqual(notice.x + notice.width);
    await small.context().close();
  });

  it('refuses something that is not an address, in Chinese', async () => {
    await page.getByLabel('本站地址').fill('ftp://文件服务器');
    await page.getByRole('button', { name: '确认地址' }).click();
    expect(await page.getByRole('alert').filter({ hasText: '不是网址' }).count()).toBe(1);
  });

  it('keeps the confirmed address: the 催报 text and the code slips use it and the warning is gone', async () => {
    await page.getByLabel('本站地址').fill('10.1.2.3:4321');
    await page.getByRole('button', { name: '确认地址' }).click();
    await page.waitForURL(`${live.site.url}/admin/`);
    expect(await page.locator('#cuibao-text').inputValue()).toContain('http://10.1.2.3:4321/baosong/');
    expect(await page.getByText('服务器本机的地址').count()).toBe(0);
    expect(await page.getByLabel('本站地址').count()).toBe(0);

    await page.goto(`${live.site.url}/admin/units/`);
    await page.getByRole('button', { name: '为尚无报送码的单位生成' }).click();
    await page.waitForURL(/\/admin\/units\/codes\//);
    expect(await page.locator('body').innerText()).toContain('http://10.1.2.3:4321/baosong/');
  });
});
