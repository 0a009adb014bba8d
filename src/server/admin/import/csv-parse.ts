/** A row of a table file with the line the organiser sees it on (1 = the header). */
export interface TableRow {
  row: number;
  cells: string[];
}

/** Comma, tab (Excel's "Unicode text") or semicolon, whichever the header line uses most. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/**
 * RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks. Rows that are
 * entirely empty are dropped; `row` counts records, so it matches the row number in Excel.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): TableRow[] {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let record = 1;
  const endRow = () => {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: record, cells });
    record++;
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}
