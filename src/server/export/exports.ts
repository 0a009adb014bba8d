import type { DatabaseSync } from 'node:sqlite';
import type { Writable } from 'node:stream';
import type { Campaign } from '#server/campaign/campaign.ts';
import { beijingParts } from '#shared/campaign/deadline.ts';
import { listFeatured } from '#server/review/featured.ts';
import { adoptedInfo, adoptedPhotos } from '#server/review/adoption.ts';
import { briefingDocx } from './briefing-docx.ts';
import { compilationDocx } from './compilation-docx.ts';
import { ensureCurrentTexts } from '#server/submissions/texts.ts';
import { writeMaterialsZip } from './materials-zip.ts';
import { summaryRows } from './summary.ts';
import { writeSummaryCsv } from './summary-csv.ts';
import { writeSummaryXlsx } from './summary-xlsx.ts';
import { writeChunk } from './stream-util.ts';

export interface ExportContext {
  db: DatabaseSync;
  dataDir: string;
  campaign: Campaign;
  now: Date;
}

export interface ExportKind {
  /** The export's name in its URL; the file itself is called datedName(name, now). */
  name: string;
  /** For browsers that only take an ASCII file name. */
  asciiName: string;
  mime: string;
  label: string;
  description: string;
  /** Writes the whole file to `out` and ends it. */
  write(ctx: ExportContext, out: Writable): Promise<unknown>;
}

export const EXPORT_KINDS: readonly ExportKind[] = [
  {
    name: '汇总表.xlsx',
    asciiName: 'huizongbiao.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: '汇总表（Excel）',
    description: '每个单位一行：报送状态、缺少的材料、报送时间、联系人、活动情况、照片和学习感想数量。',
    write: (ctx, out) => writeSummaryXlsx(ctx.db, ctx.campaign, out, ctx.now),
  },
  {
    name: '汇总表.csv',
    asciiName: 'huizongbiao.csv',
    mime: 'text/csv; charset=utf-8',
    label: '汇总表（CSV）',
    description: '与 Excel 汇总表内容相同，UTF-8 编码（带 BOM），可导入其他系统。',
    write: (ctx, out) => writeSummaryCsv(summaryRows(ctx.db, ctx.campaign.requirements), out),
  },
  {
    name: '全部材料.zip',
    asciiName: 'quanbu-cailiao.zip',
    mime: 'application/zip',
    label: '全部材料（压缩包）',
    description: '按单位分文件夹：情况汇报（Word）及原件、照片（按顺序编号并附说明）、学习感想，另附清单.csv。',
    write: async (ctx, out) => {
      await ensureCurrentTexts(ctx.db, ctx.dataDir);
      return writeMaterialsZip(ctx.db, ctx.dataDir, out, ctx.now);
    },
  },
  {
    name: '优秀学习感想汇编.docx',
    asciiName: 'youxiu-huibian.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: '优秀学习感想汇编（Word）',
    description: '评为优秀的学习感想全文（含以 Word 文件报送的），公文格式：封面、带页码的目录、每篇另起一页，可直接打印。',
    write: async (ctx, out) => {
      await ensureCurrentTexts(ctx.db, ctx.dataDir);
      const buffer = await compilationDocx(listFeatured(ctx.db), {
        office: ctx.campaign.office,
        now: ctx.now,
      });
      await writeChunk(out, buffer);
      out.end();
    },
  },
  {
    name: '工作简报.docx',
    asciiName: 'gongzuo-jianbao.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: '工作简报（Word）',
    description: '标题、已采用的工作信息（注明单位）和已采用的照片（2～6 张，附说明），供门户网站和微信公众号使用。',
    write: async (ctx, out) => {
      await ensureCurrentTexts(ctx.db, ctx.dataDir);
      const buffer = await briefingDocx(
        { info: adoptedInfo(ctx.db), photos: adoptedPhotos(ctx.db) },
        { title: ctx.campaign.title, office: ctx.campaign.office, now: ctx.now, dataDir: ctx.dataDir },
      );
      await writeChunk(out, buffer);
      out.end();
    },
  },
];

/**
 * 汇总表.xlsx → 汇总表-20230227.xlsx: the Beijing date of the export, so a second download is a
 * different, recognisable file instead of the browser's 汇总表(1).xlsx.
 */
export function datedName(name: string, now: Date): string {
  const { year, month, day } = beijingParts(now);
  const stamp = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return name.replace(/(\.[a-z]+)$/, `-${stamp}$1`);
}

export function exportKind(name: string): ExportKind | undefined {
  return EXPORT_KINDS.find((kind) => kind.name === name.normalize('NFC'));
}
