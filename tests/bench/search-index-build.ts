/**
 * Building the search index, the step that dominates the first search on a slow phone, three ways
 * in the same run: lunr's public Builder (what the site does), the first release's direct assembly
 * of lunr's structures (the baseline the public API replaced), and loading lunr's serialised index
 * (the prebuilt alternative). Node on this machine, not a throttled phone: the ratios are what carry
 * over; the phone's own figure is the first-result column of the search comparison.
 */
import lunr from 'lunr';
import { loadSearchDocs } from '#reading/search/docs.ts';
import { buildSearchIndex } from '#shared/search/index-build.ts';
import { buildDirectIndex } from './search-index-direct.ts';
import { median } from './search-browser.ts';
import type { BenchTable } from './table.ts';

const rounds = Number(process.env['INDEX_BENCH_ROUNDS'] ?? 15);
const warmUps = 5;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function benchSearchIndexBuild(): Promise<BenchTable> {
  const docs = loadSearchDocs();
  const serialised = JSON.stringify(buildSearchIndex(docs));
  const ways = [
    { name: 'lunr.Builder（公开 API，采用）', run: () => buildSearchIndex(docs) },
    { name: '直接写入 lunr 内部结构（第一版，基线）', run: () => buildDirectIndex(docs) },
    { name: 'lunr.Index.load 载入序列化索引（含 JSON 解析）', run: () => lunr.Index.load(JSON.parse(serialised) as object) },
  ];
  const times = new Map<string, number[]>(ways.map((way) => [way.name, []]));
  for (let round = 0; round < warmUps + rounds; round += 1) {
    // Interleaved, so that other work on the machine falls on every way alike.
    for (const way of ways) {
      const ms = timed(way.run);
      if (round >= warmUps) times.get(way.name)!.push(ms);
    }
  }
  const baseline = median(times.get(ways[1]!.name)!);
  const same = JSON.stringify(buildDirectIndex(docs)) === serialised;
  return {
    title: `搜索索引的建立：${docs.length} 个检索单元，三种方式同一次运行（Node，${rounds} 轮交替取中位数）`,
    columns: ['方式', '中位数 ms', '相对第一版'],
    rows: ways.map((way) => {
      const ms = median(times.get(way.name)!);
      return [way.name, ms.toFixed(1), `${(ms / baseline).toFixed(2)}×`];
    }),
    notes: [
      `序列化索引 ${Math.round(serialised.length / 1024)} KB（未压缩）。`,
      same
        ? 'lunr.Builder 与第一版直接写入得到的索引序列化后逐字节相同，检索结果因此完全一致；差别只在建立索引的耗时。'
        : '注意：两种方式得到的索引序列化后不同，检索结果可能不一致。',
      '手机上的首个结果时间见“站内搜索对比”表：浏览器内用 lunr.Builder 边下载边建索引。',
    ],
  };
}
