import { describe, expect, it } from 'vitest';
import { parseCsv, detectDelimiter } from '#server/admin/import/csv-parse.ts';
import { decodeTableText } from '#server/admin/import/decode-text.ts';
import { readUnitTable } from '#server/admin/import/unit-table.ts';

const categories = ['县（市、区）水利局', '局机关科室', '局属二级机构', '局属建管局'];
const table = (text: string) => readUnitTable(parseCsv(text), categories);

describe('reading a CSV', () => {
  it('keeps commas, quotes and line breaks inside quoted fields and numbers rows as Excel does', () => {
    const rows = parseCsv('单位名称,类别\r\n"卫辉市水利局, 本级",局机关科室\r\n\r\n"说""明""\n第二行",x\n');
    expect(rows).toEqual([
      { row: 1, cells: ['单位名称', '类别'] },
      { row: 2, cells: ['卫辉市水利局, 本级', '局机关科室'] },
      { row: 4, cells: ['说"明"\n第二行', 'x'] },
    ]);
  });

  it('uses the tab of Excel “Unicode text” files', () => {
    expect(detectDelimiter('单位名称\t类别\t联系人\n')).toBe('\t');
  });
});

describe('recognising the encoding of an uploaded CSV', () => {
  const text = '单位名称,类别\n𠮷祥建管局,局属建管局\n';
  it('reads UTF-8 with and without the BOM Excel adds', () => {
    const bytes = Buffer.from(text, 'utf8');
    expect(decodeTableText(bytes)).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeTableText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toEqual({ text, encoding: 'UTF-8' });
  });

  it('reads the GBK that Excel writes on a Chinese Windows', () => {
    // 单位名称,类别 in GBK
    const gbk = Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xb1, 0xf0]);
    expect(decodeTableText(gbk)).toEqual({ text: '单位名称,类别', encoding: 'GBK' });
  });

  it('reads UTF-16 “Unicode text”', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('单位\t类别', 'utf16le')]);
    expect(decodeTableText(bytes)).toEqual({ text: '单位\t类别', encoding: 'UTF-16' });
  });
});

describe('checking the unit list', () => {
  it('accepts the header variants 单位/名称 and full-width brackets in the category', () => {
    const result = table('单位,类别,联系人,手机\n卫辉市水利局,县(市、区)水利局,刘一,13900000001\n');
    expect(result.problems).toEqual([]);
    expect(result.units).toEqual([
      { row: 2, name: '卫辉市水利局', category: '县（市、区）水利局', contactPerson: '刘一', contactPhone: '13900000001' },
    ]);
  });

  it('says which columns the header lacks', () => {
    expect(table('名字,分组\n卫辉市水利局,局机关科室\n').problems).toEqual([
      '第 1 行（表头）缺少“单位名称”列。表头应为：单位名称、类别、联系人、联系电话（联系人和电话可以不填）。',
      '第 1 行（表头）缺少“类别”列。表头应为：单位名称、类别、联系人、联系电话（联系人和电话可以不填）。',
    ]);
  });

  it('lists every bad row with its row number, not just the first', () => {
    const result = table(
      '单位名称,类别,联系电话\n卫辉市水利局,局机关科室,2079642\n,局机关科室,\n卫辉市水利局,局属建管局,\n规划计划科,科室,\n河湖管理科,局机关科室,电话待定\n',
    );
    expect(result.problems).toEqual([
      '第 3 行：缺少单位名称。',
      '第 4 行（卫辉市水利局）：与第 2 行的单位重名。',
      '第 5 行（规划计划科）：类别“科室”不在本次活动的单位类别中，应为 县（市、区）水利局、局机关科室、局属二级机构、局属建管局 之一。',
      '第 6 行（河湖管理科）：联系电话“电话待定”格式不对，请填写手机号或带区号的座机号，多个号码用顿号分隔。',
    ]);
  });

  it('accepts two phone numbers separated by 、 as the notice writes them', () => {
    expect(table('单位名称,类别,联系电话\n局办公室,局机关科室,2079642、18737374374\n').problems).toEqual([]);
  });

  it('leaves contacts untouched when the file has no contact columns', () => {
    expect(table('单位名称,类别\n局办公室,局机关科室\n').units[0]).toEqual({ row: 2, name: '局办公室', category: '局机关科室' });
  });

  it('cleans each cell as typed text: a name of invisible characters is missing, control characters go, a line break folds', () => {
    const result = table('单位名称,类别,联系人\n\u200B\u3000,局机关科室,\n"局办\u0007公室",局机关科室,"王\n明"\n');
    expect(result.problems).toEqual(['第 2 行：缺少单位名称。']);
    expect(result.units).toEqual([{ row: 3, name: '局办公室', category: '局机关科室', contactPerson: '王 明' }]);
  });
});
