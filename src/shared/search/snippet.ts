/**
 * Snippets with the matched query pieces marked. Works on the original text, so what the reader
 * sees is the text as issued, while matching follows the tokenizer's folding and bridging.
 */
import { isAlnum, isBridging, normalizeForSearch, queryPhrases } from './tokenizer.ts';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

interface Compacted {
  /** Normalised text without bridging characters. */
  text: string;
  /** For each compact character, the original [start, end) it came from. */
  starts: number[];
  ends: number[];
  /** Whether a bridging character was dropped just before each compact character. */
  gapBefore: boolean[];
}

const folded = new Map<string, string>();

/** Per-character folding; Han and ASCII skip the normalisation, punctuation is normalised once. */
function fold(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return char;
  if (code < 0x80) return char.toLowerCase();
  let result = folded.get(char);
  if (result === undefined) {
    result = normalizeForSearch(char);
    folded.set(char, result);
  }
  return result;
}

function compact(original: string): Compacted {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const gapBefore: boolean[] = [];
  let gap = false;
  let offset = 0;
  for (const char of original) {
    const end = offset + char.length;
    for (const folded of fold(char)) {
      if (isBridging(folded)) {
        gap = true;
        continue;
      }
      text += folded;
      starts.push(offset);
      ends.push(end);
      gapBefore.push(gap);
      gap = false;
    }
    offset = end;
  }
  return { text, starts, ends, gapBefore };
}

/**
 * Compacted texts by their original. Only the corpus's titles and texts are highlighted, a fixed few
 * hundred, so the cache stays small; the bound only guards against a caller passing other text.
 */
const compactCache = new Map<string, Compacted>();
const compactCacheLimit = 2000;

function compacted(original: string): Compacted {
  let entry = compactCache.get(original);
  if (!entry) {
    if (compactCache.size >= compactCacheLimit) compactCache.clear();
    entry = compact(original);
    compactCache.set(original, entry);
  }
  return entry;
}

let wordSegmenter: Intl.Segmenter | undefined;

/** Created once: the first one loads the word-break dictionary, which takes a slow phone about 150 ms. */
function segmenter(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return wordSegmenter;
}

/** Does ahead of time (in the browser, as the index is built) what highlighting a text costs the first time. */
export function prepareHighlight(text: string): void {
  compacted(text);
  if (typeof Intl === 'object' && 'Segmenter' in Intl) segmenter();
}

/** A word or number must not be a piece of a longer one: 86 is not found inside 1986. */
function isWholeWord(source: Compacted, at: number, length: number): boolean {
  const end = at + length;
  const startsClean = at === 0 || source.gapBefore[at] === true || !isAlnum(source.text.charCodeAt(at - 1));
  const endsClean = end >= source.text.length || source.gapBefore[end] === true || !isAlnum(source.text.charCodeAt(end));
  return startsClean && endsClean;
}

type Range = [number, number];

/** Where the needle occurs in the compact text (words and numbers only as whole tokens). */
function occurrences(source: Compacted, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  const word = isAlnum(needle.charCodeAt(0));
  for (let at = source.text.indexOf(needle); at >= 0; at = source.text.indexOf(needle, at + needle.length)) {
    if (!word || isWholeWord(source, at, needle.length)) found.push(at);
  }
  return found;
}

