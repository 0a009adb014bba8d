/**
 * Every export as it prints: the xlsx and each docx converted to PDF by LibreOffice and read back
 * with pdftotext. One conversion batch for the whole file; LibreOffice takes a while to start.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { exportBytes, exportFixture } from '../support/export-fixture.ts';
import { renderPdfs } from '../support/libreoffice.ts';
import { readZip } from '../support/unzip.ts';
import { exportKind } from '#server/export/exports.ts';
import { SUMMARY_COLUMNS, summaryRows } from '#server/export/summary.ts';

const fixture = await exportFixture();
const exported = async (name: string) => exportBytes((out) => exportKind(name)!.write(fixture.ctx, out));
const zip = await readZip(await exported('全部材料.zip'));
const { pdfs, cleanup } = await renderPdfs({
  'summary.xlsx': await exported('汇总表.xlsx'),
  'compilation.docx': await exported('优秀学习感想汇编.docx'),
  'briefing.docx': await exported('工作简报.docx'),
  'report.docx': zip.find((e) => e.name === '卫辉市水利局/情况汇报.docx')!.data,
});
afterAll(cleanup);

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('优秀学习感想汇编 printed', () => {
  const { pages } = pdfs['compilation.docx']!;
  const contents = pages.find((page) => squeeze(page).includes('目录'))!;

  it('prints the full text of the essay sent only as a Word file', () => {
    expect(squeeze(pages.join(''))).toContain(squeeze(fixture.uploadedEssayText));
  });

  it('prints a 目录 whose page numbers are the pages the essays start on', () => {
    const footerOf = (page: string) => Number(/—\s*(\d+)\s*—/.exec(page)?.[1]);
    for (const title of ['=HYPERLINK("http://x")', '学习纲要的几点体会']) {
      const entry = contents.split('\n').find((line) => line.includes(title.slice(0, 8)))!;
      const listed = Number(/(\d+)\s*$/.exec(entry)?.[1]);
      const start = pages.findIndex((page) => page !== contents && page.trimStart().startsWith(title));
      expect(start).toBeGreaterThan(0);
      expect(listed).toBeGreaterThan(0);
      expect(listed).toBe(footerOf(pages[start]!));
    }
  });

  it('holds no instruction to its reader', () => {
    expect(pages.join('')).not.toMatch(/更新域|更新目录|右键|正文见原件/);
  });
});

describe('汇总表.xlsx printed', () => {
  const { pages, pageSize } = pdfs['summary.xlsx']!;
  const all = pages.join('\n');

  it('prints on A4 landscape, over several pages rather than squeezed onto one', () => {
    expect(pageSize).toMatch(/^841\.\d+ x 595\.\d+ pts/);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('repeats the header row on every printed page of the table', () => {
    const table = pages.filter((page) => page.includes('卫辉市水利局'));
    expect(table.length).toBeGreaterThan(1);
    for (const page of table) expect(page).toContain('单位名称');
  });

  it('prints the title, the export time and counts and times as numbers, not formulas or errors', () => {
    expect(squeeze(all)).toContain(squeeze(`${fixture.ctx.campaign.title}汇总表`));
    expect(all).toContain('2023-03-01 10:00');
    expect(all).toContain('2023-02-20 10:00');
    expect(all).not.toMatch(/#VALUE|#NAME|###/);
    // 参加人次 30, then 照片数 2 and 学习感想数 2, on 卫辉's row of the pages that hold those columns.
    const rowOn = (header: string) =>
      pages
        .find((page) => page.includes(header))!
        .split('\n')
        .find((line) => line.includes('卫辉市水利局'))!;
    expect(rowOn('参加人次')).toMatch(/\s30(\s|$)/);
    expect(rowOn('学习感想数')).toMatch(/\s2\s+2(\s|$)/);
  });

  it('heads every printed page with the title and the export time, once, whichever columns it holds', () => {
    // Both sheets, 汇总表 and then 活动台账, each under its own title.
    const heading = new RegExp(`^${squeeze(fixture.ctx.campaign.title)}(汇总表|活动台账)导出时间：2023-03-0110:00（北京时间）`);
    for (const page of pages) {
      expect(squeeze(page)).toMatch(heading);
      // Once: the title rows above the table are left out of the print, or they would repeat it.
      expect(squeeze(page).split(squeeze(fixture.ctx.campaign.title)).length, page).toBe(2);
    }
    expect(pages.filter((page) => squeeze(page).includes('活动台账导出时间')).length).toBeGreaterThan(0);
  });

  it('prints every text cell whole, its row as tall as its wrapped lines', () => {
    const drawn = squeeze(pdfs['summary.xlsx']!.drawn);
    const rows = [...summaryRows(fixture.ctx.db, fixture.ctx.campaign.requirements)];
    const ledger = SUMMARY_COLUMNS.findIndex((column) => column.header === '学习活动台账');
    // The ledger of the first unit runs past its column's width: it prints on two lines.
    expect(String(rows[0]![ledger]).length * 2).toBeGreaterThan(SUMMARY_COLUMNS[ledger]!.width);
    for (const row of rows) {
      for (const value of row) if (typeof value === 'string' && value !== '') expect(drawn).toContain(squeeze(value));
    }
  });

  it('prints the 活动台账 sheet', () => {
    expect(squeeze(all)).toContain('活动台账');
  });
});

describe('工作简报 and 情况汇报 printed', () => {
  it('prints the adopted 工作信息 and the photo captions in the 简报', () => {
    const text = squeeze(pdfs['briefing.docx']!.pages.join(''));
    expect(text).toContain(squeeze(fixture.infoText));
    expect(text).toContain('2月15日局党组集中学习（卫辉市水利局供图）');
  });

  it('prints the unit’s report text', () => {
    expect(squeeze(pdfs['report.docx']!.pages.join(''))).toContain('我局召开专题会');
  });
});
