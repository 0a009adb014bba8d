/**
 * Measures a search page in real Chromium on a throttled phone: Slow 4G (562.5 ms latency,
 * 1.6 Mbit/s down) through CDP Network.emulateNetworkConditions and 4× CPU slowdown through
 * Emulation.setCPUThrottlingRate. Times are taken inside the page, from the input event of a query
 * to the moment the result list shows that query's results; between later queries the page is
 * left to paint, as it is between a reader's queries.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { phone } from '../support/browser.ts';

export const slow4g = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 };
export const cpuSlowdown = 4;

/** Installed before any page script: the input time of each query and when its results showed. */
const timingScript = `(() => {
  const start = {};
  const done = {};
  window.__searchTiming = { start, done };
  document.addEventListener('input', (event) => { start[event.target.value] = performance.now(); }, true);
  const check = () => {
    const list = document.querySelector('[data-search-results]');
    if (!list || list.getAttribute('aria-busy') === 'true') return;
    const query = list.getAttribute('data-query');
    if (query && start[query] !== undefined && done[query] === undefined) done[query] = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

export interface PageMeasure {
  /** From typing the first query to its first result, cold cache. */
  firstMs: number;
  /** Bytes on the wire (gzip, headers included) from the first input until the first results were complete. */
  bytesAfterTyping: number;
  /** Script bytes the page loaded before any input (the search island on our page). */
  scriptBytesWithPage: number;
  /** Each later query, input to results, caches warm. */
  laterMs: number[];
}

interface Transfer {
  url: string;
  type: string;
  afterTyping: boolean;
  bytes: number;
  done: boolean;
}

function trackTransfers(cdp: CDPSession, isAfterTyping: () => boolean): Map<string, Transfer> {
  const transfers = new Map<string, Transfer>();
  cdp.on('Network.requestWillBeSent', (e) => {
    transfers.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', afterTyping: isAfterTyping(), bytes: 0, done: false });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const t = transfers.get(e.requestId);
    if (t) Object.assign(t, { bytes: e.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const t = transfers.get(e.requestId);
    if (t) t.done = true;
  });
  return transfers;
}

async function settle(transfers: Map<string, Transfer>, page: Page): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ([...transfers.values()].some((t) => !t.done) && Date.now() < deadline) await page.waitForTimeout(100);
}

async function timeQuery(page: Page, input: string, query: string): Promise<number> {
  await page.fill(input, query);
  await page.waitForFunction(
    (q) => (window as never as { __searchTiming: { done: Record<string, number> } }).__searchTiming.done[q] !== undefined,
    query,
    {
      timeout: 60_000,
      // The time is taken inside the page; slow polling only keeps the checks from competing with it.
      polling: 100,
    },
  );
  return page.evaluate((q) => {
    const t = (window as never as { __searchTiming: { start: Record<string, number>; done: Record<string, number> } }).__searchTiming;
    return t.done[q]! - t.start[q]!;
  }, query);
}

/**
 * One cold visit: load the page on a throttled phone, wait until it is interactive, type the first
 * query, then the later ones one after the other.
 */
export async function measurePage(
  browser: Browser,
  url: string,
  options: { input: string; ready?: (page: Page) => Promise<void>; first: string; later: readonly string[] },
): Promise<PageMeasure> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    await page.addInitScript(timingScript);
    const cdp = await context.newCDPSession(page);
    let typing = false;
    const transfers = trackTransfers(cdp, () => typing);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', slow4g);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await options.ready?.(page);
    await settle(transfers, page);
    typing = true;
    const firstMs = await timeQuery(page, options.input, options.first);
    await settle(transfers, page);
    const all = [...transfers.values()];
    const bytesAfterTyping = all.filter((t) => t.afterTyping).reduce((sum, t) => sum + t.bytes, 0);
    const scriptBytesWithPage = all.filter((t) => !t.afterTyping && t.type === 'Script').reduce((sum, t) => sum + t.bytes, 0);
    const laterMs: number[] = [];
    for (const query of options.later) {
      // A reader pauses between queries: the previous results are painted before the next one starts.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
      laterMs.push(await timeQuery(page, options.input, query));
    }
    return { firstMs, bytesAfterTyping, scriptBytesWithPage, laterMs };
  } finally {
    await context.close();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
