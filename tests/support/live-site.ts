/**
 * The built site and a headless Chromium, started before a test file's tests and stopped after
 * them, for browser tests that need nothing else set up first.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startSite, type RunningSite } from './site.ts';

export interface LiveSite {
  site: RunningSite;
  browser: Browser;
}

/** Call at the top of a test file; the fields are filled in before its first test runs. */
export function useLiveSite(env: Record<string, string> = {}): LiveSite {
  const live = {} as LiveSite;
  beforeAll(async () => {
    live.site = await startSite(inject('siteDir'), env);
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.site?.stop();
  });
  return live;
}
