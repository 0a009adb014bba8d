import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import type { DatabaseSync } from 'node:sqlite';
import type { Writable } from 'node:stream';
import type { Campaign } from '#server/campaign/campaign.ts';
import { activityRows, ACTIVITY_COLUMNS, beijingStamp, SUMMARY_COLUMNS, summaryRows, type SummaryValue } from './summary.ts';
import { spreadsheetText } from './text-clean.ts';

/** Rows above the table: the title, then the export time. */
const TITLE_ROWS = 2;
const HEADER_ROW = TITLE_ROWS + 1;
const FONT = { name: '宋体', size: 10 } as const;
const THIN = { style: 'thin', color: { argb: 'FF808080' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
/** Height of one printed line of 10 pt text: CJK faces stand tall (Noto Sans CJK 1.45 em), so 15 pt. */
const LINE_POINTS = 15;
/** The tallest row Excel can show (409 pt): a cell longer than that prints its first 27 lines. */
const MAX_ROW_POINTS = 409;

/** Text for a page header, where & starts a code (&P, &"黑体"): a literal & is written twice. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/**
 * Lines a wrapped text cell prints on. Spreadsheet programs do not reliably grow a row to fit its
 * wrapped text when they open a file (LibreOffice left the table's rows one line tall), and a row
 * too short cuts the rest of its cells off on paper. Widths count as terminal columns do (a
 * Chinese character is two), the unit of Excel's widths; one column is left for the cell's padding.
 */
function printedLines(text: string, columnWidth: number): number {
  const usable = Math.max(1, columnWidth - 1);
  return text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil(stringWidth(line) / usable)), 0);
}

/** The height of a row that shows every line of its text cells, up to the tallest Excel allows. */
function rowHeight(values: readonly SummaryValue[], columns: SheetSpec['columns']): number {
  const lines = values.map((value, i) => (typeof value === 'string' ? printedLines(value, columns[i]!.width) : 1));
  return Math.min(Math.max(1, ...lines) * LINE_POINTS, MAX_ROW_POINTS);
}

/**
 * Excel dates carry no time zone: a cell shows the clock its serial number encodes. Shifting by
 * eight hours makes the sheet show the Beijing time the rest of the site prints.
 */
const beijingWallClock = (at: Date) => new Date(at.getTime() + BEIJING_OFFSET_MS);

function cellValue(value: SummaryValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (value instanceof Date) return beijingWallClock(value);
  if (typeof value === 'number') return value;
  return spreadsheetText(value);
}

interface SheetSpec {
  name: string;
  title: string;
  exportedAt: Date;
  columns: readonly { header: string; width: number }[];
  rows: Iterable<SummaryValue[]>;
  /** Columns repeated at the left of every printed page (序号 and 单位名称). */
  repeatColumns: string;
}

/**
 * One table as it should print and read: a title and the export time above it (and atop every
 * printed page), a bordered table with wrapped text in rows tall enough for it, counts as numbers
 * and times as dates; A4 landscape at 100 % (10 pt text, over as many pages as it takes) with the
 * header row and the unit columns repeated on every page; frozen header and an autofilter for
 * reading on screen.
 */
function addTable(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const exportedAt = `导出时间：${beijingStamp(spec.exportedAt.toISOString())}（北京时间）`;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2, topLeftCell: `C${HEADER_ROW + 1}`, activeCell: `C${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 100,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      printTitlesColumn: spec.repeatColumns,
    },
    // The title and the export time head every printed page: in cells they would print only as far
    // as the page's own columns reach, cut off on every page but the first.
    headerFooter: {
      oddHeader: `&L&"黑体,Bold"&12${headerText(spec.title)}&R&10${headerText(exportedAt)}`,
      oddFooter: '第 &P 页，共 &N 页',
    },
  });
  const last = spec.columns.length;
  sheet.columns = spec.columns.map((c, i) => ({ key: `c${i}`, width: c.width }));

  const title = sheet.getRow(1);
  title.getCell(1).value = spreadsheetText(spec.title);
  title.getCell(1).font = { name: '黑体', size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  title.height = 28;
  const stamp = sheet.getRow(2);
  stamp.getCell(1).value = exportedAt;
  stamp.getCell(1).font = { ...FONT };

  const header = sheet.getRow(HEADER_ROW);
  header.values = spec.columns.map((c) => c.header);
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  header.height = rowHeight(
    spec.columns.map((c) => c.header),
    spec.columns,
  );

  let at = HEADER_ROW;
  for (const values of spec.rows) {
    const row = sheet.getRow(++at);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(value);
      cell.font = { ...FONT };
      cell.border = BORDER;
      if (value instanceof Date) {
        cell.numFmt = 'yyyy-mm-dd hh:mm';
        cell.alignment = { horizontal: 'center', vertical: 'top' };
      } else if (typeof value === 'number') {
        cell.numFmt = '0';
        cell.alignment = { horizontal: 'center', vertical: 'top' };
      } else {
        // Text as text (format @): receipt numbers and phone numbers keep their leading zeros.
        cell.numFmt = '@';
        cell.alignment = { vertical: 'top', wrapText: true };
      }
    });
    row.height = rowHeight(values, spec.columns);
  }
  // On screen the title rows stay above the table; on paper the page header carries them. exceljs
  // puts $ before each corner's column only: LibreOffice ignores a print area with a relative row.
  sheet.pageSetup.printArea = `A$${HEADER_ROW}:${sheet.getColumn(last).letter}$${at}`;
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: last } };
}

/**
 * 汇总表.xlsx: sheet 汇总表 (one row per unit) and sheet 活动台账 (one row per recorded activity).
 * Written with exceljs' document model rather than its streaming writer: only the model writes
 * the print titles (the header repeated on each printed page), and a campaign's few hundred rows
 * are a small document either way.
 */
export async function writeSummaryXlsx(db: DatabaseSync, campaign: Campaign, out: Writable, now: Date): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '学习活动报送站';
  workbook.title = campaign.title;
  workbook.created = now;
  addTable(workbook, {
    name: '汇总表',
    title: `${campaign.title}汇总表`,
    exportedAt: now,
    columns: SUMMARY_COLUMNS,
    rows: summaryRows(db, campaign.requirements),
    repeatColumns: 'A:B',
  });
  const activities = [...activityRows(db)];
  if (activities.length > 0) {
    addTable(workbook, {
      name: '活动台账',
      title: `${campaign.title}活动台账`,
      exportedAt: now,
      columns: ACTIVITY_COLUMNS,
      rows: activities,
      repeatColumns: 'A:B',
    });
  }
  await workbook.xlsx.write(out);
  out.end();
}
