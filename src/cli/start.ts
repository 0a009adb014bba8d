/**
 * `npm start`: serves the built site, building first when the build is missing or older than
 * any source. HOST and PORT are honoured (default localhost:4321).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configOrExit } from '#server/config/config.ts';

const entry = 'dist/server/entry.mjs';
const sources = ['src', 'content', 'seeds', 'public', 'astro.config.mjs', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

// PUBLIC_URL is read by the build (the proxy address Astro may trust), so a change means a rebuild.
const buildSettings = 'dist/build-settings.json';
// A bad setting is reported before the half-minute build, not after it.
const settings = JSON.stringify({ PUBLIC_URL: configOrExit().PUBLIC_URL?.origin ?? '' });
const sameSettings = existsSync(buildSettings) && readFileSync(buildSettings, 'utf8') === settings;

const stale = !existsSync(entry) || !sameSettings || sources.some((source) => newestMtime(source) > statSync(entry).mtimeMs);
if (stale) {
  console.log('正在构建站点（首次启动或源文件已更新）……');
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。');
    process.exit(build.status ?? 1);
  }
  writeFileSync(buildSettings, settings);
}

process.argv[2] = 'dist';
await import('./serve.ts');
