/**
 * The comparison pages of the search benchmark, served the way the site is served (behind the
 * same gzip middleware): lunr with its default tokenizer, our search from a prebuilt index, and
 * Pagefind's own JavaScript API. Each page loads its engine only on the first input, like the
 * site's island, and renders into the same test contract ([data-search-results], a[data-kind]).
 */
import compression from 'compression';
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.pagefind': 'application/wasm',
};

/** Serves a folder behind the site's gzip middleware. */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const compress = compression({ threshold: 1024 });
  const server: Server = createServer((req, res) => {
    compress(req as never, res as never, () => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      try {
        const body = readFileSync(join(root, path.endsWith('/') ? `${path}index.html` : path));
        res.setHeader('Content-Type', types[extname(path)] ?? 'application/octet-stream');
        res.end(body);
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** The page shell: a box, a result list, and a loader that starts the engine on the first input. */
function page(title: string, loader: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>
<body><input id="q" type="search" aria-label="搜索"><div data-search-results data-query="" aria-busy="false"></div>
<script type="module">
const box = document.getElementById('q');
const out = document.querySelector('[data-search-results]');
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
function render(q, results) {
  out.innerHTML = '<ol>' + results.map((r) => '<li><a data-kind="' + r.kind + '" href="' + r.href + '"><b>' + r.title + '</b> ' + r.snippet + '</a></li>').join('') + '</ol>';
  out.setAttribute('data-query', q);
  out.setAttribute('aria-busy', 'false');
}
${loader}
box.addEventListener('input', async () => {
  const q = box.value;
  out.setAttribute('aria-busy', 'true');
  const results = await runQuery(q);
  if (box.value === q) render(q, results);
});
</script></body></html>`;
}

const lunrLoader = `let engine;
async function runQuery(q) {
  engine ??= Promise.all([import('/harness.js'), fetch('/search-data.json').then((r) => r.json())]).then(([m, data]) => m.defaultLunr(data));
  return (await engine).run(q).map((r) => ({ ...r, title: esc(r.title), snippet: esc(r.snippet) }));
}`;

const prebuiltLoader = `let engine;
async function runQuery(q) {
  engine ??= Promise.all([import('/harness.js'), fetch('/search-data.json').then((r) => r.json()), fetch('/search-index.json').then((r) => r.json())])
    .then(([m, data, index]) => m.prebuiltOurs(data, index));
  return (await engine).run(q);
}`;

// Pagefind shows five results with their excerpts, as its own UI does. It runs on the main thread
// (noWorker) so that the page's network and CPU throttling apply to all of its work.
const pagefindLoader = `let pagefind;
async function ranked(q, count) {
  pagefind ??= import('/pagefind/pagefind.js').then(async (pf) => { await pf.options({ noWorker: true }); return pf; });
  const search = await (await pagefind).search(q);
  return Promise.all(search.results.slice(0, count).map((r) => r.data()));
}
async function runQuery(q) {
  const found = await ranked(q, 5);
  return found.map((d) => ({ kind: 'page', href: d.url, title: esc(d.meta.title || ''), snippet: d.excerpt }));
}
window.rankAll = async (queries) => {
  const out = {};
  for (const q of queries) out[q] = (await ranked(q, 10)).map((d) => d.url);
  return out;
};`;

/** Writes the three comparison pages and the bundle the lunr pages import into folder. */
export async function writeHarness(folder: string): Promise<void> {
  await build({
    entryPoints: [join(import.meta.dirname, 'search-harness-engines.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'chrome78',
    outfile: join(folder, 'harness.js'),
    logLevel: 'error',
  });
  writeFileSync(join(folder, 'lunr-default.html'), page('lunr 默认分词', lunrLoader));
  writeFileSync(join(folder, 'prebuilt.html'), page('预构建索引', prebuiltLoader));
  writeFileSync(join(folder, 'pagefind.html'), page('Pagefind', pagefindLoader));
}
