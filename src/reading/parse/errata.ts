import type { SourceLine } from './lines.ts';

/** A correction made to a source line, before it is placed on a page. */
export interface Correction {
  line: number;
  original: string;
  corrected: string;
  /** The corrected phrase with a few characters either side, to find it on the page. */
  context: string;
}

/**
 * The PDF of the 纲要 carries the English word "and" where the official text has 和, between two
 * Chinese words ("重点行业 and 重点产品"). Only that exact shape is corrected, and every correction
 * is returned so the site lists it openly as 勘误. Nothing else of the text is touched.
 */
const STRAY_AND = /([\u4e00-\u9fff]) and ([\u4e00-\u9fff])/g;

export function correctStrayAnd(lines: SourceLine[]): { lines: SourceLine[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const corrected = lines.map(({ no, text }) => ({
    no,
    text: text.replace(STRAY_AND, (match, before: string, after: string, offset: number) => {
      const fixed = `${before}和${after}`;
      const head = text.slice(Math.max(0, offset - 3), offset);
      const tail = text.slice(offset + match.length, offset + match.length + 3);
      corrections.push({ line: no, original: head + match + tail, corrected: head + fixed + tail, context: head + fixed + tail });
      return fixed;
    }),
  }));
  return { lines: corrected, corrections };
}
