/**
 * PUBLIC_URL, parsed one way for the server and for astro.config.mjs (which reads it at build time
 * to trust the proxy's forwarded headers for that address only). Plain TypeScript with no imports,
 * so the build configuration can load it before anything else exists.
 */

/** The site's public origin (`https://xuexi.example.gov.cn`), or a Chinese explanation of what is wrong. */
export function parsePublicUrl(value: string): { origin: URL } | { problem: string } {
  const problem = `PUBLIC_URL 应为以 http:// 或 https:// 开头的完整网址，如 https://xuexi.example.gov.cn，现在是 ${value}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return { problem };
  return { origin: new URL(url.origin) };
}
