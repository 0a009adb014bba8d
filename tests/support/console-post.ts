/**
 * Posts a form to a console route the way a browser does: through the real guard (session cookie,
 * CSRF token), then into the route's own handler with the session the guard attached.
 */
import type { APIContext, APIRoute } from 'astro';
import type { DatabaseSync } from 'node:sqlite';
import { guardAdmin, type GuardContext } from '#server/admin/guard.ts';
import { hashPassword } from '#server/admin/passwords.ts';
import { createSession, SESSION_COOKIE, type NewSession } from '#server/admin/sessions.ts';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { loadConfig } from '#server/config/config.ts';
import { astroCookies } from './astro-cookies.ts';

const ORIGIN = 'http://console.test';
const config = { organisers: [{ username: 'lishuhu', passwordHash: await hashPassword('pw') }], problems: [] };

export interface ConsolePoster {
  session: NewSession;
  /** Posts fields; `csrf` is added unless `withToken` is false, the cookie unless `signedIn` is false. */
  post(
    route: APIRoute,
    path: string,
    params: Record<string, string>,
    fields: Record<string, string>,
    options?: { signedIn?: boolean; withToken?: boolean },
  ): Promise<Response>;
}

export function consolePoster(db: DatabaseSync, dataDir: string, username = 'lishuhu'): ConsolePoster {
  const session = createSession(db, username);
  // What the middleware puts in Astro.locals for every request: the routes read it there.
  const settings = loadConfig({ DATA_DIR: dataDir });
  const requestContext = { config: settings, db, dataDir, campaign: loadCampaign({ config: settings }), address: '10.0.0.8' };
  return {
    session,
    async post(route, path, params, fields, { signedIn = true, withToken = true } = {}) {
      const url = new URL(ORIGIN + path);
      const body = new URLSearchParams({ ...fields, ...(withToken ? { csrf: session.csrfToken } : {}) });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };
      if (signedIn) headers['cookie'] = `${SESSION_COOKIE}=${session.cookieValue}`;
      const request = new Request(url, { method: 'POST', headers, body: body.toString() });
      const ctx: GuardContext = { request, url, cookies: astroCookies(request), locals: {} };
      return guardAdmin(
        ctx,
        async () =>
          route({
            request,
            url,
            params,
            locals: { ...requestContext, now: new Date(), ...ctx.locals },
            clientAddress: '10.0.0.8',
          } as unknown as APIContext),
        { db, dataDir, config },
      );
    },
  };
}
