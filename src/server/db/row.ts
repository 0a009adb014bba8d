import type { SQLOutputValue } from 'node:sqlite';

/**
 * Typed reads of one result row. Each table's row mapper uses these instead of casting the row, so
 * a column renamed or left out of a SELECT fails at its first read, naming the column, rather than
 * turning into `undefined` further on.
 */
export type Row = Record<string, SQLOutputValue>;

function cell(row: Row, column: string): SQLOutputValue {
  if (!(column in row)) throw new Error(`query result has no column ${column}`);
  return row[column]!;
}

function wrongType(column: string, expected: string, value: SQLOutputValue): Error {
  return new Error(`column ${column}: expected ${expected}, got ${value === null ? 'NULL' : typeof value}`);
}

export function integer(row: Row, column: string): number {
  const value = cell(row, column);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  throw wrongType(column, 'an integer', value);
}

export function optionalInteger(row: Row, column: string): number | null {
  return cell(row, column) === null ? null : integer(row, column);
}

export function text(row: Row, column: string): string {
  const value = cell(row, column);
  if (typeof value === 'string') return value;
  throw wrongType(column, 'text', value);
}

export function optionalText(row: Row, column: string): string | null {
  return cell(row, column) === null ? null : text(row, column);
}

/** SQLite's booleans: 0 or 1 (a NULL from an outer join reads as false). */
export function flag(row: Row, column: string): boolean {
  return optionalInteger(row, column) === 1;
}

/** An ISO-8601 UTC timestamp as stored. */
export function timestamp(row: Row, column: string): Date {
  return new Date(text(row, column));
}

/** Binds a list of ids as one parameter: `WHERE id IN (SELECT value FROM json_each(?))`. */
export const idList = (ids: Iterable<number>): string => JSON.stringify([...new Set(ids)]);
