/**
 * Site search against lunr with its default tokenizer and against Pagefind, over the same
 * sections, in the same run: relevance on the relevance set (tests/fixtures/search-queries.ts),
 * bytes and time of a cold first search on a throttled phone, and the time of later queries.
 * Ours answers the first query from the server while the browser builds its index; it is also
 * measured with a prebuilt serialised index and no server, the alternative to building the index.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadSearchDocs } from '#reading/search/docs.ts';
import { docsMap, search } from '#shared/search/engine.ts';
import { buildSearchIndex } from '#shared/search/index-build.ts';
import type { SearchData } from '#shared/search/types.ts';
import { scoreRanking, type RelevanceReport, type ScoredCase } from '../fixtures/search-metrics.ts';
import { relevanceCases } from '../fixtures/search-queries.ts';
import { heldOutReaderCases, readerCases, tunedReaderCases } from '../fixtures/search-queries-readers.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, startSite } from '../support/site.ts';
import { cpuSlowdown, measurePage, median, percentile, slow4g, type PageMeasure } from './search-browser.ts';
import { defaultLunr } from './search-harness-engines.ts';
import { serveFolder, writeHarness } from './search-harness.ts';
import { buildPagefind, idFromUrl } from './search-pagefind.ts';
import type { BenchTable } from './table.ts';

const runs = Number(process.env['SEARCH_BENCH_RUNS'] ?? 3);
const firstQuery = '首席质量官';
const laterQueries = relevanceCases
  .filter((c) => c.expect.length > 0 && c.query !== firstQuery)
  .map((c) => c.query)
  .filter((q, i, all) => all.indexOf(q) === i)
  .slice(0, 24);

/** Rankings are compared on their first ten results, the most any engine shows at once here. */
const topTen = (ids: readonly string[]) => ids.slice(0, 10);

interface Engine {
  name: string;
  url: string;
  input: string;
  ready?: (page: Page) => Promise<void>;
  relevance: RelevanceReport;
}

const islandHydrated = async (page: Page) => {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), undefined, { timeout: 120_000 });
};

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const ms = (value: number) => Math.round(value);

/** The relevance set and the readers' queries, the tuned and the held-out part scored apart. */
const groups: { name: string; cases: readonly ScoredCase[] }[] = [
  { name: '原有查询集', cases: relevanceCases },
  { name: '读者查询：调优部分', cases: tunedReaderCases },
  { name: '读者查询：留出部分（未据以调优）', cases: heldOutReaderCases },
];

