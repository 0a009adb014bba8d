/**
 * Database queries per export, before and after versions were read in batches: the old per-unit
 * reads (kept in export-per-unit.ts) against the code the exports run now, on the same 300-unit
 * data folder in the same run. Every statement execution (get, all, run, iterate) is counted.
 */
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { DatabaseSync } from 'node:sqlite';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { openDatabase } from '#server/db/database.ts';
import { exportKind } from '#server/export/exports.ts';
import { summaryRows } from '#server/export/summary.ts';
import { submittedUnits } from '#server/export/unit-entries.ts';
import { unitProgress } from '#server/progress/progress.ts';
import { loadVersions } from '#server/submissions/read.ts';
import { countStatements } from './count-statements.ts';
import { seedExportData } from './export-seed.ts';
import { loadVersionPerUnit, summaryExtrasPerUnit } from './export-per-unit.ts';
import type { BenchTable } from './table.ts';

const UNITS = 300;
const PHOTOS = 10;

type Counter = ReturnType<typeof countStatements>;

async function measure(counter: Counter, work: () => unknown): Promise<{ queries: number; ms: number }> {
  counter.reset();
  const started = performance.now();
  await work();
  return { queries: counter.count, ms: Math.round((performance.now() - started) * 10) / 10 };
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

async function exportTo(db: DatabaseSync, dataDir: string, name: string): Promise<void> {
  const kind = exportKind(name);
  if (!kind) throw new Error(`no export ${name}`);
  await kind.write({ db, dataDir, campaign: loadCampaign(), now: new Date() }, discard());
}

export async function benchExportQueries(): Promise<BenchTable> {
  const dataDir = await seedExportData(UNITS, PHOTOS);
  const db = openDatabase(dataDir);
  const counting = countStatements();
  try {
    const requirements = loadCampaign().requirements;
    const units = submittedUnits(db);
    const summaryBefore = await measure(counting, () => {
      for (const unit of unitProgress(db, requirements)) summaryExtrasPerUnit(db, unit.unitId);
    });
    const summaryAfter = await measure(counting, () => [...summaryRows(db, requirements)]);
    const zipBefore = await measure(counting, () => units.map((unit) => loadVersionPerUnit(db, unit.versionId)));
    const zipAfter = await measure(counting, () =>
      loadVersions(
        db,
        units.map((unit) => unit.versionId),
      ),
    );
    const xlsx = await measure(counting, () => exportTo(db, dataDir, '汇总表.xlsx'));
    const compilation = await measure(counting, () => exportTo(db, dataDir, '优秀学习感想汇编.docx'));
    const perUnit = (n: number) => Math.round((n / UNITS) * 100) / 100;
    return {
      title: `导出读数据库：${UNITS} 个单位、每单位 ${PHOTOS} 张照片和 2 篇感想，逐单位读取（旧）与批量读取（新）`,
      columns: ['读取', '旧：查询数', '旧：每单位', '旧：用时 ms', '新：查询数', '新：每单位', '新：用时 ms'],
      rows: [
        [
          '汇总表的数据',
          summaryBefore.queries,
          perUnit(summaryBefore.queries),
          summaryBefore.ms,
          summaryAfter.queries,
          perUnit(summaryAfter.queries),
          summaryAfter.ms,
        ],
        [
          '压缩包各单位的版本、照片、感想、文件',
          zipBefore.queries,
          perUnit(zipBefore.queries),
          zipBefore.ms,
          zipAfter.queries,
          perUnit(zipAfter.queries),
          zipAfter.ms,
        ],
        ['整份导出：汇总表.xlsx（现行代码）', '', '', '', xlsx.queries, perUnit(xlsx.queries), xlsx.ms],
        ['整份导出：优秀学习感想汇编.docx（现行代码）', '', '', '', compilation.queries, perUnit(compilation.queries), compilation.ms],
      ],
      notes: [
        '“旧”是改为批量读取之前的逐单位读法（保存在 tests/bench/export-per-unit.ts），与“新”在同一次运行、同一数据上测得。',
        '新的读法查询数固定，与单位数、照片数无关。全部材料.zip 整份导出的查询数见上面压缩包表的“查询数”列。',
        '两种读法都用到第 3 步迁移加的 photos、essays 按版本索引；没有这两个索引时，进度查询的子查询逐表扫描，300 个单位要数秒。',
      ],
    };
  } finally {
    counting.stop();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
