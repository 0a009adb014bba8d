/** The one shape every benchmark returns, printed side by side with its baseline by run.ts. */
export type BenchTable = {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
};

const width = (text: string): number => {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
};

const cell = (value: string | number): string => (typeof value === 'number' ? value.toLocaleString('en-US') : value);

/** Renders a table as aligned plain text (CJK characters count double), numbers right-aligned. */
export function formatTable(table: BenchTable): string {
  const body = table.rows.map((row) => row.map(cell));
  const widths = table.columns.map((column, i) => Math.max(width(column), ...body.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[], numeric: boolean[]) =>
    cells
      .map((text, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(text)));
        return numeric[i] ? pad + text : text + pad;
      })
      .join('  ');
  const numericColumns = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((row) => typeof row[i] === 'number'));
  const out = [
    `## ${table.title}`,
    line(table.columns, numericColumns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map((row) => line(row, table.rows.length > 0 ? row.map((_, i) => typeof table.rows[0]?.[i] === 'number') : [])),
  ];
  for (const note of table.notes ?? []) out.push(`  * ${note}`);
  return out.join('\n');
}

export function printTable(table: BenchTable): void {
  console.log(`${formatTable(table)}\n`);
}
