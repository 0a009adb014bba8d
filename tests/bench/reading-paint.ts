/**
 * When the largest text of a reading page paints on a throttled phone, against a bare HTML page of
 * the same text served the same way: Slow 4G (CDP Network.emulateNetworkConditions) and 4× CPU
 * slowdown (Emulation.setCPUThrottlingRate), cache off, the largest-contentful-paint entry read in
 * the page. Site and bare loads alternate, so other work on the machine falls on both alike.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, phone } from '../support/browser.ts';
import { buildSite, startSite } from '../support/site.ts';
import { bareHtml, pageText, placeBarePage } from './reading-bytes.ts';
import { cpuSlowdown, median, slow4g } from './search-browser.ts';
import type { BenchTable } from './table.ts';

/** Target: the largest paint at most this many times that of the bare page. */
export const PAINT_BUDGET = 1.15;
// Single pairs of loads differ by ±0.2× on a shared machine; fifteen pairs hold the median ratio
// steady to a few hundredths, where nine moved it by up to 0.05× between runs.
const runs = Number(process.env['PAINT_BENCH_RUNS'] ?? 15);
const pages = ['/', '/gangyao/', '/tongzhi/', '/baosong/'];

/** One cold load on a throttled phone: milliseconds from navigation to the largest contentful paint. */
async function largestPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', slow4g);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1]!.startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

/** Requests that held up the first paint, as the page's own resource timing reports them. */
async function renderBlocking(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => (entry as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === 'blocking')
        .map((entry) => new URL(entry.name).pathname),
    );
  } finally {
    await context.close();
  }
}

export async function benchReadingPaint(): Promise<BenchTable> {
  const siteDir = await buildSite();
  const site = await startSite(siteDir);
  const browser = await launchBrowser();
  const removals: (() => void)[] = [];
  try {
    const rows: (string | number)[][] = [];
    const notes: string[] = [];
    for (const [i, path] of pages.entries()) {
      const text = await pageText(browser, `${site.url}${path}`);
      const bare = placeBarePage(siteDir, bareHtml(text.title, text.lines), `bench-bare-paint-${i}`);
      removals.push(bare.remove);
      const siteTimes: number[] = [];
      const bareTimes: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        siteTimes.push(await largestPaint(browser, `${site.url}${path}`));
        bareTimes.push(await largestPaint(browser, `${site.url}${bare.path}`));
      }
      const [ours, base] = [median(siteTimes), median(bareTimes)];
      // Each site load is compared with the bare load right after it: a pair shares whatever else
      // the machine was doing, which moves single loads by more than the difference measured here.
      const ratio = median(siteTimes.map((time, run) => time / bareTimes[run]!));
      const blocking = await renderBlocking(browser, `${site.url}${path}`);
      rows.push([
        path,
        Math.round(ours),
        Math.round(base),
        `${ratio.toFixed(2)}×`,
        ratio <= PAINT_BUDGET ? '达标' : '超出',
        blocking.length === 0 ? '无' : blocking.join('、'),
      ]);
      notes.push(`${path}：本站 ${siteTimes.map(Math.round).join('/')} ms，裸页 ${bareTimes.map(Math.round).join('/')} ms。`);
    }
    return {
      title: `阅读页最大内容绘制（LCP）与同文字裸 HTML 页对比（Chromium 手机视口，Slow 4G + CPU ${cpuSlowdown}× 降速，${runs} 次冷加载取中位数）`,
      columns: ['页面', '本站 LCP ms', '裸页 LCP ms', '倍数（逐对中位数）', `目标 ≤ ${PAINT_BUDGET}×`, '阻塞渲染的请求'],
      rows,
      notes: [
        '裸页是该页不开脚本时读者能读到的全部文字，每段一个 <p>，无样式无脚本，放进同一构建、由同一服务器（同样的 gzip 和响应头）送出；本站页与裸页交替加载。',
        '倍数是逐对比值（每次本站加载与紧随其后的裸页加载之比）的中位数：同一对共享机器当时的负载，单次加载因负载而起的波动比这里要量的差别还大。',
        `网络 ${slow4g.latency} ms 延迟、${(slow4g.downloadThroughput * 8) / 1e6} Mbit/s 下行，浏览器缓存关闭。`,
        ...notes,
      ],
    };
  } finally {
    for (const remove of removals) remove();
    await browser.close();
    await site.stop();
  }
}
