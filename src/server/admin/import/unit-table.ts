import { isPhoneNumber } from '#shared/submission/rules.ts';
import { cleanSingleLine } from '#shared/submission/clean-text.ts';
import type { TableRow } from './csv-parse.ts';

export interface ImportedUnit {
  row: number;
  name: string;
  category: string;
  /** Undefined when the file has no such column: the unit's stored value is kept. */
  contactPerson?: string;
  contactPhone?: string;
}

export interface UnitTable {
  units: ImportedUnit[];
  /** Chinese messages, one per problem, each naming its row. Empty when the file can be imported. */
  problems: string[];
}

type Column = 'name' | 'category' | 'contactPerson' | 'contactPhone';

/** Header spellings people actually use, after folding spaces, full-width forms and 必填 marks. */
const HEADERS: Record<Column, string[]> = {
  name: ['单位名称', '单位', '名称', '单位全称', '报送单位', '单位名'],
  category: ['类别', '单位类别', '分类', '类型', '单位类型'],
  contactPerson: ['联系人', '联系人姓名', '联络员', '联络人'],
  contactPhone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'],
};

export const MAX_UNITS = 500;

/** Full-width letters, digits and brackets to half-width; no spaces of any width. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\u3000/g, '');
}

function headerColumn(cell: string): Column | undefined {
  const key = fold(cell).replace(/[*＊]|[（(]必填[)）]|[（(]选填[)）]/g, '');
  return (Object.keys(HEADERS) as Column[]).find((column) => HEADERS[column].includes(key));
}

function matchCategory(value: string, categories: readonly string[]): string | undefined {
  const wanted = fold(value);
  return categories.find((c) => fold(c) === wanted);
}

function phonesValid(value: string): boolean {
  return value.split(/[、,，/;；]+/).every((part) => part.trim() === '' || isPhoneNumber(part.trim()));
}

/**
 * Reads the unit list out of a table: a header row with 单位名称 and 类别 (联系人, 联系电话
 * optional), then one unit per row. Every problem is reported, not just the first, so the
 * organiser fixes the file once.
 */
export function readUnitTable(rows: readonly TableRow[], categories: readonly string[]): UnitTable {
  const problems: string[] = [];
  const header = rows[0];
  if (!header) return { units: [], problems: ['文件里没有内容。第一行应是表头：单位名称、类别、联系人、联系电话。'] };
  const index = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const column = headerColumn(cell);
    if (column && !index.has(column)) index.set(column, i);
  });
  for (const [column, label] of [
    ['name', '单位名称'],
    ['category', '类别'],
  ] as const) {
    if (!index.has(column)) {
      problems.push(`第 ${header.row} 行（表头）缺少“${label}”列。表头应为：单位名称、类别、联系人、联系电话（联系人和电话可以不填）。`);
    }
  }
  if (problems.length > 0) return { units: [], problems };
  if (rows.length - 1 > MAX_UNITS) {
    return { units: [], problems: [`名单有 ${rows.length - 1} 个单位，超过了 ${MAX_UNITS} 个的上限，请检查是否选错了文件。`] };
  }

  const cell = (row: TableRow, column: Column) => {
    const i = index.get(column);
    // Cleaned as typed text is everywhere: names and contacts end up on every unit's form and receipt.
    return i === undefined ? undefined : cleanSingleLine(row.cells[i] ?? '');
  };
  const seen = new Map<string, number>();
  const units: ImportedUnit[] = [];
  for (const row of rows.slice(1)) {
    const name = (cell(row, 'name') ?? '').replace(/\s+/g, ' ');
    const rawCategory = cell(row, 'category') ?? '';
    const contactPerson = cell(row, 'contactPerson');
    const contactPhone = cell(row, 'contactPhone');
    const at = `第 ${row.row} 行`;
    if (!name) {
      problems.push(`${at}：缺少单位名称。`);
      continue;
    }
    const where = `${at}（${name}）`;
    if (name.length < 2 || name.length > 40) problems.push(`${where}：单位名称应为 2 到 40 个字。`);
    const duplicate = seen.get(fold(name));
    if (duplicate !== undefined) problems.push(`${where}：与第 ${duplicate} 行的单位重名。`);
    seen.set(fold(name), row.row);
    const category = matchCategory(rawCategory, categories);
    if (!rawCategory) problems.push(`${where}：缺少类别，应为 ${categories.join('、')} 之一。`);
    else if (!category) problems.push(`${where}：类别“${rawCategory}”不在本次活动的单位类别中，应为 ${categories.join('、')} 之一。`);
    if (contactPerson && contactPerson.length > 20) problems.push(`${where}：联系人不能超过 20 个字。`);
    if (contactPhone && (contactPhone.length > 40 || !phonesValid(contactPhone))) {
      problems.push(`${where}：联系电话“${contactPhone}”格式不对，请填写手机号或带区号的座机号，多个号码用顿号分隔。`);
    }
    units.push({
      row: row.row,
      name,
      category: category ?? rawCategory,
      ...(contactPerson !== undefined ? { contactPerson } : {}),
      ...(contactPhone !== undefined ? { contactPhone } : {}),
    });
  }
  if (units.length === 0 && problems.length === 0) problems.push('表头下面没有单位。请每行填写一个单位。');
  return { units, problems };
}
