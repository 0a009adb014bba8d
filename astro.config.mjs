// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { searchDataPlugin } from './src/reading/search/search-data-plugin.ts';
import { parsePublicUrl } from './src/server/config/public-url.ts';
import { homeDataPlugin } from './src/reading/home/home-data-plugin.ts';

// Old intranet browsers (360 安全浏览器 in its Chromium 78 core, older WeChat X5) are real targets:
// every bundle and stylesheet is lowered to that engine.
const legacyTarget = 'chrome78';

// Tests build into their own folder so that concurrent runs never share a dist/.
const outDir = process.env.ASTRO_OUT_DIR ?? './dist';

/**
 * Behind an HTTPS proxy the browser's Origin is https://… while the app hears plain http: Astro trusts
 * X-Forwarded-Proto/Host only for the address named in PUBLIC_URL, so form posts keep working there.
 */
function publicDomains() {
  // The build's own read of PUBLIC_URL (the server reads it in src/server/config/config.ts), parsed
  // by the same function so that both agree on what the address is.
  const value = process.env.PUBLIC_URL?.trim();
  if (!value) return [];
  const parsed = parsePublicUrl(value);
  if ('problem' in parsed) throw new Error(parsed.problem);
  const url = parsed.origin;
  return [{ protocol: url.protocol.replace(':', ''), hostname: url.hostname, ...(url.port ? { port: url.port } : {}) }];
}

/** The one inline script (Base.astro restores 大字模式 before first paint), allowed by its hash. */
const inlineScriptHash = /** @type {const} */ (
  `sha256-${createHash('sha256')
    .update(readFileSync(new URL('./src/layouts/daziti-restore.js', import.meta.url)))
    .digest('base64')}`
);

export default defineConfig({
  output: 'static',
  outDir,
  cacheDir: process.env.ASTRO_OUT_DIR ? `${outDir}/.cache` : './node_modules/.astro',
  adapter: node({ mode: 'standalone' }),
  integrations: [svelte()],
  server: { port: 4321, host: 'localhost' },
  // Astro's CSRF guard for form posts stays on: the organiser console and the submission form rely on it.
  // Every page gets a Content-Security-Policy: scripts and styles only from the site or by hash, as
  // Astro computes them; src/cli/serve.ts adds what only a header can say (frame-ancestors).
  security: {
    checkOrigin: true,
    allowedDomains: publicDomains(),
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { hashes: [inlineScriptHash] },
    },
  },
  // The texts hold no code: no highlighter, whose inline styles the CSP above would refuse.
  markdown: { syntaxHighlight: false },
  trailingSlash: 'ignore',
  // Every stylesheet is small: inlined, it paints with the HTML instead of costing another round trip.
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  vite: {
    build: { target: legacyTarget, cssTarget: legacyTarget },
    esbuild: { target: legacyTarget },
    // Astro sets the client environment's build.target to esnext after reading the options above,
    // which would ship ?. and ??= to Chromium 78; this hook runs later and restores the target.
    plugins: [
      searchDataPlugin(),
      homeDataPlugin(),
      {
        name: 'legacy-client-target',
        configEnvironment: (name) => (name === 'client' ? { build: { target: legacyTarget, cssTarget: legacyTarget } } : undefined),
      },
    ],
  },
});
