/**
 * `npm test`: every test, unit to browser. The browser tests need Debian's Chromium; on a machine
 * without it, this installs it when it can (root with apt-get) and otherwise says exactly how.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function sh(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

if (!existsSync(chromium)) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`浏览器测试需要 Chromium，但本机没有 ${chromium}。
请以 root 运行：apt-get update && apt-get install -y chromium
（或设置 CHROMIUM_PATH 指向已安装的 Chromium），然后再运行 npm test。`);
    process.exit(1);
  }
  console.log('正在安装浏览器测试所需的 Chromium（apt-get install chromium）……');
  if (sh('apt-get', ['update']) !== 0 || sh('apt-get', ['install', '-y', 'chromium']) !== 0) {
    console.error('Chromium 安装失败。请手动运行：apt-get update && apt-get install -y chromium');
    process.exit(1);
  }
}

const extra = process.argv.slice(2);

// The tools that keep the codebase safe to change run first: a boundary crossed or a type broken
// fails the run before any test does. `npm test -- <filter>` runs only the matching tests.
const checks = [
  { label: 'ESLint（模块边界）', args: ['node_modules/eslint/bin/eslint.js', '.'] },
  { label: 'Prettier（格式）', args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.'] },
  { label: 'astro check（类型）', args: ['node_modules/astro/bin/astro.mjs', 'check'] },
];
for (const check of extra.length === 0 ? checks : []) {
  if (sh(process.execPath, check.args) !== 0) {
    console.error(`${check.label} 未通过，请先修正上面列出的问题。`);
    process.exit(1);
  }
}
const results = '.test-build/results.json';
const status = sh(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--config',
  'tests/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
  // The fault tests (kill -9, full disk, nginx, offline bundle) run apart: npm run test:faults.
  ...(extra.some((arg) => arg.startsWith('--project')) ? [] : ['--project', 'unit', '--project', 'e2e']),
  ...extra,
]);

// One plain closing line that any CI can read, whatever the runner prints above it.
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
}
process.exit(status);
