// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';

// Old intranet browsers (360 安全浏览器 in its Chromium 78 core, older WeChat X5) are real targets:
// every bundle and stylesheet is lowered to that engine.
const legacyTarget = 'chrome78';

// Tests build into their own folder so that concurrent runs never share a dist/.
const outDir = process.env.ASTRO_OUT_DIR ?? './dist';

export default defineConfig({
  output: 'static',
  outDir,
  cacheDir: process.env.ASTRO_OUT_DIR ? `${outDir}/.cache` : './node_modules/.astro',
  adapter: node({ mode: 'standalone' }),
  integrations: [svelte()],
  server: { port: 4321, host: 'localhost' },
  // Astro's CSRF guard for form posts stays on: the organiser console and the submission form rely on it.
  security: { checkOrigin: true },
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  vite: {
    build: { target: legacyTarget, cssTarget: legacyTarget },
    esbuild: { target: legacyTarget },
    // Astro sets the client environment's build.target to esnext after reading the options above,
    // which would ship ?. and ??= to Chromium 78; this hook runs later and restores the target.
    plugins: [
      {
        name: 'legacy-client-target',
        configEnvironment: (name) => (name === 'client' ? { build: { target: legacyTarget, cssTarget: legacyTarget } } : undefined),
      },
    ],
  },
});
