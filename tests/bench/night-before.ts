/**
 * The night before the deadline: 50 units arriving within one minute, each sending 5 photos as the
 * browser sends them (shrunk on the phone to JPEGs about 2560 px) one by one and then the final
 * submit with two essays, against the built site over loopback. The baseline, in the same run, is
 * 5 units one after another on a fresh server: what each request costs without a crowd.
 * Peak memory is the server process's own high-water mark (VmHWM); the target is at most 450 MB.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserPhoto, submitWithTokens, unitCodes, uploadPhoto, type UnitAuth } from '../support/faults.ts';
import { buildSite, startSite, type RunningSite } from '../support/site.ts';
import type { BenchTable } from './table.ts';

const PHOTOS_PER_UNIT = 5;
const DISTINCT_PHOTOS = 25;
const MEMORY_TARGET_MB = 450;

interface LoadResult {
  units: number;
  seconds: number;
  requests: number;
  errors: number;
  latenciesMs: number[];
  peakRssMb: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function timed(latencies: number[], request: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const response = await request();
  await response.clone().arrayBuffer();
  latencies.push(performance.now() - started);
  return response;
}

async function oneUnit(site: RunningSite, auth: UnitAuth, photos: Blob[], latencies: number[]): Promise<number> {
  let errors = 0;
  const tokens: string[] = [];
  for (const photo of photos) {
    const response = await timed(latencies, () => uploadPhoto(site.url, auth, photo));
    if (response.ok) tokens.push(((await response.json()) as { token: string }).token);
    else errors++;
  }
  const submitted = await timed(latencies, () => submitWithTokens(site.url, auth, tokens));
  return submitted.ok ? errors : errors + 1;
}

/** `count` units, started evenly over `spreadMs` (0: one after another), on a fresh server. */
async function load(siteDir: string, count: number, spreadMs: number, photos: Blob[]): Promise<LoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baosong-bench-night-'));
  const site = await startSite(siteDir, { DATA_DIR: dataDir, MALLOC_ARENA_MAX: '2', CAMPAIGN_DEADLINE: '2099-12-31T18:00' });
  try {
    const units = await unitCodes(site.url, dataDir, count);
    const latencies: number[] = [];
    const photosOf = (n: number) => Array.from({ length: PHOTOS_PER_UNIT }, (_, i) => photos[(n * PHOTOS_PER_UNIT + i) % photos.length]!);
    const started = performance.now();
    let errors = 0;
    if (spreadMs === 0) {
      for (const [n, auth] of units.entries()) errors += await oneUnit(site, auth, photosOf(n), latencies);
    } else {
      const results = await Promise.all(
        units.map(async (auth, n) => {
          await new Promise((resolve) => setTimeout(resolve, (n * spreadMs) / count));
          return oneUnit(site, auth, photosOf(n), latencies).catch(() => PHOTOS_PER_UNIT + 1);
        }),
      );
      errors = results.reduce((sum, value) => sum + value, 0);
    }
    const seconds = (performance.now() - started) / 1000;
    return { units: count, seconds, requests: latencies.length, errors, latenciesMs: latencies, peakRssMb: peakRssMb(site.pid) };
  } finally {
    await site.stop();
  }
}

export async function benchNightBefore(): Promise<BenchTable> {
  const siteDir = await buildSite();
  const photos: Blob[] = [];
  for (let seed = 0; seed < DISTINCT_PHOTOS; seed++) photos.push(await browserPhoto(seed));
  const megabytes = photos.reduce((sum, photo) => sum + photo.size, 0) / DISTINCT_PHOTOS / 1024 / 1024;

  const baseline = await load(siteDir, 5, 0, photos);
  const night = await load(siteDir, 50, 60_000, photos);
  const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
  const row = (label: string, result: LoadResult) => [
    label,
    result.units,
    result.requests,
    result.errors,
    round(result.seconds),
    round(result.requests / result.seconds, 2),
    round(percentile(result.latenciesMs, 50) / 1000, 2),
    round(percentile(result.latenciesMs, 95) / 1000, 2),
    Math.round(result.peakRssMb),
  ];
  return {
    title: '截止前一晚：50 个单位在 1 分钟内报送（各 5 张照片 + 2 篇感想）',
    columns: ['场景', '单位数', '请求数', '错误', '总耗时 s', '请求/秒', 'p50 s', 'p95 s', '峰值内存 MB'],
    rows: [row('基线：5 个单位依次报送', baseline), row('50 个单位 1 分钟内陆续开始', night)],
    notes: [
      `照片为浏览器压缩后的样子：2560×1920 JPEG，平均 ${round(megabytes, 2)} MB，共 ${DISTINCT_PHOTOS} 张轮换使用；每个单位逐张上传后提交。`,
      `峰值内存为服务器进程的 VmHWM，目标不超过 ${MEMORY_TARGET_MB} MB：本次${night.peakRssMb <= MEMORY_TARGET_MB ? '达标' : '超标'}；错误应为 0。`,
    ],
  };
}
