import { describe, expect, it } from 'vitest';
import { csvText, spreadsheetText } from '#server/export/text-clean.ts';
import { csvLine } from '#server/export/summary-csv.ts';

describe('CSV cells Excel would convert', () => {
  it('keep leading zeros, long digit strings, digit dates and scientific notation as text', () => {
    for (const value of ['0012345', '410702199001011234', '123456789012', '2-15', '2023/2/15', '1E5', '12%', '00.5']) {
      expect(csvText(value), value).toBe(`="${value}"`);
    }
    expect(csvLine(['0012345', '王明'])).toBe('"=""0012345""",王明\r\n');
  });

  it('leave ordinary numbers, phone numbers with a hyphen and Chinese dates alone', () => {
    for (const value of ['45', '13812345678', '0373-2079642', '2023年2月15日', '第 3 版', '41070219900101123X']) {
      expect(csvText(value), value).toBe(value);
    }
  });

  it('still neutralise a formula rather than quoting it as text', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(spreadsheetText('=HYPERLINK("http://x")'));
    expect(csvText('=1+1')).toBe("'=1+1");
  });
});
