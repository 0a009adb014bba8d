import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportBytes, exportFixture } from '../support/export-fixture.ts';
import { exportKind } from '#server/export/exports.ts';
import { ACTIVITY_COLUMNS, participantCount, SUMMARY_COLUMNS } from '#server/export/summary.ts';
import { csvField } from '#server/export/summary-csv.ts';
import { addNote, NOTE_LIMITS } from '#server/review/supervision.ts';
import { addUnits, freshStore } from '../support/seed-submissions.ts';

const fixture = await exportFixture();
const HEADER_ROW = 3;

async function book(): Promise<ExcelJS.Workbook> {
  const bytes = await exportBytes((out) => exportKind('汇总表.xlsx')!.write(fixture.ctx, out));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}
const workbook = await book();
const sheet = workbook.getWorksheet('汇总表')!;

const column = (header: string) => SUMMARY_COLUMNS.findIndex((c) => c.header === header) + 1;
const cell = (row: number, header: string) => sheet.getRow(row).getCell(column(header));

describe('汇总表.xlsx', () => {
  it('starts with the campaign title and the export time in Beijing time above the table', () => {
    expect(String(sheet.getCell('A1').value)).toBe(`${fixture.ctx.campaign.title}汇总表`);
    // The fixture exports at 2023-03-01 02:00 UTC: 10:00 in Beijing.
    expect(sheet.getCell('A2').value).toBe('导出时间：2023-03-01 10:00（北京时间）');
  });

  it('has the Chinese headers on a frozen row with an autofilter, and one row per unit', () => {
    expect((sheet.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(SUMMARY_COLUMNS.map((c) => c.header));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(HEADER_ROW + 3);
    expect(cell(4, '单位名称').value).toBe('卫辉市水利局');
  });

  it('stores 序号, counts and participants as numbers and times as dates, so SUM works', () => {
    expect(cell(4, '序号').value).toBe(1);
    expect(cell(5, '版本数').value).toBe(2);
    expect(cell(4, '照片数').value).toBe(2);
    expect(cell(4, '学习感想数').value).toBe(2);
    expect(cell(4, '参加人次').value).toBe(30);
    const first = cell(4, '首次报送时间');
    expect(first.value).toBeInstanceOf(Date);
    // Seeded at 2023-02-20 02:00 UTC, shown as 10:00 on a Beijing clock.
    expect((first.value as Date).toISOString()).toBe('2023-02-20T10:00:00.000Z');
    expect(first.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cell(6, '照片数').value).toBeNull();
  });

  it('keeps rare characters such as 𠮷 intact and shows each unit’s status and what it lacks', () => {
    expect(cell(5, '单位名称').value).toBe('𠮷祥建管局');
    expect(cell(5, '报送状态').value).toBe('逾期');
    expect(cell(6, '报送状态').value).toBe('未报送');
  });

  it('neutralises text that would run as a formula and keeps text cells as text', () => {
    expect(String(cell(4, '学习感想篇目').value)).toContain('《=HYPERLINK("http://x")》');
    expect(cell(6, '联系人').value).toBe(`'=cmd|"/c calc"!A1`);
    expect(cell(6, '联系电话').value).toBe(`'+8613900000003`);
    expect(cell(6, '联系电话').numFmt).toBe('@');
    sheet.eachRow((row) =>
      row.eachCell((c) => expect(typeof c.value === 'object' && c.value !== null && 'formula' in c.value).toBe(false)),
    );
  });

  it('prints on A4 landscape at full size with borders, wrapped text and the header on every page', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100, fitToPage: false });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    const body = cell(4, '缺少的材料');
    expect(body.font.size).toBeGreaterThanOrEqual(9);
    expect(body.alignment.wrapText).toBe(true);
    expect(body.border.top?.style).toBe('thin');
    expect(cell(HEADER_ROW, '单位名称').border.bottom?.style).toBe('thin');
  });

  it('prints the title and the export time atop every page, in the page header rather than in cells a page cuts off', () => {
    // In cells, a page holding later columns printed only as much of the title as its first two
    // columns are wide; the print area starts at the header row and the page header carries both.
    expect(sheet.pageSetup.printArea?.replace(/\$/g, '')).toBe(`A${HEADER_ROW}:X${sheet.rowCount}`);
    expect(sheet.headerFooter.oddHeader).toContain(`${fixture.ctx.campaign.title}汇总表`);
    expect(sheet.headerFooter.oddHeader).toContain('导出时间：2023-03-01 10:00（北京时间）');
  });

  it('makes each row as tall as its longest wrapped cell, up to the tallest row Excel has', async () => {
    // 卫辉's 学习活动台账 runs past its 50 columns: two lines; the header 企业或其他单位参加 past its 9.
    expect(sheet.getRow(HEADER_ROW + 1).height).toBeGreaterThanOrEqual(30);
    expect(sheet.getRow(HEADER_ROW).height).toBeGreaterThanOrEqual(30);
    const store = freshStore();
    const [unitId] = addUnits(store.db, [{ name: '督导很多的单位', category: '局属建管局' }]);
    const text = '发现问题'.repeat(NOTE_LIMITS.text / 4);
    for (let i = 0; i < 3; i++) {
      addNote(
        store.db,
        unitId!,
        { checkedOn: '2023-02-24', method: '现场检查', findings: text, requirements: text, rectification: text },
        'admin',
      );
    }
    const bytes = await exportBytes((out) =>
      exportKind('汇总表.xlsx')!.write({ ...fixture.ctx, db: store.db, dataDir: store.dataDir }, out),
    );
    const long = new ExcelJS.Workbook();
    await long.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(long.getWorksheet('汇总表')!.getRow(HEADER_ROW + 1).height).toBe(409);
  });

  it('has a second sheet 活动台账 with one row per recorded activity', () => {
    const ledger = workbook.getWorksheet('活动台账')!;
    expect((ledger.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(ACTIVITY_COLUMNS.map((c) => c.header));
    expect(ledger.rowCount).toBe(HEADER_ROW + 2);
    expect(ledger.getRow(HEADER_ROW + 1).getCell(2).value).toBe('卫辉市水利局');
    expect(ledger.getRow(HEADER_ROW + 1).getCell(7).value).toBe(30);
  });
});

describe('参加人数 read from 参加人员', () => {
  it('takes the one number of people the unit wrote, and nothing when it is unclear', () => {
    expect(participantCount('全体干部职工 30 人')).toBe(30);
    expect(participantCount('局班子成员及干部职工30余人')).toBe(30);
    expect(participantCount('领导 3 人、干部 12 人')).toBeNull();
    expect(participantCount('全体干部')).toBeNull();
  });
});

describe('汇总表.csv', () => {
  it('starts with a UTF-8 BOM so Excel on Chinese Windows reads it correctly', async () => {
    const bytes = await exportBytes((out) => exportKind('汇总表.csv')!.write(fixture.ctx, out));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(SUMMARY_COLUMNS.map((c) => c.header).join(','));
    expect(text).toContain('𠮷祥建管局');
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(text).toContain('2023-02-20 10:00');
  });

  it('quotes fields holding commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('-1')).toBe(`'-1`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('\tx')).toBe(`'\tx`);
    expect(csvField('普通文字')).toBe('普通文字');
  });
});
