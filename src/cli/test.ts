/**
 * `npm test`: every test, unit to browser. The browser tests need Debian's Chromium and the export
 * tests LibreOffice, poppler and CJK fonts; on a machine without them, this installs them when it
 * can (root with apt-get) and otherwise says exactly how.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function sh(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const hasCjkFont = () => (spawnSync('fc-list', [], { encoding: 'utf8' }).stdout ?? '').includes('Noto Sans CJK');

/**
 * The Debian packages the tests need, each with how to tell it is there: Chromium for the browser
 * tests; LibreOffice (Writer, Calc) and poppler to print every export to PDF and read it back;
 * CJK fonts so that Chinese prints as Chinese. .ci/run installs the same list.
 */
const NEEDED = [
  { packages: ['chromium'], present: () => existsSync(chromium), what: '浏览器测试所需的 Chromium' },
  {
    packages: ['libreoffice-writer-nogui', 'libreoffice-calc-nogui'],
    present: () => onPath('soffice'),
    what: '导出文件打印测试所需的 LibreOffice',
  },
  { packages: ['poppler-utils'], present: () => onPath('pdftotext'), what: '读取 PDF 文字的 poppler-utils' },
  { packages: ['fonts-noto-cjk'], present: hasCjkFont, what: '中文字体 fonts-noto-cjk' },
];

const missing = NEEDED.filter((need) => !need.present());
if (missing.length > 0) {
  const packages = missing.flatMap((need) => need.packages);
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`测试需要${missing.map((need) => need.what).join('、')}，本机还没有。
请以 root 运行：${command}
（Chromium 也可以用 CHROMIUM_PATH 指向已安装的版本），然后再运行 npm test。`);
    process.exit(1);
  }
  console.log(`正在安装${missing.map((need) => need.what).join('、')}（apt-get install ${packages.join(' ')}）……`);
  if (sh('apt-get', ['update']) !== 0 || sh('apt-get', ['install', '-y', '--no-install-recommends', ...packages]) !== 0) {
    console.error(`安装失败。请手动运行：${command}`);
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
