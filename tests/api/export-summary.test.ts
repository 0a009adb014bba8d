import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportBytes, exportFixture } from '../support/export-fixture.ts';
import { exportKind } from '#server/export/exports.ts';
import { SUMMARY_COLUMNS } from '#server/export/summary.ts';
import { csvField } from '#server/export/summary-csv.ts';

const fixture = await exportFixture();

async function workbook(): Promise<ExcelJS.Worksheet> {
  const bytes = await exportBytes((out) => exportKind('汇总表.xlsx')!.write(fixture.ctx, out));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book.getWorksheet('汇总表')!;
}

const column = (header: string) => SUMMARY_COLUMNS.findIndex((c) => c.header === header) + 1;

describe('汇总表.xlsx', () => {
  it('has the Chinese headers on a frozen first row and one row per unit', async () => {
    const sheet = await workbook();
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SUMMARY_COLUMNS.map((c) => c.header));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(column('单位名称')).width).toBe(26);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(column('单位名称')).value).toBe('卫辉市水利局');
  });

  it('keeps rare characters such as 𠮷 intact and shows each unit’s status and what it lacks', async () => {
    const sheet = await workbook();
    const row = sheet.getRow(3);
    expect(row.getCell(column('单位名称')).value).toBe('𠮷祥建管局');
    expect(row.getCell(column('报送状态')).value).toBe('逾期');
    expect(row.getCell(column('版本数')).value).toBe('2');
    expect(sheet.getRow(4).getCell(column('报送状态')).value).toBe('未报送');
  });

  it('neutralises values that would run as formulas and stores every cell as text', async () => {
    const sheet = await workbook();
    const titles = String(sheet.getRow(2).getCell(column('学习感想篇目')).value);
    expect(titles).toContain('《=HYPERLINK("http://x")》');
    expect(sheet.getRow(2).getCell(column('优秀感想')).value).toBe('《=HYPERLINK("http://x")》');
    expect(sheet.getRow(4).getCell(column('联系人')).value).toBe(`'=cmd|"/c calc"!A1`);
    expect(sheet.getRow(4).getCell(column('联系电话')).value).toBe(`'+8613900000003`);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(typeof cell.value).toBe('string');
        expect(cell.numFmt).toBe('@');
      }),
    );
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
