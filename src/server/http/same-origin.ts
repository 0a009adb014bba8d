/**
 * The cross-site form check Astro's `security.checkOrigin` makes, made first so that a refused post
 * gets a Chinese page instead of Astro's English one. Astro's own check stays on behind it.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * `publicOrigin` is the site's address behind a proxy (PUBLIC_URL): a browser cannot forge its
 * Origin header, so a post that names it comes from the site even when the proxy rewrote Host.
 */
export function isCrossSiteFormPost(
  method: string,
  headers: { origin?: string | undefined; host?: string | undefined; 'content-type'?: string | undefined },
  publicOrigin?: string,
): boolean {
  if (SAFE_METHODS.includes(method.toUpperCase())) return false;
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // Astro's check also treats a body without any Content-Type (a bare DELETE or PUT) as a form.
  if (type !== '' && !FORM_TYPES.includes(type)) return false;
  if (publicOrigin && headers.origin === publicOrigin) return false;
  if (!headers.origin || !headers.host) return true;
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true;
  }
}

export const CROSS_SITE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>请求被拒绝</title></head><body style="font:18px/1.8 sans-serif;max-width:36em;margin:2em auto;padding:0 1em"><h1>请求被拒绝</h1><p>这次提交不是从本站页面发出的，为了保护已保存的材料，系统没有处理它。</p><p>请回到本站页面重新打开表单后再提交。已经保存的内容不受影响。</p><p><a href="/">返回首页</a></p></body></html>`;
