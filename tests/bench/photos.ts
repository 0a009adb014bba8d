/**
 * Photo benchmarks: 24-MP phone photos (6000×4000 JPEG, about 7 MB each, made once with sharp into
 * a temp folder) through the photo pipeline, and 10 units submitting 5 such photos each at the same
 * time through the real submission handler. Each variant runs in a child process of its own so its
 * peak memory (max RSS) is its own; the baseline is sharp with its defaults and the widest queue
 * the configuration allows.
 *
 * The parent (run by `npm run bench`) calls benchPhotos(); a child is `node tests/bench/photos.ts --child <variant> <dir>`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, openAsBlob, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { MAX_PHOTO_CONCURRENCY } from '#server/config/config.ts';
import type { BenchTable } from './table.ts';

const PHOTO_COUNT = 5;
const SINGLE_RUN = 10;
const UNITS = 10;
const run = promisify(execFile);

async function ensurePhotos(): Promise<string> {
  const dir = join(tmpdir(), 'baosong-bench-photos-v1');
  mkdirSync(dir, { recursive: true });
  const { default: sharp } = await import('sharp');
  for (let i = 0; i < PHOTO_COUNT; i++) {
    const path = join(dir, `phone-${i}.jpg`);
    if (existsSync(path)) continue;
    // Noise upsampled to 24 MP compresses like a real photo (5-10 MB), unlike a flat colour.
    const noise = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: '#6a7f5a', noise: { type: 'gaussian', mean: 110 + i * 10, sigma: 30 } },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    await sharp(noise)
      .resize(6000, 4000, { kernel: 'cubic' })
      .withMetadata({ orientation: 1 + (i % 2) * 5 })
      .jpeg({ quality: 80 })
      .toFile(path);
  }
  return dir;
}

interface ChildResult {
  seconds: number;
  latenciesMs: number[];
  stored: number;
  photosStored: number;
  maxRssMb: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Baseline pipeline: what a first version would write — sharp's defaults, every photo at once. */
