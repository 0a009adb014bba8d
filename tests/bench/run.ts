/**
 * `npm run bench`: runs every benchmark in the list and prints its table. Each benchmark measures
 * against a baseline in the same run, so the numbers compare on whatever machine runs them.
 * Add a benchmark by appending its module and exported function to the list.
 */
import { printTable, type BenchTable } from './table.ts';

const benches: { module: string; run: string }[] = [
  { module: './reading-bytes.ts', run: 'benchReadingBytes' },
  { module: './reading-paint.ts', run: 'benchReadingPaint' },
  { module: './search.ts', run: 'benchSearch' },
  { module: './search-index-build.ts', run: 'benchSearchIndexBuild' },
  { module: './upload-bytes.ts', run: 'benchUploadBytes' },
  { module: './unit-auth.ts', run: 'benchUnitAuth' },
  { module: './export.ts', run: 'benchExport' },
  { module: './export-queries.ts', run: 'benchExportQueries' },
  { module: './photos.ts', run: 'benchPhotos' },
  { module: './night-before.ts', run: 'benchNightBefore' },
];

let failed = false;
for (const bench of benches) {
  try {
    const module = (await import(bench.module)) as Record<string, () => Promise<BenchTable | BenchTable[]>>;
    const run = module[bench.run];
    if (typeof run !== 'function') throw new Error(`${bench.module} 没有导出 ${bench.run}`);
    const result = await run();
    for (const table of Array.isArray(result) ? result : [result]) printTable(table);
  } catch (error) {
    failed = true;
    console.error(`基准 ${bench.module} 运行失败：${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
