/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF). A pasted report can contain them; left in, Word and Excel refuse the whole file.
 * Astral characters such as 𠮷 are proper surrogate pairs and stay.
 */
export function xmlSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Leading characters that make a spreadsheet treat a cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell value that cannot run as a formula when the organiser opens or edits the sheet:
 * `=HYPERLINK("http://x")` becomes `'=HYPERLINK("http://x")`, which Excel and WPS show as text.
 */
export function spreadsheetText(value: string): string {
  const safe = xmlSafe(value);
  return FORMULA_START.test(safe) ? `'${safe}` : safe;
}

/**
 * Text Excel would read as a number or a date when it opens a CSV, losing what was typed: leading
 * zeros (0012345 → 12345), twelve or more digits (an 18-digit id → 4.10702E+17), scientific
 * notation (1E5), digit dates (2-15, 2023/2/15) and percentages.
 */
const EXCEL_CONVERTS = /^(?:0\d+(?:\.\d+)?|\d{12,}|\d+(?:\.\d+)?[eE][+-]?\d+|\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?|\d+(?:\.\d+)?%)$/;

/**
 * A CSV cell that Excel shows exactly as typed: values it would convert are written as the text
 * formula ="0012345", which holds only that constant (EXCEL_CONVERTS allows no quote or operator).
 * The xlsx writer needs none of this: its cells are typed as text.
 */
export function csvText(value: string): string {
  const text = spreadsheetText(value);
  return EXCEL_CONVERTS.test(text) ? `="${text}"` : text;
}
