/**
 * The one tokenizer of site search, shared byte for byte by the index build (Node) and the query
 * (browser and server). Chinese becomes overlapping character bigrams; ASCII words and numbers stay
 * whole. It needs neither Intl.Segmenter nor a dictionary, so every engine cuts text the same way.
 *
 * Single characters are covered without indexing every unigram: each character that is not last in
 * its run begins a bigram, and the last character of every run is indexed on its own, so a
 * one-character query is a prefix search over the index terms.
 */

/** Characters that join Chinese across them: 双随机、一公开 is found by 双随机一公开, 互联网+监管 by 互联网监管. */
const BRIDGING = new Set(Array.from(' \t\n\r\u00a0\u3000、·・“”‘’「」『』()（）《》〈〉<>"\'+'));

export function isBridging(char: string): boolean {
  return BRIDGING.has(char);
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAlnum(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 122);
}

/** Full-width to half-width, compatibility forms folded, Latin lowercased. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export interface TokenRun {
  kind: 'han' | 'word';
  /** Han runs without bridging characters; words as lowercased ASCII, numbers with their % kept. */
  text: string;
}

const WHITESPACE = new Set(Array.from(' \t\n\r'));

/**
 * Splits normalised text into runs of Han characters and ASCII words/numbers. In the texts,
 * whitespace between Han characters is an artefact of PDF extraction and bridges; in a query it is
 * the reader's word separator (工程质量 终身责任) and ends a run.
 */
export function splitRuns(normalized: string, whitespaceBridges = true): TokenRun[] {
  const runs: TokenRun[] = [];
  let han = '';
  let word = '';
  const flushHan = (): void => {
    if (han) runs.push({ kind: 'han', text: han });
    han = '';
  };
  const flushWord = (): void => {
    if (word) runs.push({ kind: 'word', text: word });
    word = '';
  };
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charAt(i);
    const code = normalized.charCodeAt(i);
    if (isHan(code)) {
      flushWord();
      han += c;
    } else if (isAlnum(code)) {
      flushHan();
      word += c;
    } else if (word && (c === '%' || (c === '.' && isDigit(word.charCodeAt(word.length - 1)) && isDigit(normalized.charCodeAt(i + 1))))) {
      // 98% and 2.5 stay one token; a sentence-final "." does not join anything.
      word += c;
      if (c === '%') flushWord();
    } else if (!whitespaceBridges && WHITESPACE.has(c)) {
      flushWord();
      flushHan();
    } else if (BRIDGING.has(c)) {
      flushWord();
      // Han runs continue across bridging characters; words end at them.
    } else {
      flushWord();
      flushHan();
    }
  }
  flushWord();
  flushHan();
  return runs;
}

/** The index terms of one run. */
function runTerms(run: TokenRun): string[] {
  if (run.kind === 'word') {
    // "94%" is also found by "94".
    return run.text.endsWith('%') ? [run.text, run.text.slice(0, -1)] : [run.text];
  }
  const chars = Array.from(run.text);
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  terms.push(chars[chars.length - 1]!);
  return terms;
}

/** Every index term of a text, in order, duplicates kept (term frequency matters for ranking). */
export function indexTerms(text: string): string[] {
  return splitRuns(normalizeForSearch(text)).flatMap(runTerms);
}

export interface QueryTerm {
  term: string;
  /** A lone Han character: matched as a prefix of the index terms. */
  prefix: boolean;
}

/** The distinct terms a query requires: bigrams of each Han run, whole words, lone characters as prefixes. */
export function queryTerms(query: string): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  const add = (term: string, prefix: boolean): void => {
    const key = (prefix ? '*' : '') + term;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ term, prefix });
  };
  for (const run of splitRuns(normalizeForSearch(query), false)) {
    if (run.kind === 'word') {
      add(run.text, false);
      continue;
    }
    const chars = Array.from(run.text);
    if (chars.length === 1) add(chars[0]!, true);
    for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!, false);
  }
  return terms;
}

const bridgingPattern = /[\s、·・“”‘’「」『』()（）《》〈〉<>"'+]/g;

/** Text folded as the tokenizer folds it with bridging characters dropped, for phrase tests. */
export function compactForMatch(text: string): string {
  return normalizeForSearch(text).replace(bridgingPattern, '');
}

/** The contiguous pieces of a query, compacted as the texts are, for highlighting and phrase bonus. */
export function queryPhrases(query: string): string[] {
  return splitRuns(normalizeForSearch(query), false).map((run) => run.text);
}
