import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { SUMMARY_COLUMNS } from './summary.ts';
import { spreadsheetText } from './text-clean.ts';

/**
 * 汇总表.xlsx through exceljs' streaming writer: each row is committed (written out and
 * dropped) as it is made. Every cell is text (format @) so phone numbers and receipt numbers
 * keep their leading zeros, and no cell can act as a formula.
 */
export async function writeSummaryXlsx(rows: Iterable<string[]>, out: Writable, title: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '学习活动报送站';
  workbook.title = title;
  const sheet = workbook.addWorksheet('汇总表', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2, topLeftCell: 'C2', activeCell: 'C2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = SUMMARY_COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width, style: { numFmt: '@' } }));
  const header = sheet.addRow(SUMMARY_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  for (const values of rows) {
    const row = sheet.addRow(values.map(spreadsheetText));
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } };
  sheet.commit();
  await workbook.commit();
}
