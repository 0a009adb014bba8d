/**
 * The folder layout stated as a test. Within src/server and src/shared each domain folder has a
 * place in one order, lowest first; a folder imports only folders below it, so the graph between
 * folders has no cycle and nothing runs back up:
 *
 *   src/server: config → secrets → db → http → campaign → files → ops → submissions → progress → review
 *               → export → search → admin → app
 *     config (settings from the environment), secrets (hashes, signatures), db (the SQLite file),
 *     http (request plumbing, rate limits), campaign (campaign, units, 报送码), files (store, sniff,
 *     photos), submissions (one unit's materials and their 审核), progress (statuses and counts), review (优秀、采用、督导),
 *     export (xlsx, csv, zip, docx), search (the no-JS search), admin (only what the console alone
 *     uses; nothing imports it), app (start-up and the request context; only src/middleware.ts and
 *     the command line use it).
 *   src/shared: (files directly in src/shared) → photo → campaign → submission → search
 *
 * It also holds every page rendered per request to the ESLint rules for on-demand code.
 */
import { globSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- the lint configuration sits at the project root, outside every alias
import { onDemandCode } from '../../eslint.config.js';

const root = resolve(import.meta.dirname, '../..');

const ORDER: Record<'server' | 'shared', string[]> = {
  server: [
    'config',
    'secrets',
    'db',
    'http',
    'campaign',
    'files',
    'ops',
    'submissions',
    'progress',
    'review',
    'export',
    'search',
    'admin',
    'app',
  ],
  shared: ['', 'photo', 'campaign', 'submission', 'search'],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sourceFiles = walk(join(root, 'src')).filter((file) => /\.(ts|svelte|astro|mjs|js)$/.test(file) && !file.endsWith('.d.ts'));

/** Every module a file imports (static, dynamic and re-exports), resolved to a path in the project. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    const alias = /^#(server|shared|reading|components|islands|layouts|styles)\/(.*)$/.exec(specifier);
    if (alias) return [join(root, 'src', alias[1]!, alias[2]!)];
    if (specifier.startsWith('.')) return [resolve(dirname(file), specifier)];
    return [];
  });
}

/** `server/files`, `shared/(top)`; undefined outside src/server and src/shared. */
function folderOf(file: string): { side: 'server' | 'shared'; name: string } | undefined {
  const parts = relative(join(root, 'src'), file).split('/');
  const side = parts[0];
  if (side !== 'server' && side !== 'shared') return undefined;
  return { side, name: parts.length > 2 ? parts[1]! : '' };
}

const label = (folder: { side: string; name: string }) => `src/${folder.side}/${folder.name || '(顶层文件)'}`;

type Folder = NonNullable<ReturnType<typeof folderOf>>;

/** Every import from one folder into another folder of the same side, with the importing file. */
function* crossFolderImports(): Generator<{ file: string; from: Folder; to: Folder }> {
  for (const file of sourceFiles) {
    const from = folderOf(file);
    if (!from) continue;
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to && to.side === from.side && to.name !== from.name) yield { file, from, to };
    }
  }
}

/** Folder → the folders its files import, within one side. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of crossFolderImports()) {
    const key = label(from);
    if (!graph.has(key)) graph.set(key, new Set());
    graph.get(key)!.add(label(to));
  }
  return graph;
}

describe('the folders of src/server and src/shared', () => {
  it('each have a place in the documented order', () => {
    const unplaced = sourceFiles
      .map(folderOf)
      .filter((folder) => folder !== undefined && !ORDER[folder.side].includes(folder.name))
      .map((folder) => label(folder!));
    expect([...new Set(unplaced)], '新目录请写进 tests/unit/architecture.test.ts 的顺序').toEqual([]);
  });

  it('import only folders below them, so no import runs back up', () => {
    const upward: string[] = [];
    for (const { file, from, to } of crossFolderImports()) {
      const order = ORDER[from.side];
      if (order.indexOf(to.name) > order.indexOf(from.name)) upward.push(`${relative(root, file)} → ${label(to)}`);
    }
    expect(upward).toEqual([]);
  });

  it('form no cycle', () => {
    const graph = folderGraph();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of graph.keys()) visit(node, []);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it('never import the console folder from any other', () => {
    const intoAdmin = sourceFiles
      .filter((file) => folderOf(file)?.side === 'server' && !['admin', 'app'].includes(folderOf(file)!.name))
      .filter((file) => importsOf(file).some((target) => relative(root, target).startsWith('src/server/admin/')));
    expect(intoAdmin.map((file) => relative(root, file))).toEqual([]);
  });
});

describe('pages rendered per request', () => {
  it('are all covered by the on-demand lint rules (onDemandCode in eslint.config.js)', () => {
    const covered = new Set(globSync(onDemandCode, { cwd: root }));
    const onDemand = walk(join(root, 'src/pages'))
      .filter((file) => /export\s+const\s+prerender\s*=\s*false/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(onDemand.length).toBeGreaterThan(10);
    expect(onDemand.filter((file) => !covered.has(file))).toEqual([]);
  });
});
