/**
 * The headers every response of the site carries, set by the server that wraps Astro's handler
 * (src/cli/serve.ts), so prerendered pages, static files, API answers and error pages all get them.
 *
 * Pages carry Astro's own Content-Security-Policy in a <meta> (security.csp in astro.config.mjs:
 * script-src and style-src by hash). A <meta> policy cannot say frame-ancestors, so the header adds
 * what only a header can, and the two policies apply together. Everything that is not a page (JSON,
 * uploaded files, spreadsheets) gets a policy that allows nothing at all.
 */

/** Added to every HTML page; Astro's <meta> policy adds script-src and style-src. */
export const PAGE_POLICY = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

/** For answers that are not pages: nothing may run, load or frame them. */
export const STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** For the few pages the server writes by hand (refusals): inline styles only, no script at all. */
export const PLAIN_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Receipt links carry their token in the address: never pass it to another site.
  'referrer-policy': 'same-origin',
};

interface HeaderTarget {
  getHeader(name: string): number | string | string[] | undefined;
  setHeader(name: string, value: string): unknown;
}

/** Fills in the security headers a response has not set itself; called just before headers go out. */
export function applySecurityHeaders(res: HeaderTarget): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (res.getHeader(name) === undefined) res.setHeader(name, value);
  }
  const type = String(res.getHeader('content-type') ?? '');
  // Pages rendered on demand come as bare text/html: name the charset, so no browser ever guesses one
  // (a guessed charset is an old way to smuggle script past escaping).
  if (/^text\/html\s*$/i.test(type)) res.setHeader('content-type', 'text/html; charset=utf-8');
  const policy = res.getHeader('content-security-policy');
  if (policy === undefined) {
    res.setHeader('content-security-policy', /^text\/html/i.test(type) ? PAGE_POLICY : STRICT_POLICY);
  } else if (!/frame-ancestors/.test(String(policy))) {
    // Astro sends its policy as a header on pages rendered on demand; only a header can forbid framing.
    res.setHeader('content-security-policy', `${String(policy).replace(/;\s*$/, '')}; frame-ancestors 'none'`);
  }
}

/** Whether a request's path can be decoded at all (a stray % followed by non-hex cannot). */
export function hasReadablePath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  try {
    decodeURI(path);
    return true;
  } catch {
    return false;
  }
}

export const BAD_ADDRESS_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>网址有误</title></head><body style="font:18px/1.8 sans-serif;max-width:36em;margin:2em auto;padding:0 1em"><h1>网址有误</h1><p>这个网址中有无法识别的字符（可能是复制时不完整）。请检查网址，或从首页重新进入。</p><p><a href="/">返回首页</a></p></body></html>`;

const HEADERS_TOO_LARGE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>请求过大</title></head><body style="font:18px/1.8 sans-serif;max-width:36em;margin:2em auto;padding:0 1em"><h1>请求过大</h1><p>浏览器发送的信息（网址或 Cookie）过长，系统无法处理。请清除本站的 Cookie 后重新打开，或从首页重新进入。</p><p><a href="/">返回首页</a></p></body></html>`;

/**
 * The answer Node itself gives a request it cannot parse (a header past its limit, a broken request
 * line), written on the socket because no handler runs: in Chinese, with the same headers as the rest.
 */
export function clientErrorResponse(code: string | undefined): string {
  const tooLarge = code === 'HPE_HEADER_OVERFLOW';
  const html = tooLarge ? HEADERS_TOO_LARGE_PAGE : BAD_ADDRESS_PAGE;
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'content-security-policy': PLAIN_PAGE_POLICY,
    ...SECURITY_HEADERS,
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n${head}\r\n${html}`;
}
