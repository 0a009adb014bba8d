/**
 * `npm run bundle`: one archive for an intranet server without internet (linux-x64). It holds the
 * site's sources and its build, the production dependencies for linux-x64 and the Node 24 binary,
 * plus `start.sh`. Unpacked anywhere, `./start.sh` serves the site with no network at all; when
 * PUBLIC_URL is set there it rebuilds once, offline, since the build trusts that address.
 *
 * Usage: npm run bundle [-- --out 文件.tar.gz]   (default .bundle/xuexi-baosong-<版本>-linux-x64.tar.gz)
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const PLATFORM = 'linux-x64';
/** What the server needs at run time and to rebuild itself offline; tests and benchmarks stay home. */
const SHIPPED = [
  'package.json',
  'package-lock.json',
  'astro.config.mjs',
  'tsconfig.json',
  'README.md',
  'src',
  'content',
  'seeds',
  'public',
];

const START_SCRIPT = `#!/bin/sh
# 学习活动报送站：在本目录中启动（无需联网）。HOST、PORT、DATA_DIR、PUBLIC_URL 等见 README 的“配置”。
cd "$(dirname "$0")" || exit 1
PATH="$(pwd)/runtime:$PATH"
export PATH
exec ./runtime/node src/cli/start.ts
`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function run(command: string, args: string[], options: SpawnSyncOptions, what: string): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${what}失败，离线安装包没有生成。请查看上面的输出。`);
}

let out: string | undefined;
try {
  out = parseArgs({ options: { out: { type: 'string' } }, strict: true }).values.out;
} catch {
  fail('用法：npm run bundle [-- --out 文件.tar.gz]');
}

const root = resolve(import.meta.dirname, '../..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const folder = `${name}-${version}-${PLATFORM}`;
const archive = resolve(out ?? join(root, '.bundle', `${folder}.tar.gz`));

const nodeBinary = join(root, 'node_modules/node/bin/node');
if (!existsSync(nodeBinary)) fail('没有找到项目内的 Node 24（node_modules/node），请先运行 npm install。');

const work = mkdtempSync(join(tmpdir(), 'baosong-bundle-'));
const stage = join(work, folder);
try {
  console.log(`正在准备 ${folder} ……`);
  mkdirSync(stage);
  for (const entry of SHIPPED) cpSync(join(root, entry), join(stage, entry), { recursive: true });

  console.log('正在安装生产依赖（linux-x64）……');
  run(
    'npm',
    ['ci', '--omit=dev', '--os=linux', '--cpu=x64', '--libc=glibc', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: stage },
    '安装生产依赖',
  );

  mkdirSync(join(stage, 'runtime'));
  copyFileSync(realpathSync(nodeBinary), join(stage, 'runtime/node'));
  chmodSync(join(stage, 'runtime/node'), 0o755);

  console.log('正在构建站点……');
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env['PUBLIC_URL'];
  delete env['ASTRO_OUT_DIR'];
  run(join(stage, 'runtime/node'), ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: stage, env }, '构建站点');
  // The same record `npm start` keeps, so the unpacked site starts without rebuilding.
  writeFileSync(join(stage, 'dist/build-settings.json'), JSON.stringify({ PUBLIC_URL: '' }));

  writeFileSync(join(stage, 'start.sh'), START_SCRIPT, { mode: 0o755 });
  mkdirSync(dirname(archive), { recursive: true });
  run('tar', ['-czf', archive, '-C', work, basename(stage)], {}, '打包');
  console.log(`离线安装包已生成：${archive}（${(statSync(archive).size / 1024 / 1024).toFixed(0)} MB）`);
  console.log(`在服务器上：tar -xzf ${basename(archive)} && ${folder}/start.sh`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
