import type { DatabaseSync } from 'node:sqlite';
import { findAccount, organiserConfig, prepareAccounts } from './accounts.ts';
import type { OrganiserConfig } from './organisers.ts';
import type { AstroCookies } from 'astro';
import { isHttps } from '#server/http/request-info.ts';
import { BodyTooLarge, LOGIN_CSRF_COOKIE, submittedToken } from './csrf.ts';
import { sameBytes } from '#server/secrets/same.ts';
import { adminArea, isDownloadPath, isLoginPath, LOGIN_PATH, type AdminArea } from './paths.ts';
import { findSession, SESSION_COOKIE, type AdminSession } from './sessions.ts';

/** The few parts of Astro's context the guard needs. */
export interface GuardContext {
  request: Request;
  url: URL;
  cookies: Pick<AstroCookies, 'get' | 'delete'>;
  locals: { admin?: AdminSession };
}

export interface GuardDeps {
  db: DatabaseSync;
  dataDir: string;
  /** Defaults to ADMIN_USERS and content/campaign/organisers.yaml. */
  config?: OrganiserConfig;
  now?: () => Date;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** An import file is small; anything bigger is refused before the body is read for the token. */
const MAX_POST_BYTES = 12 * 1024 * 1024;

function textResponse(status: number, message: string, area: AdminArea, extra: Record<string, string> = {}): Response {
  const headers = new Headers(extra);
  if (area === 'api') {
    headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify({ error: message }), { status, headers });
  }
  headers.set('content-type', 'text/html; charset=utf-8');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>组织方后台</title></head><body><main style="max-width:40em;margin:2em auto;padding:0 1em;font-family:sans-serif;line-height:1.7"><h1>组织方后台</h1><p>${message}</p><p><a href="${LOGIN_PATH}">前往登录页</a></p></main></body></html>`;
  return new Response(html, { status, headers });
}

function withConsoleHeaders(response: Response): Response {
  const apply = (headers: Headers) => {
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    headers.set('x-frame-options', 'DENY');
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'same-origin');
  };
  try {
    apply(response.headers);
    return response;
  } catch {
    // Response.redirect() and friends have immutable headers.
    const copy = new Response(response.body, response);
    apply(copy.headers);
    return copy;
  }
}

/** How every console cookie is set: script-proof, never sent cross-site, Secure over HTTPS. */
export const consoleCookie = (ctx: Pick<GuardContext, 'request' | 'url'>) =>
  ({ path: '/', httpOnly: true, sameSite: 'strict', secure: isHttps(ctx.request, ctx.url) }) as const;

const accountsReady = new WeakMap<DatabaseSync, Promise<void>>();

function refuseUnsigned(ctx: GuardContext, area: AdminArea, hadCookie: boolean): Response {
  const extra: Record<string, string> = {};
  if (hadCookie) ctx.cookies.delete(SESSION_COOKIE, consoleCookie(ctx));
  if (area === 'api') return textResponse(401, '未登录或登录已过期，请先登录组织方后台。', area, extra);
  if (isDownloadPath(ctx.url.pathname)) return textResponse(401, '未登录或登录已过期，请登录后再下载。', area, extra);
  const back = SAFE_METHODS.has(ctx.request.method) ? ctx.url.pathname + ctx.url.search : '/admin/';
  extra['location'] = `${LOGIN_PATH}?next=${encodeURIComponent(back)}${hadCookie ? '&expired=1' : ''}`;
  return new Response(null, { status: 303, headers: extra });
}

function tooLarge(request: Request): boolean {
  const length = Number(request.headers.get('content-length') ?? 0);
  return length > MAX_POST_BYTES;
}

const TOO_LARGE = '上传的文件太大，请不要超过 10 MB。';

/**
 * The one gate in front of /admin/ and /api/admin/: without a live session pages redirect to the
 * login page and APIs answer 401; every state-changing request must carry the session's CSRF
 * token. Astro's own origin check runs before this and stays on.
 */
export async function guardAdmin(ctx: GuardContext, next: () => Promise<Response>, deps: GuardDeps): Promise<Response> {
  const area = adminArea(ctx.url.pathname);
  if (!area) return next();
  try {
    return await guardArea(ctx, next, deps, area);
  } catch (error) {
    // A post without Content-Length whose body ran past the limit while its token was looked for.
    if (error instanceof BodyTooLarge) return withConsoleHeaders(textResponse(413, TOO_LARGE, area));
    throw error;
  }
}

async function guardArea(
  ctx: GuardContext,
  next: () => Promise<Response>,
  deps: GuardDeps,
  area: NonNullable<AdminArea>,
): Promise<Response> {
  const now = deps.now ?? (() => new Date());
  const config = deps.config ?? organiserConfig();
  if (!accountsReady.has(deps.db)) accountsReady.set(deps.db, prepareAccounts(deps.db, deps.dataDir, config));
  await accountsReady.get(deps.db);

  const unsafe = !SAFE_METHODS.has(ctx.request.method);
  if (unsafe && tooLarge(ctx.request)) return textResponse(413, TOO_LARGE, area);

  if (area === 'page' && isLoginPath(ctx.url.pathname)) {
    if (unsafe && !sameBytes(ctx.cookies.get(LOGIN_CSRF_COOKIE)?.value, await submittedToken(ctx.request, MAX_POST_BYTES))) {
      return withConsoleHeaders(textResponse(403, '登录页面已过期，请重新打开登录页再试（浏览器需要允许 Cookie）。', area));
    }
    return withConsoleHeaders(await next());
  }

  const cookie = ctx.cookies.get(SESSION_COOKIE)?.value;
  const session = findSession(deps.db, cookie, now());
  if (!session || !findAccount(deps.db, session.username, config)) {
    return withConsoleHeaders(refuseUnsigned(ctx, area, cookie !== undefined));
  }
  if (unsafe && !sameBytes(session.csrfToken, await submittedToken(ctx.request, MAX_POST_BYTES))) {
    return withConsoleHeaders(textResponse(403, '页面已过期或来源不明，操作未执行。请返回上一页，刷新后再试。', area));
  }
  ctx.locals.admin = session;
  return withConsoleHeaders(await next());
}
