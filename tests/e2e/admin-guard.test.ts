import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consoleRoutes } from '../support/admin-routes.ts';
import { startSite, type RunningSite } from '../support/site.ts';
import { hashPassword } from '#server/admin/passwords.ts';

let site: RunningSite;
const PASSWORD = 'console-test-password';

beforeAll(async () => {
  site = await startSite(inject('siteDir'), { ADMIN_USERS: `lishuhu:${await hashPassword(PASSWORD)}` });
  await fetch(`${site.url}/baosong/`);
});

afterAll(async () => {
  await site?.stop();
});

/** Signs in through the real login form and returns the session cookie and the page's CSRF token. */
async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const loginPage = await fetch(`${site.url}/admin/login`);
  const loginCookie = loginPage.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!;
  const response = await fetch(`${site.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: site.url, cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: token, username: 'lishuhu', password: PASSWORD, next: '/admin/' }),
  });
  expect(response.status).toBe(303);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('baosong_admin='))!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  const session = cookie.split(';')[0]!;
  const board = await fetch(`${site.url}/admin/units/`, { headers: { cookie: session } });
  return { cookie: session, csrf: /name="csrf" value="([^"]+)"/.exec(await board.text())![1]! };
}

describe('the running site refuses the console to anyone not signed in', () => {
  const routes = consoleRoutes().filter((r) => !r.path.startsWith('/admin/login'));

  it.each(routes.map((r) => [r.path] as const))(
    '%s: pages redirect to the login, APIs and downloads answer 401, no unit data',
    async (path) => {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(`${site.url}${encodeURI(path)}`, {
          method,
          redirect: 'manual',
          headers: method === 'POST' ? { origin: site.url, 'content-type': 'application/x-www-form-urlencoded' } : {},
          body: method === 'POST' ? 'csrf=x' : null,
        });
        const body = await response.text();
        expect(body).not.toContain('水利局');
        if (path.startsWith('/api/') || path.startsWith('/admin/files/') || /\.[a-z]{3,4}$/.test(path)) expect(response.status).toBe(401);
        else {
          expect(response.status).toBe(303);
          expect(response.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
        }
      }
    },
  );

  it('refuses disguised console paths the router would still serve', async () => {
    for (const path of ['/%61dmin/', '/admin/units/%31/']) {
      const response = await fetch(`${site.url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(303);
    }
    const download = await fetch(`${site.url}/%61dmin/export/%E6%B1%87%E6%80%BB%E8%A1%A8.xlsx`, { redirect: 'manual' });
    expect(download.status).toBe(401);
  });
});

describe('console actions of a signed-in organiser', () => {
  it('are refused without the CSRF token, with a Chinese message', async () => {
    const { cookie } = await signIn();
    const response = await fetch(`${site.url}/admin/units/codes/`, {
      method: 'POST',
      headers: { origin: site.url, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'mode=all&confirm_regenerate=on',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('页面已过期或来源不明，操作未执行');
  });

  it('are refused from a foreign origin even with the right token', async () => {
    const { cookie, csrf } = await signIn();
    const response = await fetch(`${site.url}/admin/units/codes/`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, mode: 'missing' }),
    });
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).not.toContain('报送码');
    expect(page).toContain('这次提交不是从本站页面发出的');
  });

  it('go through with the session token from the same origin', async () => {
    const { cookie, csrf } = await signIn();
    const response = await fetch(`${site.url}/admin/units/codes/`, {
      method: 'POST',
      headers: { origin: site.url, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, mode: 'missing' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('已生成 22 个报送码');
  });

  it('stop working after signing out', async () => {
    const { cookie, csrf } = await signIn();
    const out = await fetch(`${site.url}/api/admin/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: site.url, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf }),
    });
    expect(out.status).toBe(303);
    const after = await fetch(`${site.url}/admin/`, { headers: { cookie }, redirect: 'manual' });
    expect(after.status).toBe(303);
  });
});