export async function benchSearch(): Promise<BenchTable[]> {
  const siteDir = await buildSite();
  const site = await startSite(siteDir);
  const harnessDir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  const browser = await launchBrowser();
  try {
    const docs = loadSearchDocs();
    const data: SearchData = { version: 1, docs };
    // The comparison pages fetch exactly the file the site serves.
    copyFileSync(join(siteDir, 'client', 'search-data.json'), join(harnessDir, 'search-data.json'));
    writeFileSync(join(harnessDir, 'search-index.json'), JSON.stringify(buildSearchIndex(docs)));
    await buildPagefind(docs, join(harnessDir, 'pagefind'));
    await writeHarness(harnessDir);
    const harness = await serveFolder(harnessDir);
    try {
      const index = buildSearchIndex(docs);
      const byId = docsMap(docs);
      const ours = scoreRanking(relevanceCases, (q) => topTen(search(index, byId, q).hits.map((h) => h.doc.id)));
      const lunrDefault = defaultLunr(data);
      const plain = scoreRanking(relevanceCases, (q) => topTen(lunrDefault.run(q).map((r) => r.id)));
      const pagefindPage = await browser.newPage();
      await pagefindPage.goto(`${harness.url}/pagefind.html`);
      const pagefindRanked = await pagefindPage.evaluate(
        (queries) => (window as never as { rankAll(q: string[]): Promise<Record<string, string[]>> }).rankAll(queries),
        [...relevanceCases, ...readerCases].map((c) => c.query),
      );
      await pagefindPage.close();
      const pagefind = scoreRanking(relevanceCases, (q) => (pagefindRanked[q] ?? []).map(idFromUrl));

      const engines: Engine[] = [
        {
          name: '本站：服务器先答首个查询，浏览器内建索引接手（采用）',
          url: `${site.url}/search/`,
          input: '#search-q',
          ready: islandHydrated,
          relevance: ours,
        },
        { name: '本站：预构建序列化索引（备选）', url: `${harness.url}/prebuilt.html`, input: '#q', relevance: ours },
        { name: 'lunr 默认分词', url: `${harness.url}/lunr-default.html`, input: '#q', relevance: plain },
        { name: 'Pagefind 1.6', url: `${harness.url}/pagefind.html`, input: '#q', relevance: pagefind },
      ];
      const measured = new Map<string, PageMeasure[]>();
      // Interleaved, so that load from other work on the machine spreads over every engine.
      for (let run = 0; run < runs; run += 1) {
        for (const engine of engines) {
          const measure = await measurePage(browser, engine.url, {
            input: engine.input,
            first: firstQuery,
            later: laterQueries,
            ...(engine.ready ? { ready: engine.ready } : {}),
          });
          measured.set(engine.name, [...(measured.get(engine.name) ?? []), measure]);
        }
      }
      const summary = engines.map((engine) => {
        const m = measured.get(engine.name)!;
        const later = m.flatMap((x) => x.laterMs);
        return {
          engine,
          first: median(m.map((x) => x.firstMs)),
          bytes: median(m.map((x) => x.bytesAfterTyping)),
          withPage: median(m.map((x) => x.scriptBytesWithPage)),
          p50: percentile(later, 50),
          p95: percentile(later, 95),
        };
      });
      const [adopted, , , pf] = summary;
      const rankers: { name: string; rank: (q: string) => readonly string[] }[] = [
        { name: '本站', rank: (q) => topTen(search(index, byId, q).hits.map((h) => h.doc.id)) },
        { name: 'lunr 默认分词', rank: (q) => topTen(lunrDefault.run(q).map((r) => r.id)) },
        { name: 'Pagefind 1.6', rank: (q) => (pagefindRanked[q] ?? []).map(idFromUrl) },
      ];
      const relevanceRows = groups.flatMap((group) =>
        rankers.map((ranker) => {
          const report = scoreRanking(group.cases, ranker.rank);
          const empty = group.cases.filter((c) => c.expect.length === 0).length;
          return [
            group.name,
            ranker.name,
            String(group.cases.length),
            report.recallAt5.toFixed(3),
            report.mrr.toFixed(3),
            empty > 0 ? `${report.noisyEmptyQueries}/${empty}` : '—',
          ];
        }),
      );
      const relevanceTable: BenchTable = {
        title: '搜索相关性：原有查询集，与按读者习惯输入的查询（调优部分、留出部分分开计）',
        columns: ['查询集', '方案', '条数', 'recall@5', 'MRR', '无答案查询出结果'],
        rows: relevanceRows,
        notes: [
          `读者查询共 ${readerCases.length} 条（多打“活动/工作/制度/建设”等词、问句、口语简称、夹带数字），在调整排序之前写定；其中 ${heldOutReaderCases.length} 条按查询文本的散列固定留出，排序从未据以调整。`,
          'recall@5、MRR 按前 10 条计；无答案查询须返回空列表。',
        ],
      };
      const rows = summary.map((s) => [
        s.engine.name,
        s.engine.relevance.recallAt5.toFixed(3),
        s.engine.relevance.mrr.toFixed(3),
        `${s.engine.relevance.noisyEmptyQueries}/${relevanceCases.filter((c) => c.expect.length === 0).length}`,
        kb(s.bytes),
        kb(s.withPage),
        ms(s.first),
        ms(s.p50),
        ms(s.p95),
      ]);
      const timeRatio = adopted!.first / pf!.first;
      const bytesTotal = adopted!.bytes + adopted!.withPage;
      const speedTable: BenchTable = {
        title: `站内搜索对比（${relevanceCases.length} 条查询；Chromium 手机视口，Slow 4G + CPU ${cpuSlowdown}× 降速）`,
        columns: [
          '方案',
          'recall@5',
          'MRR',
          '无答案查询出结果',
          '首次搜索下载 KB',
          '页面自带搜索脚本 KB',
          '首个结果（冷）ms',
          '后续查询 p50 ms',
          '后续查询 p95 ms',
        ],
        rows,
        notes: [
          `相同的 ${docs.length} 个检索单元（纲要的部分、条、专栏，通知各节，发布会各轮，延伸阅读各节，释义与名词）；Pagefind 为每个单元生成一页（${docs.length} 页）并用其 Node API 建索引。`,
          `网络 ${slow4g.latency} ms 延迟、${(slow4g.downloadThroughput * 8) / 1e6} Mbit/s 下行；所有页面经同一 gzip 中间件送出。每种方案 ${runs} 次冷访问取中位数，后续查询 ${laterQueries.length} 条 × ${runs} 次。`,
          '计时在页面内：从查询的 input 事件到结果列表显示该查询的结果（aria-busy="false"）；后续查询之间等页面画完（两帧）再输入下一条。Pagefind 与其自带界面一样等前 5 条摘要加载完才显示，并在主线程运行（noWorker），使网络与 CPU 降速同样作用于它。',
          '“首次搜索下载”是输入后才下载的字节（gzip 后，含 HTTP 头）；本站搜索页的岛组件脚本随页面加载，另列一栏。',
          `本站首个结果时间为 Pagefind 的 ${timeRatio.toFixed(2)} 倍（目标 ≤ 0.40）；本站搜索字节合计 ${kb(bytesTotal)} KB，Pagefind ${kb(pf!.bytes)} KB（目标：不多于 Pagefind）；本站首个结果 ${ms(adopted!.first)} ms（目标 ≤ 1200 ms），后续查询 p95 ${ms(adopted!.p95)} ms（目标 ≤ 50 ms）。`,
          `采用方案在索引下载、建立期间把查询交给服务器（/search/answer.json，与无脚本的搜索页同一引擎、同一结果），索引建好后改在浏览器内搜索；建索引等服务器的回答显示之后才开始，不与之争主线程。`,
          `两种本站方案都只用 lunr 的公开 API：浏览器内用 lunr.Builder 边下载边建索引，备选方案用 lunr.Index.load 载入构建时序列化的索引（不问服务器）；首个结果备选方案比采用方案${summary[1]!.first <= adopted!.first ? '快' : '慢'} ${ms(Math.abs(summary[1]!.first - adopted!.first))} ms。`,
          'recall@5、MRR 按前 10 条计；lunr 默认分词对中文几乎查不到，无答案查询“出结果”指对《纲要》等材料中没有的内容仍返回了结果（噪声）。',
        ],
      };
      return [speedTable, relevanceTable];
    } finally {
      await harness.close();
    }
  } finally {
    await browser.close();
    await site.stop();
    rmSync(harnessDir, { recursive: true, force: true });
  }
}
