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
 * Characters that show nothing: white space, format characters (zero-width space and joiners, bidi
 * controls, BOM, soft hyphen), Hangul and Mongolian fillers, variation selectors, braille blank.
 */
const INVISIBLE = /^[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0]*$/;

const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]/;

const dropUntypeable = (text: string): string => text.replace(UNTYPEABLE, '');

/** True when the text shows nothing at all. */
export function isInvisible(text: string): boolean {
  return INVISIBLE.test(text);
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
