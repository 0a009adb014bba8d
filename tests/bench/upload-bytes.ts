/**
 * Bytes a liaison's phone uploads for 10 photos from a 24-MP camera (6000×4000 JPEGs at quality
 * 90, grain included so they weigh what a phone writes): through the enhanced form, which
 * downscales on the device to LIMITS.photoEdge before uploading, against the plain form, which
 * sends the originals. Both in real Chromium at phone size, counted on the wire by a proxy in front
 * of the real server.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { LIMITS } from '#shared/limits.ts';
import { launchBrowser, phone } from '../support/browser.ts';
import { buildSite } from '../support/site.ts';
import { fillSubmission, phonePhoto, startSubmissionSite, writeTempFiles } from '../support/submission-site.ts';
import type { BenchTable } from './table.ts';

const PHOTOS = 10;
const MB = 1024 * 1024;

interface CountingProxy {
  url: string;
  /** Request body bytes per "METHOD /path" since the last reset. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

/** Forwards everything to `target` and counts the bytes each request body carried. */
async function countingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const sent = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const key = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => sent.set(key, (sent.get(key) ?? 0) + bytes));
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, sent, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const totalFor = (sent: Map<string, number>, prefix: string) =>
  [...sent].filter(([key]) => key.startsWith(prefix)).reduce((sum, [, bytes]) => sum + bytes, 0);

async function enhancedRun(browser: Browser, url: string, unit: string, code: string, paths: string[]): Promise<number> {
  const context = await browser.newContext(phone);
  try {
    const page: Page = await context.newPage();
    await page.goto(`${url}/baosong/`);
    await page.waitForSelector('form[data-enhanced="true"]');
    await fillSubmission(page, unit, code);
    const started = Date.now();
    await page.setInputFiles('input[type="file"][accept="image/*"][multiple]', paths);
    await page.waitForFunction((n) => document.querySelectorAll('[data-status="done"]').length === n, paths.length, {
      timeout: 600_000,
      polling: 500,
    });
    const seconds = (Date.now() - started) / 1000;
    for (let n = 1; n <= paths.length; n++) await page.fill(`#f-photo_caption_${n}`, `活动照片 ${n}`);
    await page.click('.sf-form button[type="submit"]');
    await page.waitForURL((address) => address.pathname.startsWith('/baosong/huizhi/'), { timeout: 120_000 });
    return seconds;
  } finally {
    await context.close();
  }
}

async function plainRun(browser: Browser, url: string, unit: string, code: string, paths: string[]): Promise<number> {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/baosong/`);
    await fillSubmission(page, unit, code);
    // Rows past the third sit in a folded 还有照片？ section, as a liaison would open it.
    await page.click('.sf-form details summary');
    for (const [index, path] of paths.entries()) {
      await page.setInputFiles(`#f-photo_${index + 1}`, path);
      await page.fill(`#f-photo_caption_${index + 1}`, `活动照片 ${index + 1}`);
    }
    const started = Date.now();
    await page.click('.sf-form button[type="submit"]');
    await page.waitForURL((address) => address.pathname.startsWith('/baosong/huizhi/'), { timeout: 600_000 });
    return (Date.now() - started) / 1000;
  } finally {
    await context.close();
  }
}

export async function benchUploadBytes(): Promise<BenchTable> {
  const photos: Record<string, Buffer> = {};
  for (let i = 1; i <= PHOTOS; i++)
    photos[`IMG_${String(i).padStart(4, '0')}.jpg`] = await phonePhoto(100 + i, { width: 6000, height: 4000 });
  const originalBytes = Object.values(photos).reduce((sum, photo) => sum + photo.length, 0);
  const paths = Object.values(writeTempFiles(photos));

  const site = await startSubmissionSite(await buildSite());
  const proxy = await countingProxy(site.url);
  const browser = await launchBrowser();
  try {
    const [enhancedUnit, plainUnit] = [...site.codes.keys()];
    if (!enhancedUnit || !plainUnit) throw new Error('样例单位不足两个，无法对比两种上传方式');
    const enhancedSeconds = await enhancedRun(browser, proxy.url, enhancedUnit, site.codes.get(enhancedUnit)!, paths);
    const enhanced = { photos: totalFor(proxy.sent, 'POST /api/uploads'), submit: totalFor(proxy.sent, 'POST /api/submissions') };
    proxy.sent.clear();
    const plainSeconds = await plainRun(browser, proxy.url, plainUnit, site.codes.get(plainUnit)!, paths);
    const plain = totalFor(proxy.sent, 'POST /baosong/');

    const row = (label: string, bytes: number, seconds: number | string): (string | number)[] => [
      label,
      bytes,
      Math.round(bytes / PHOTOS / 1024),
      `${((bytes / originalBytes) * 100).toFixed(1)}%`,
      typeof seconds === 'number' ? seconds.toFixed(1) : seconds,
    ];
    return {
      title: `上传字节：${PHOTOS} 张 2400 万像素手机照片（6000×4000）`,
      columns: ['方式', '上传字节', '每张 KB', '相对原图', '耗时（秒）'],
      rows: [
        row('原图合计（基准）', originalBytes, '—'),
        row('普通表单（无 JavaScript，原图上传）', plain, plainSeconds),
        row(`增强表单（本机缩到 ${LIMITS.photoEdge} px 后逐张上传）`, enhanced.photos, enhancedSeconds),
        row('增强表单最后提交（只含文字和凭据）', enhanced.submit, '—'),
      ],
      notes: [
        `原图平均 ${(originalBytes / PHOTOS / MB).toFixed(1)} MB；字节为请求体在网络上的大小（含 multipart 头），由服务器前的计数代理统计。`,
        '增强表单的耗时从选中照片到全部“已上传”，含本机解码和压缩；普通表单的耗时从点击提交到打开回执，含服务器处理。本机回环网络，不含真实上行带宽的等待。',
      ],
    };
  } finally {
    await browser.close();
    await proxy.close();
    await site.stop();
  }
}
