import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, startSite, type RunningSite } from '../support/site.ts';

// An office that puts the site behind an HTTPS proxy (nginx terminating TLS, plain http upstream).
const publicUrl = 'https://xuexi.example.gov.cn';
let site: RunningSite;

beforeAll(async () => {
  site = await startSite(await buildSite({ PUBLIC_URL: publicUrl }), { PUBLIC_URL: publicUrl });
});

afterAll(async () => {
  await site?.stop();
});

/** A login post as the proxy forwards it: the browser's https Origin, the proxy's own Host. */
function postThroughProxy(origin: string): Promise<Response> {
  return fetch(`${site.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'xuexi.example.gov.cn',
    },
    body: 'username=admin&password=wrong',
  });
}

describe('behind an HTTPS proxy named in PUBLIC_URL', () => {
  it('lets a form posted from the public address reach the site', async () => {
    const page = await (await postThroughProxy(publicUrl)).text();
    expect(page).not.toContain('Cross-site');
    expect(page).not.toContain('这次提交不是从本站页面发出的');
    expect(page).toContain('登录');
  });

  it('still refuses a form posted from another site, in Chinese', async () => {
    const response = await postThroughProxy('https://evil.example');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('这次提交不是从本站页面发出的');
  });
});
