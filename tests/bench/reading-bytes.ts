/**
 * Bytes a reader's phone downloads for a cold load of /gangyao/ (HTML, CSS, JS, fonts, icons as
 * served, gzip included) against a bare HTML page holding the same text, served the same way.
 * Measured in real Chromium through CDP (Network.loadingFinished → encodedDataLength, headers
 * included), with the resource bodies re-fetched to show raw and gzip sizes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser, phone } from '../support/browser.ts';
import { buildSite, startSite } from '../support/site.ts';
import type { BenchTable } from './table.ts';

/** The budget of the reading pages: at most this many times the bytes of the bare text. */
export const BUDGET_RATIO = 1.3;

const BARE_FOLDER = 'bench-bare-gangyao';

interface Loaded {
  url: string;
  type: string;
  transferred: number;
}

/** Every response of one uncached page load, with the bytes that crossed the wire. */
export async function coldLoad(browser: Browser, url: string): Promise<Loaded[]> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const responses = new Map<string, { url: string; type: string }>();
    const finished = new Map<string, number>();
    cdp.on('Network.responseReceived', (event) => responses.set(event.requestId, { url: event.response.url, type: event.type ?? 'Other' }));
    cdp.on('Network.loadingFinished', (event) => finished.set(event.requestId, event.encodedDataLength));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'networkidle' });
    return [...responses].map(([id, response]) => ({ ...response, transferred: finished.get(id) ?? 0 }));
  } finally {
    await context.close();
  }
}

/** All the text of the page as a reader gets it without JavaScript (chrome included), one line per block. */
export async function pageText(browser: Browser, url: string): Promise<{ title: string; lines: string[] }> {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(() => {
      const blocks = /^(P|H[1-6]|LI|SECTION|ARTICLE|DIV|UL|OL|DETAILS|SUMMARY|NAV|HEADER|FOOTER|MAIN|FORM|TABLE|TR|TD|TH)$/;
      const out: string[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === 3) out.push(node.nodeValue ?? '');
        if (node.nodeType !== 1 || /^(SCRIPT|STYLE|TEMPLATE)$/.test((node as Element).tagName)) return;
        const block = blocks.test((node as Element).tagName);
        if (block) out.push('\n');
        node.childNodes.forEach(walk);
        if (block) out.push('\n');
      };
      walk(document.body);
      const lines = out
        .join('')
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      return { title: document.title, lines };
    });
  } finally {
    await context.close();
  }
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function bareHtml(title: string, lines: string[]): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title>\n${lines.map((l) => `<p>${escape(l)}`).join('\n')}\n`;
}

/**
 * Puts the bare page into the built site for the length of the run, so that it is served exactly
 * like the real page: same server, same gzip, same headers, and a browser asking for the icon.
 */
export function placeBarePage(siteDir: string, html: string, folderName = BARE_FOLDER): { path: string; remove(): void } {
  const folder = join(siteDir, 'client', folderName);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), html);
  return { path: `/${folderName}/`, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

async function rawBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  return Buffer.from(await response.arrayBuffer());
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const ratio = (a: number, b: number) => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

export async function benchReadingBytes(): Promise<BenchTable> {
  const siteDir = await buildSite();
  const site = await startSite(siteDir);
  const browser = await launchBrowser();
  let bare: ReturnType<typeof placeBarePage> | undefined;
  try {
    const loads = await coldLoad(browser, `${site.url}/gangyao/`);
    const text = await pageText(browser, `${site.url}/gangyao/`);
    const bareBody = Buffer.from(bareHtml(text.title, text.lines));
    bare = placeBarePage(siteDir, bareBody.toString());
    const bareLoads = await coldLoad(browser, `${site.url}${bare.path}`);
    const rows: (string | number)[][] = [];
    const raws: number[] = [];
    const gz: number[] = [];
    for (const load of loads) {
      const body = await rawBytes(load.url);
      raws.push(body.length);
      gz.push(gzipSync(body).length);
      rows.push([new URL(load.url).pathname, load.type, load.transferred, body.length, gzipSync(body).length]);
    }
    const siteTotal = sum(loads.map((l) => l.transferred));
    const bareTotal = sum(bareLoads.map((l) => l.transferred));
    rows.push(['/gangyao/ 合计', `${loads.length} 个请求`, siteTotal, sum(raws), sum(gz)]);
    rows.push(['基线：同样文字的裸 HTML', `${bareLoads.length} 个请求`, bareTotal, bareBody.length, gzipSync(bareBody).length]);
    rows.push([
      '倍数（/gangyao/ ÷ 基线）',
      `预算 ≤ ${BUDGET_RATIO}×`,
      ratio(siteTotal, bareTotal),
      ratio(sum(raws), bareBody.length),
      ratio(sum(gz), gzipSync(bareBody).length),
    ]);
    return {
      title: '纲要页冷启动下载字节（Chromium 实测，含 HTTP 头）',
      columns: ['资源', '类型', '传输字节', '原始字节', 'gzip 字节'],
      rows,
      notes: [
        `基线页是 /gangyao/ 上读者能读到的全部文字（${text.lines.length} 段：正文、注释、目录、页头页脚），每段一个 <p>，不含样式和脚本。`,
        `基线页放进同一构建、由同一服务器（同样的 gzip 和响应头）送出；浏览器缓存已关闭。基线的请求：${bareLoads.map((l) => new URL(l.url).pathname).join('、')}。`,
        `结果：${siteTotal <= bareTotal * BUDGET_RATIO ? '在预算内' : '超出预算'}（${ratio(siteTotal, bareTotal)}）。`,
      ],
    };
  } finally {
    bare?.remove();
    await browser.close();
    await site.stop();
  }
}
