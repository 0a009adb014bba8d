import { describe, expect, it } from 'vitest';
import { freshStore } from '../support/seed-submissions.ts';
import { consoleRoutes } from '../support/admin-routes.ts';
import { guardAdmin, type GuardContext } from '#server/admin/guard.ts';
import { hashPassword } from '#server/admin/passwords.ts';
import { createSession, IDLE_TIMEOUT_MS, SESSION_COOKIE } from '#server/admin/sessions.ts';
import { LOGIN_CSRF_COOKIE } from '#server/admin/csrf.ts';
import type { AstroCookies } from 'astro';
import { astroCookies, setCookies } from '../support/astro-cookies.ts';

const ORIGIN = 'http://console.test';
const SECRET = '卫辉市水利局 13900000001 情况汇报';
const config = { organisers: [{ username: 'lishuhu', passwordHash: await hashPassword('pw') }], problems: [] };

function context(path: string, init: RequestInit = {}, origin = ORIGIN): GuardContext {
  const url = new URL(origin + path);
  const request = new Request(url, init);
  return { request, url, cookies: astroCookies(request), locals: {} };
}

/** The Set-Cookie header Astro adds to the guard's answer (one cookie at most). */
const setCookie = (ctx: GuardContext) => setCookies(ctx.cookies as AstroCookies).join(', ');

/** Runs the guard in front of a route that would answer with unit data if it were reached. */
async function through(ctx: GuardContext, deps: { now?: () => Date } & ReturnType<typeof freshStore>) {
  let reached = false;
  const response = await guardAdmin(
    ctx,
    async () => {
      reached = true;
      return new Response(SECRET);
    },
    { db: deps.db, dataDir: deps.dataDir, config, ...(deps.now ? { now: deps.now } : {}) },
  );
  return { response, reached, body: await response.text() };
}

const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...(cookie ? { cookie } : {}) },
  body: new URLSearchParams(fields).toString(),
});

const routes = consoleRoutes();
/** Exports, uploads and the import template are files: refused with 401, never a login page. */
const isDownload = (path: string) => path.startsWith('/admin/files/') || /\.[a-z]{3,4}$/.test(path);

describe('every console route, found on disk', () => {
  it('includes the board, the login page and the export downloads', () => {
    const paths = routes.map((r) => r.path);
    expect(paths).toContain('/admin/');
    expect(paths).toContain('/admin/login/');
    expect(paths).toContain('/admin/export/汇总表.xlsx');
    expect(paths.length).toBeGreaterThan(5);
  });

  it.each(routes.map((r) => [r.file, r] as const))('%s is rendered on demand so the guard runs for it', (_, route) => {
    expect(route.source).toMatch(/export const prerender = false/);
  });

  it.each(routes.filter((r) => !r.path.startsWith('/admin/login')).map((r) => [r.path] as const))(
    '%s is refused without a session and reveals no unit data',
    async (path) => {
      const store = freshStore();
      for (const method of ['GET', 'POST'] as const) {
        const init = method === 'POST' ? form({ csrf: 'x' }) : {};
        const { response, reached, body } = await through(context(path, init), store);
        expect(reached).toBe(false);
        expect(body).not.toContain('卫辉市水利局');
        if (path.startsWith('/api/')) {
          expect(response.status).toBe(401);
          expect(JSON.parse(body)).toEqual({ error: '未登录或登录已过期，请先登录组织方后台。' });
        } else if (isDownload(path)) {
          expect(response.status).toBe(401);
          expect(body).toContain('未登录或登录已过期，请登录后再下载。');
        } else {
          expect(response.status).toBe(303);
          expect(response.headers.get('location')).toMatch(/^\/admin\/login\?next=/);
        }
      }
    },
  );
});

