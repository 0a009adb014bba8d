import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { searchDataPlugin } from '../src/reading/search/search-data-plugin.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // The server's search imports the build-time search data, as in the built site.
  plugins: [searchDataPlugin()],
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['tests/e2e/**/*.test.ts'],
          // One production build per run, shared by every browser test.
          globalSetup: ['tests/support/global-build.ts'],
          // Any Content-Security-Policy violation in any page fails the test that opened it.
          setupFiles: ['tests/support/csp-guard.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A browser on a shared, loaded machine can take seconds to do what takes milliseconds on a
          // quiet one; a condition that comes true is waited for, never timed (the default is 1 s).
          expect: { poll: { timeout: 30_000 } },
          // Two cores: one Chromium per worker is the most this machine carries without flaking.
          maxWorkers: 2,
        },
      },
      {
        // `npm run test:faults`: the server run as an intranet would run it (offline bundle, nginx in
        // front, kill -9, a full disk, slow clients). Root is needed for tmpfs and network namespaces.
        test: {
          name: 'faults',
          root,
          include: ['tests/faults/**/*.test.ts'],
          globalSetup: ['tests/support/global-build.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          // Each file starts servers, nginx or mounts of its own; one at a time keeps them apart.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