async function naivePhoto(path: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  const photo = await sharp(path).rotate().resize(2560, 2560, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
  await sharp(photo).resize(480, 480, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
}

async function childSingle(variant: string, dir: string): Promise<Omit<ChildResult, 'maxRssMb'>> {
  const photos = readdirSync(dir).map((name) => join(dir, name));
  const paths = Array.from({ length: SINGLE_RUN }, (_, i) => photos[i % photos.length]!);
  const { processPhoto } = await import('#server/files/photos.ts');
  if (variant === 'naive') {
    const { default: sharp } = await import('sharp');
    sharp.cache(true);
    sharp.concurrency(0);
  }
  const started = performance.now();
  const latencies = await Promise.all(
    paths.map(async (path) => {
      const t = performance.now();
      if (variant === 'naive') await naivePhoto(path);
      else await processPhoto(path, 'phone.jpg');
      return performance.now() - t;
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latenciesMs: latencies, stored: paths.length, photosStored: paths.length };
}

async function childSubmissions(variant: string, dir: string): Promise<Omit<ChildResult, 'maxRssMb'>> {
  if (variant === 'widest') {
    const { default: sharp } = await import('sharp');
    sharp.cache(true);
    sharp.concurrency(0);
  }
  const { testContext, unitWithCode, completeFields } = await import('../support/api-context.ts');
  const { submitApi } = await import('#server/submissions/http.ts');
  const context = testContext();
  const units = [
    '卫辉市水利局',
    '辉县市水利局',
    '长垣市水利局',
    '新乡县水利局',
    '获嘉县水利局',
    '原阳县农业农村局',
    '延津县水利局',
    '封丘县水利局',
    '红旗区农业农村局',
    '卫滨区农业农村局',
  ];
  const auths = await Promise.all(units.slice(0, UNITS).map((name) => unitWithCode(context, name)));
  const photos = readdirSync(dir).map((name) => join(dir, name));
  const requests = await Promise.all(
    auths.map(async (auth) => {
      const form = new FormData();
      for (const [name, value] of completeFields(auth.unitId, auth.code)) form.append(name, value);
      for (let n = 1; n <= PHOTO_COUNT; n++) {
        // File-backed blobs: the bodies stream from disk, as they would from a socket.
        form.append(`photo_${n}`, await openAsBlob(photos[(n - 1) % photos.length]!), `IMG_${n}.jpg`);
        form.append(`photo_caption_${n}`, `现场照片 ${n}`);
      }
      return new Request('http://localhost/api/submissions', { method: 'POST', body: form });
    }),
  );
  const { parseMultipart, discardFiles } = await import('#server/files/multipart.ts');
  const started = performance.now();
  const latencies = await Promise.all(
    requests.map(async (request) => {
      const t = performance.now();
      if (variant === 'parse-only') {
        const parsed = await parseMultipart(request, { tmpDir: join(context.dataDir, 'tmp'), fileLimit: () => 50 * 1024 * 1024 });
        await discardFiles(parsed.files);
        return performance.now() - t;
      }
      const response = await submitApi(request, context);
      if (response.status !== 200) throw new Error(`submission answered ${response.status}: ${await response.text()}`);
      return performance.now() - t;
    }),
  );
  const count = (table: string) => (context.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    seconds: (performance.now() - started) / 1000,
    latenciesMs: latencies,
    stored: count('versions'),
    photosStored: count('photos'),
  };
}

async function inChild(
  kind: 'single' | 'submissions',
  variant: string,
  dir: string,
  env: Record<string, string> = {},
): Promise<ChildResult> {
  const { stdout } = await run(process.execPath, [new URL(import.meta.url).pathname, '--child', kind, variant, dir], {
    env: { ...process.env, ...env },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function benchPhotos(): Promise<BenchTable[]> {
  const dir = await ensurePhotos();
  const single = [
    { label: '基线：sharp 默认设置，全部同时处理', result: await inChild('single', 'naive', dir) },
    { label: '本站：队列 2 张 × libvips 单线程，关闭缓存', result: await inChild('single', 'queued', dir) },
  ];
  const arenas = { MALLOC_ARENA_MAX: '2' };
  const submissions = [
    { label: '参照：只接收请求（不处理照片），MALLOC_ARENA_MAX=2', result: await inChild('submissions', 'parse-only', dir, arenas) },
    // The configuration refuses more than MAX_PHOTO_CONCURRENCY, so the baseline is its ceiling.
    {
      label: `基线：同时解码 ${MAX_PHOTO_CONCURRENCY} 张（配置允许的最大值），sharp 默认设置`,
      result: await inChild('submissions', 'widest', dir, { PHOTO_CONCURRENCY: String(MAX_PHOTO_CONCURRENCY) }),
    },
    { label: '本站：队列 2 张 × libvips 单线程，关闭缓存', result: await inChild('submissions', 'queued', dir) },
    { label: '本站 + MALLOC_ARENA_MAX=2（推荐的启动方式）', result: await inChild('submissions', 'queued', dir, arenas) },
  ];
  return [
    {
      title: `照片处理：${SINGLE_RUN} 张 2400 万像素手机照片（6000×4000 JPEG）同时到达`,
      columns: ['方案', '照片数', '总耗时 s', '张/秒', 'p95 单张 s', '峰值内存 MB'],
      rows: single.map(({ label, result }) => [
        label,
        result.photosStored,
        round(result.seconds, 2),
        round(result.photosStored / result.seconds, 2),
        round(percentile(result.latenciesMs, 95) / 1000, 2),
        Math.round(result.maxRssMb),
      ]),
      notes: ['每张输出 2560 px JPEG（质量 82）和 480 px 缩略图；峰值内存为子进程的 max RSS。'],
    },
    {
      title: `并发报送：${UNITS} 个单位同时提交，每份 ${PHOTO_COUNT} 张 2400 万像素照片（经真实的报送处理函数）`,
      columns: ['方案', '已保存报送', '已保存照片', '总耗时 s', 'p50 s', 'p95 s', '峰值内存 MB'],
      rows: submissions.map(({ label, result }) => [
        label,
        result.stored,
        result.photosStored,
        round(result.seconds, 1),
        round(percentile(result.latenciesMs, 50) / 1000, 1),
        round(percentile(result.latenciesMs, 95) / 1000, 1),
        Math.round(result.maxRssMb),
      ]),
      notes: [
        '目标：峰值内存 ≤ 400 MB（2 核服务器）。峰值内存含本基准自身（测试数据库、报送码、在同一进程里生成的 10 个请求体），见“参照”一行。',
        '队列让同时解码的照片不超过 2 张：内存由队列大小而不是同时上传的单位数决定；两核已被占满，多解码只会互相争抢。',
        'glibc 的 malloc 为每个线程开辟内存区（arena），libvips 多线程处理大图时这些区域碎片化、不归还系统；MALLOC_ARENA_MAX=2 限制区域个数。',
        '耗时受同一台机器上其他进程影响，请以同一次运行中的相对关系为准。',
      ],
    },
  ];
}

if (process.argv[2] === '--child' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [, , , kind, variant, dir] = process.argv;
  const result = kind === 'single' ? await childSingle(variant!, dir!) : await childSubmissions(variant!, dir!);
  console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}