describe('the console guard', () => {
  it('recognises disguised console paths and refuses them too', async () => {
    const store = freshStore();
    for (const path of ['/%61dmin/', '//admin/', '/ADMIN/units/1/', '/api/%61dmin/logout', '/admin']) {
      const { reached, response } = await through(context(path), store);
      expect(reached, path).toBe(false);
      expect([303, 401]).toContain(response.status);
    }
  });

  it('leaves the rest of the site alone', async () => {
    const store = freshStore();
    for (const path of ['/baosong/', '/youxiu/', '/administration/', '/api/submissions']) {
      expect((await through(context(path), store)).reached, path).toBe(true);
    }
  });

  it('lets a signed-in organiser through and marks the answer not to be cached', async () => {
    const store = freshStore();
    const session = createSession(store.db, 'lishuhu');
    const { reached, response } = await through(
      context('/admin/', { headers: { cookie: `${SESSION_COOKIE}=${session.cookieValue}` } }),
      store,
    );
    expect(reached).toBe(true);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('signs out after 30 idle minutes and says the session expired', async () => {
    const store = freshStore();
    const start = new Date('2023-02-20T01:00:00Z');
    const session = createSession(store.db, 'lishuhu', start);
    const later = () => new Date(start.getTime() + IDLE_TIMEOUT_MS + 1000);
    const ctx = context('/admin/units/', { headers: { cookie: `${SESSION_COOKIE}=${session.cookieValue}` } });
    const { reached, response } = await through(ctx, { ...store, now: later });
    expect(reached).toBe(false);
    expect(response.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Funits%2F&expired=1');
    expect(setCookie(ctx)).toContain(`${SESSION_COOKIE}=deleted;`);
  });

  it('marks the cookie Secure when the console is served over HTTPS, directly or behind a proxy', async () => {
    const store = freshStore();
    const overTls = context('/admin/', { headers: { cookie: `${SESSION_COOKIE}=stale` } }, 'https://console.test');
    const proxied = context('/admin/', { headers: { cookie: `${SESSION_COOKIE}=stale`, 'x-forwarded-proto': 'https' } });
    const plain = context('/admin/', { headers: { cookie: `${SESSION_COOKIE}=stale` } });
    for (const ctx of [overTls, proxied, plain]) await through(ctx, store);
    expect(setCookie(overTls)).toContain('; Secure');
    expect(setCookie(proxied)).toContain('; Secure');
    expect(setCookie(plain)).not.toContain('Secure');
    expect(setCookie(plain)).toContain('HttpOnly; SameSite=Strict');
  });

  it('refuses a session whose account was removed from the configuration', async () => {
    const store = freshStore();
    const session = createSession(store.db, 'former-colleague');
    const { reached } = await through(context('/admin/', { headers: { cookie: `${SESSION_COOKIE}=${session.cookieValue}` } }), store);
    expect(reached).toBe(false);
  });
});

describe('CSRF protection on console actions', () => {
  const signedIn = () => {
    const store = freshStore();
    const session = createSession(store.db, 'lishuhu');
    return { store, session, cookie: `${SESSION_COOKIE}=${session.cookieValue}` };
  };

  it('refuses a form without the token, with a Chinese message', async () => {
    const { store, cookie } = signedIn();
    const { reached, response, body } = await through(context('/api/admin/logout', form({}, cookie)), store);
    expect(reached).toBe(false);
    expect(response.status).toBe(403);
    expect(body).toContain('页面已过期或来源不明，操作未执行');
  });

  it('refuses a form whose token belongs to another session', async () => {
    const { store, cookie } = signedIn();
    const other = createSession(store.db, 'lishuhu');
    const { reached, response } = await through(context('/admin/units/', form({ csrf: other.csrfToken }, cookie)), store);
    expect(reached).toBe(false);
    expect(response.status).toBe(403);
  });

  it('accepts the session token from the hidden field and still lets the route read the body', async () => {
    const { store, session, cookie } = signedIn();
    const ctx = context('/admin/units/', form({ csrf: session.csrfToken, action: 'x' }, cookie));
    let seen = '';
    const response = await guardAdmin(
      ctx,
      async () => {
        seen = String((await ctx.request.formData()).get('action'));
        return new Response('ok');
      },
      { db: store.db, dataDir: store.dataDir, config },
    );
    expect(response.status).toBe(200);
    expect(seen).toBe('x');
  });

  it('accepts the token in a multipart upload (the unit list import)', async () => {
    const { store, session, cookie } = signedIn();
    const body = new FormData();
    body.set('csrf', session.csrfToken);
    body.set('file', new Blob(['单位名称,类别\n']), 'units.csv');
    const { reached } = await through(context('/admin/units/', { method: 'POST', body, headers: { cookie, origin: ORIGIN } }), store);
    expect(reached).toBe(true);
  });

  it('guards the login form with its own cookie-paired token', async () => {
    const store = freshStore();
    const missing = await through(context('/admin/login', form({ username: 'a', password: 'b' })), store);
    expect(missing.reached).toBe(false);
    expect(missing.response.status).toBe(403);
    expect(missing.body).toContain('登录页面已过期');
    const paired = await through(
      context('/admin/login', form({ username: 'a', password: 'b', csrf: 'tok123' }, `${LOGIN_CSRF_COOKIE}=tok123`)),
      store,
    );
    expect(paired.reached).toBe(true);
  });

  it('stops reading a login post sent without a length once it passes the size limit, so it cannot fill memory', async () => {
    const store = freshStore();
    const chunk = new TextEncoder().encode(`csrf=tok123&filler=${'a'.repeat(1024 * 1024)}`);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const init = {
      method: 'POST',
      duplex: 'half',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: `${LOGIN_CSRF_COOKIE}=tok123` },
    } as RequestInit;
    const { reached, response, body: text } = await through(context('/admin/login', init), store);
    expect(reached).toBe(false);
    expect(response.status).toBe(413);
    expect(text).toContain('上传的文件太大');
    expect(pulled).toBeLessThan(20 * 1024 * 1024);
  });
});
