import { describe, expect, it } from 'vitest';
import { isCrossSiteFormPost } from '#server/http/same-origin.ts';

const form = 'multipart/form-data; boundary=x';

describe('cross-site form posts', () => {
  it('lets a form posted from the site itself through', () => {
    expect(isCrossSiteFormPost('POST', { origin: 'http://10.1.2.3:4321', host: '10.1.2.3:4321', 'content-type': form })).toBe(false);
  });

  it('refuses a form posted from another site', () => {
    expect(isCrossSiteFormPost('POST', { origin: 'http://evil.example', host: '10.1.2.3:4321', 'content-type': form })).toBe(true);
  });

  it('refuses a form post without an Origin, as Astro does', () => {
    expect(isCrossSiteFormPost('POST', { host: 'localhost:4321', 'content-type': 'application/x-www-form-urlencoded' })).toBe(true);
  });

  it('lets a post through a proxy that names the public address, even when the proxy rewrote Host', () => {
    const headers = { origin: 'https://xuexi.example.gov.cn', host: '127.0.0.1:4321', 'content-type': form };
    expect(isCrossSiteFormPost('POST', headers, 'https://xuexi.example.gov.cn')).toBe(false);
    expect(isCrossSiteFormPost('POST', headers)).toBe(true);
  });

  it('leaves reads and JSON requests to the routes', () => {
    expect(isCrossSiteFormPost('GET', { origin: 'http://evil.example', host: 'x', 'content-type': form })).toBe(false);
    expect(isCrossSiteFormPost('POST', { origin: 'http://evil.example', host: 'x', 'content-type': 'application/json' })).toBe(false);
    expect(isCrossSiteFormPost('DELETE', { host: 'x' })).toBe(true);
    expect(isCrossSiteFormPost('PUT', { origin: 'http://x', host: 'x' })).toBe(false);
  });
});
