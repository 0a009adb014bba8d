import type { Writable } from 'node:stream';
import { SUMMARY_COLUMNS, summaryText, type SummaryValue } from './summary.ts';
import { csvText } from './text-clean.ts';
import { writeChunk } from './stream-util.ts';

/** One CSV field: quoted when it holds a delimiter, a quote or a line break; formulas neutralised, numbers kept as typed. */
export function csvField(value: string): string {
  const text = csvText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** UTF-8 with a BOM, so that Excel on a Chinese Windows opens it as UTF-8 instead of GBK. */
export const CSV_BOM = '\uFEFF';

/** 汇总表.csv, written line by line and waiting whenever the reader is slower than the writer. */
export async function writeSummaryCsv(rows: Iterable<SummaryValue[]>, out: Writable): Promise<void> {
  await writeChunk(out, CSV_BOM + csvLine(SUMMARY_COLUMNS.map((c) => c.header)));
  for (const values of rows) await writeChunk(out, csvLine(values.map(summaryText)));
  out.end();
}
