/**
 * Whether a section holds a query but for one word, as readers type: a word added (质量月活动 for
 * 质量月), left out (工程终身责任 for 工程质量终身责任) or put in between (中国品牌日活动 for
 * “中国品牌日”系列活动). Works on compacted text, so punctuation and spaces never count.
 */

/** Longest word taken as "one word" added to a query. */
const maxDroppedChars = 4;
/** How far apart the two halves of the query may stand in the section: within one clause. */
const maxGapChars = 20;
const clauseEnd = /[。；！？\n]/;

export interface NearMatch {
  /** Characters of the query the section holds as written, in order. */
  kept: number;
}

/** The ways to cut the query into what the section must hold (before, after) around a dropped word. */
function* cuts(query: string): Generator<[string, string, number]> {
  const chars = Array.from(query);
  const n = chars.length;
  const needed = Math.max(3, Math.ceil((n * 2) / 3));
  for (let dropped = 0; dropped <= maxDroppedChars; dropped++) {
    if (n - dropped < needed) break;
    for (let at = 0; at + dropped <= n; at++) {
      const before = chars.slice(0, at).join('');
      const after = chars.slice(at + dropped).join('');
      if (dropped === 0 && (before.length < 2 || after.length < 2)) continue;
      // A single character is no evidence on its own: each half holds a word or nothing.
      if ((before && Array.from(before).length < 2) || (after && Array.from(after).length < 2)) continue;
      yield [before, after, n - dropped];
    }
  }
}

/** One search checks the same query against every section: its cuts are worked out once. */
let lastQuery: string | undefined;
let lastCuts: [string, string, number][] = [];
function cutsOf(query: string): readonly [string, string, number][] {
  if (query !== lastQuery) {
    lastCuts = [...cuts(query)];
    lastQuery = query;
  }
  return lastCuts;
}

function holdsInOrder(text: string, before: string, after: string): boolean {
  if (!before) return text.includes(after);
  if (!after) return text.includes(before);
  for (let at = text.indexOf(before); at >= 0; at = text.indexOf(before, at + 1)) {
    const from = at + before.length;
    const next = text.indexOf(after, from);
    if (next >= 0 && next - from <= maxGapChars && !clauseEnd.test(text.slice(from, next))) return true;
  }
  return false;
}

/**
 * The best near match of a compacted query in any of the compacted texts, or undefined. Queries
 * shorter than four characters are left to the exact match: three characters with one dropped
 * would find common words anywhere.
 */
export function nearMatch(query: string, texts: readonly string[]): NearMatch | undefined {
  if (Array.from(query).length < 4) return undefined;
  for (const [before, after, kept] of cutsOf(query)) {
    if (texts.some((text) => holdsInOrder(text, before, after))) return { kept };
  }
  return undefined;
}