/** The pieces to look for: whole phrases, or (when allowed) their bigrams where a phrase is not contiguous. */
function findRanges(source: Compacted, query: string, bigrams: boolean): Range[] {
  const ranges: Range[] = [];
  const addAll = (needle: string): boolean => {
    const found = occurrences(source, needle);
    for (const at of found) ranges.push([source.starts[at]!, source.ends[at + needle.length - 1]!]);
    return found.length > 0;
  };
  for (const phrase of queryPhrases(query)) {
    if (addAll(phrase) || !bigrams) continue;
    const chars = Array.from(phrase);
    for (let i = 0; i + 1 < chars.length; i++) addAll(chars[i]! + chars[i + 1]!);
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const clauseBreaks = ['\n', '。', '；', '！', '？', '，', '：'];

/** Where a window showing a match at `start` begins: at a clause start shortly before it if there is one. */
function windowStartFor(text: string, start: number, lead: number): number {
  const from = Math.max(0, start - lead);
  const before = text.slice(from, start);
  const cut = Math.max(...clauseBreaks.map((mark) => before.lastIndexOf(mark)));
  return cut >= 0 ? from + cut + 1 : from;
}

const isLatinOrDigit = (char: string | undefined) => char !== undefined && /[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(char);
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * Moves a window start that falls inside a word back to where the word begins: the clause break or
 * space shortly before it, else the start of a Latin word or number; among Han characters, the
 * start of the word the browser's segmenter finds, where it has one (Chromium 78 has none).
 */
function wordStart(text: string, at: number, lead: number): number {
  if (at <= 0) return 0;
  if (isSpace(text[at - 1]) || clauseBreaks.includes(text[at - 1]!)) return at;
  const before = text.slice(Math.max(0, at - lead), at);
  const clause = Math.max(...clauseBreaks.map((mark) => before.lastIndexOf(mark)));
  if (clause >= 0) return at - before.length + clause + 1;
  const space = before.search(/\s\S*$/);
  if (space >= 0) return at - before.length + space + 1;
  let start = at;
  while (start > 0 && isLatinOrDigit(text[start - 1]) && isLatinOrDigit(text[start])) start -= 1;
  if (start < at) return start;
  if (typeof Intl === 'object' && 'Segmenter' in Intl) {
    const from = Math.max(0, at - lead);
    for (const { index, segment } of segmenter().segment(text.slice(from, at + lead))) {
      if (from + index <= at && from + index + segment.length > at) return from + index;
    }
  }
  return at;
}

/** The window start that shows the most marks, with a little context before the first one. */
function bestWindowStart(text: string, ranges: Range[], maxLength: number): number {
  const lead = Math.min(24, Math.floor(maxLength / 4));
  let best = 0;
  let bestCount = -1;
  for (const [start] of ranges) {
    const from = windowStartFor(text, start, lead);
    const count = ranges.filter(([s, e]) => s >= from && e <= from + maxLength).length;
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  // Near the end the window is simply shorter: moving it back to fill it would start mid-word.
  return wordStart(text, best, lead);
}

export interface HighlightOptions {
  /** Cut to about this many characters around the best cluster of matches. */
  maxLength?: number;
  /** Mark the bigrams of a phrase that is not contiguous here (snippets); headings mark whole phrases only. */
  bigrams?: boolean;
}

/** The text, cut around the matches when long, with the matches marked; `…` shows where text was cut. */
export function highlight(text: string, query: string, { maxLength = Infinity, bigrams = true }: HighlightOptions = {}): SnippetPart[] {
  const ranges = findRanges(compacted(text), query, bigrams);
  const from = text.length > maxLength ? bestWindowStart(text, ranges, maxLength) : 0;
  // A mark is never cut in half at the end of the window.
  const straddling = ranges.find(([s, e]) => s < from + maxLength && e > from + maxLength);
  const to = Math.min(text.length, straddling ? straddling[1] : from + maxLength);
  const parts: SnippetPart[] = [];
  const push = (piece: string, mark: boolean): void => {
    if (piece) parts.push({ text: piece, mark });
  };
  if (from > 0) push('…', false);
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    push(text.slice(cursor, s), false);
    push(text.slice(s, e), true);
    cursor = e;
  }
  push(text.slice(cursor, to), false);
  if (to < text.length) push('…', false);
  return parts;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text made safe for HTML, in element content and in double-quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => escapes[c]!);
}

/** The parts as HTML, text escaped and matches in <mark>: one string to set instead of a node per part. */
export function partsToHtml(parts: readonly SnippetPart[]): string {
  return parts
    .map(({ text, mark }) => {
      const escaped = escapeHtml(text);
      return mark ? `<mark>${escaped}</mark>` : escaped;
    })
    .join('');
}
