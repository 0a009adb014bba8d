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
