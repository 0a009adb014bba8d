/**
 * Every console route, found on disk, so a route added later is checked by the guard tests
 * without anyone remembering to list it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');
const pagesDir = join(projectRoot, 'src/pages');

export interface ConsoleRoute {
  /** The source file, relative to the project. */
  file: string;
  /** A concrete URL path for it, with sample values for [params]. */
  path: string;
  source: string;
}

/** Values for dynamic segments: a real-looking id, or an export file name. */
const SAMPLE_PARAM: Record<string, string> = { file: '汇总表.xlsx' };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function urlPath(file: string): string {
  const route = relative(pagesDir, file)
    .replace(/\.(astro|ts|js|md|mdx|html)$/, '')
    .replace(/(^|\/)index$/, '')
    .replace(/\[\.\.\.(\w+)\]/g, (_, name: string) => SAMPLE_PARAM[name] ?? '1')
    .replace(/\[(\w+)\]/g, (_, name: string) => SAMPLE_PARAM[name] ?? '1');
  return `/${route}${route && !route.includes('.') && !route.startsWith('api/') ? '/' : ''}`.replace(/\/+/g, '/');
}

export function consoleRoutes(): ConsoleRoute[] {
  return ['admin', 'api/admin']
    .flatMap((sub) => walk(join(pagesDir, sub)))
    .filter((file) => /\.(astro|ts|js|md|mdx|html)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => ({ file: relative(projectRoot, file), path: urlPath(file), source: readFileSync(file, 'utf8') }));
}
