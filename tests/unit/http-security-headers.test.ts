import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, clientErrorResponse, hasReadablePath, PAGE_POLICY, STRICT_POLICY } from '#server/http/security-headers.ts';

function response(headers: Record<string, string>) {
  const map = new Map(Object.entries(headers));
  return {
    getHeader: (name: string) => map.get(name),
    setHeader: (name: string, value: string) => map.set(name, value),
    map,
  };
}

describe('the security headers every response gets', () => {
  it('adds nosniff, DENY, same-origin referrers and the page policy to an HTML page', () => {
    const res = response({ 'content-type': 'text/html' });
    applySecurityHeaders(res);
    expect(Object.fromEntries(res.map)).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'content-security-policy': PAGE_POLICY,
    });
  });

  it('names the charset of a page that came without one, and leaves every other type alone', () => {
    const page = response({ 'content-type': 'text/html' });
    applySecurityHeaders(page);
    expect(page.map.get('content-type')).toBe('text/html; charset=utf-8');
    for (const type of ['text/html; charset=utf-8', 'application/json; charset=utf-8', 'image/jpeg']) {
      const other = response({ 'content-type': type });
      applySecurityHeaders(other);
      expect(other.map.get('content-type'), type).toBe(type);
    }
  });

  it('gives JSON, files and scripts a policy that allows nothing', () => {
    for (const type of ['application/json', 'image/jpeg', 'text/javascript', '']) {
      const res = response(type ? { 'content-type': type } : {});
      applySecurityHeaders(res);
      expect(res.map.get('content-security-policy'), type).toBe(STRICT_POLICY);
    }
  });

  it("adds frame-ancestors to Astro's own policy header and keeps a route's complete policy as it is", () => {
    const astro = response({ 'content-type': 'text/html', 'content-security-policy': "script-src 'self' 'sha256-x';" });
    applySecurityHeaders(astro);
    expect(astro.map.get('content-security-policy')).toBe("script-src 'self' 'sha256-x'; frame-ancestors 'none'");
    const own = response({ 'content-security-policy': STRICT_POLICY });
    applySecurityHeaders(own);
    expect(own.map.get('content-security-policy')).toBe(STRICT_POLICY);
  });

  it('tells an address that cannot be decoded from one that can', () => {
    expect(hasReadablePath('/baosong/%ff')).toBe(false);
    expect(hasReadablePath('/%E4%B8%AD%ZZ/')).toBe(false);
    expect(hasReadablePath('/search/?q=%ZZ')).toBe(true);
    expect(hasReadablePath('/yuedu/%E4%B8%AD/')).toBe(true);
  });

  it("answers Node's own parse errors with a Chinese page and the same headers", () => {
    const answer = clientErrorResponse('HPE_HEADER_OVERFLOW');
    expect(answer.startsWith('HTTP/1.1 431 ')).toBe(true);
    expect(answer).toContain('x-frame-options: DENY');
    expect(answer).toContain('请求过大');
    expect(clientErrorResponse('HPE_INVALID_METHOD').startsWith('HTTP/1.1 400 ')).toBe(true);
  });
});
