/**
 * Pure text helpers for annotations: marking glossary terms inside the official text without
 * changing a single character of it, and finding the passage a quote points at.
 */

export interface Segment {
  text: string;
  /** Set when this piece is an occurrence of a glossary term. */
  termSlug?: string;
}

export interface MarkableTerm {
  slug: string;
  aliases: readonly string[];
}

/**
 * Splits text into plain and term segments. Longer aliases claim their places first, so that
 * 全面质量管理 is one mark rather than 质量管理 inside it; marks never overlap, and joining the
 * segments' text gives back the input exactly.
 */
export function markTerms(text: string, terms: readonly MarkableTerm[]): Segment[] {
  const owner = new Array<string | undefined>(text.length);
  const starts = new Map<number, { end: number; slug: string }>();
  for (const { alias, slug } of aliasesLongestFirst(terms)) {
    for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + 1)) {
      const end = at + alias.length;
      if (owner.slice(at, end).some((taken) => taken !== undefined)) continue;
      owner.fill(slug, at, end);
      starts.set(at, { end, slug });
    }
  }
  const segments: Segment[] = [];
  let plainFrom = 0;
  for (let index = 0; index < text.length;) {
    const mark = starts.get(index);
    if (mark === undefined) {
      index += 1;
      continue;
    }
    if (plainFrom < index) segments.push({ text: text.slice(plainFrom, index) });
    segments.push({ text: text.slice(index, mark.end), termSlug: mark.slug });
    index = mark.end;
    plainFrom = index;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom) });
  return segments;
}

function aliasesLongestFirst(terms: readonly MarkableTerm[]): { alias: string; slug: string }[] {
  return terms
    .flatMap((term) => term.aliases.filter((alias) => alias.length > 0).map((alias) => ({ alias, slug: term.slug })))
    .sort((a, b) => b.alias.length - a.alias.length);
}

/** Removes every kind of whitespace, including full-width spaces and the line breaks of PDF extractions. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The id of the one candidate whose text contains the quote, whitespace ignored on both sides;
 * undefined when no candidate or more than one contains it.
 */
export function resolveQuote(quote: string, candidates: readonly { id: string; text: string }[]): string | undefined {
  const needle = withoutWhitespace(quote);
  if (needle === '') return undefined;
  const found = candidates.filter((candidate) => withoutWhitespace(candidate.text).includes(needle));
  return found.length === 1 ? found[0]?.id : undefined;
}
