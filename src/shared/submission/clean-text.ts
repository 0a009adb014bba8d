/**
 * One rule for every piece of text a unit types, applied by the submission schema (schema.ts) so
 * the form in the browser and the server agree on what was sent:
 *
 * - Control characters that no keyboard types (C0 except tab and line breaks, DEL, C1), NUL, lone
 *   surrogates and Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE/U+FFFF of every plane) are removed.
 * - Line breaks become \n. A single-line field folds each run of line breaks and tabs into one space,
 *   the same on save and on reopen: an <input> would silently drop them, gluing two words together.
 * - Text made only of invisible characters (spaces, zero-width and bidi marks, fillers) is empty,
 *   so a lone U+200B neither fills a required field nor starts an essay.
 *
 * Emoji, 𠮷 and other astral characters are proper surrogate pairs and stay. Pure and browser-safe.
 */

/** Removed wherever they appear. */
const UNTYPEABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Characters that show nothing besides white space: soft hyphen, combining grapheme joiner, Arabic
 * letter mark, Hangul, Khmer and Mongolian fillers and selectors, zero-width space and joiners,
 * bidi controls, word joiner and invisible operators, braille blank, variation selectors, BOM.
 * Kept as code point ranges: a regex class of joiners and selectors reads as something else.
 */
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x2800, 0x2800],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

const showsNothing = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return /\s/.test(char) || INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
};

const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]/;

const dropUntypeable = (text: string): string => text.replace(UNTYPEABLE, '');

/** True when the text shows nothing at all. */
export function isInvisible(text: string): boolean {
  return Array.from(text).every(showsNothing);
}

/** A multi-line field (情况汇报, 感想正文): line breaks kept as \n, tabs kept, then trimmed. */
export function cleanMultiline(text: string): string {
  const cleaned = dropUntypeable(text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n')).trim();
  return isInvisible(cleaned) ? '' : cleaned;
}

/** A single-line field (联系人, 标题, 照片说明): every run of line breaks and tabs becomes one space. */
export function cleanSingleLine(text: string): string {
  const cleaned = dropUntypeable(text.replace(/[\t\r\n\u2028\u2029\u0085]+/g, ' ')).trim();
  return isInvisible(cleaned) ? '' : cleaned;
}

/** Whether a value would be folded by cleanSingleLine: the form can say so before it is sent. */
export const hasLineBreak = (text: string): boolean => LINE_BREAKS.test(text);
