/**
 * Export cost for a campaign of 300 units: 全部材料.zip and 汇总表.xlsx with 10 (and 20) photos
 * per unit, against the same units with 3 photos as the baseline. Each export runs in its own
 * process, so its peak memory is its own; streamed, memory must not grow with the photos.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchTable } from './table.ts';
import { seedExportData } from './export-seed.ts';

const run = promisify(execFile);
const UNITS = 300;
const worker = join(import.meta.dirname, 'export-worker.ts');

interface Measured {
  ms: number;
  bytes: number;
  peakRssMb: number;
  heapMb: number;
  externalMb: number;
}

async function measure(dataDir: string, kind: string): Promise<Measured> {
  const { stdout } = await run(process.execPath, [worker, dataDir, kind], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

const SCENARIOS = [
  ['基线：每单位 3 张', 3],
  ['每单位 10 张', 10],
  ['每单位 20 张（上限）', 20],
] as const;

export async function benchExport(): Promise<BenchTable[]> {
  const zipRows: (string | number)[][] = [];
  const xlsxRows: (string | number)[][] = [];
  let baselineRss = 0;
  for (const [label, photos] of SCENARIOS) {
    const dataDir = await seedExportData(UNITS, photos);
    try {
      const zip = await measure(dataDir, '全部材料.zip');
      baselineRss ||= zip.peakRssMb;
      const ratio = `${Math.round((zip.peakRssMb / baselineRss) * 100)}%`;
      zipRows.push([
        label,
        UNITS * photos,
        Math.round(zip.bytes / 1048576),
        Math.round(zip.ms / 100) / 10,
        zip.peakRssMb,
        zip.heapMb,
        zip.externalMb,
        ratio,
      ]);
      const xlsx = await measure(dataDir, '汇总表.xlsx');
      xlsxRows.push([label, UNITS, Math.round(xlsx.bytes / 1024), Math.round(xlsx.ms / 100) / 10, xlsx.peakRssMb, xlsx.heapMb]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return [
    {
      title: `全部材料.zip：${UNITS} 个单位，照片数量不同（每次导出单独一个进程）`,
      columns: ['场景', '照片总数', '压缩包 MB', '用时 s', '峰值 RSS MB', '峰值堆 MB', '峰值 Buffer MB', 'RSS 相对基线'],
      rows: zipRows,
      notes: [
        '压缩包随照片数量成倍变大，峰值内存基本不变：照片逐个从磁盘流入压缩包，一次只准备约两个单位的文件。',
        'RSS 的几十 MB 起伏来自已读完、等待回收的文件缓冲区（看峰值 Buffer 列），不随照片数量累积。',
        '下载端按 64 KB 一块、每块让出一次事件循环来读取，模拟内网下载的背压。用时主要花在为每个单位生成 Word 文档上。',
      ],
    },
    {
      title: `汇总表.xlsx：${UNITS} 个单位`,
      columns: ['场景', '行数', '文件 KB', '用时 s', '峰值 RSS MB', '峰值堆 MB'],
      rows: xlsxRows,
    },
  ];
}
