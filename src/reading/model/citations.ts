/**
 * Resolves the quotes of 发布会 and 对照 notes into links, and inverts them so that the press
 * page and the related documents can link back to the articles that cite them.
 */
import type { Note } from '#reading/annotations/load.ts';
import { pressTurnOf, relatedParagraphOf } from '#reading/annotations/links.ts';
import type { Corpus } from '#reading/types.ts';

export interface PassageLink {
  slug: string;
  paragraphId: string;
  docTitle: string;
  quote: string;
  relation: 'implements' | 'precedes';
}

export interface ResolvedNote {
  note: Note;
  turnIds: string[];
  passages: PassageLink[];
}

/** A quote that points nowhere is a broken link on a public page: the build stops and says which. */
export class UnresolvedQuoteError extends Error {
  constructor(note: Note, quote: string, where: string) {
    super(`注释“${note.title}”（${note.target}）的引文在${where}中找不到或不唯一：${quote}`);
    this.name = 'UnresolvedQuoteError';
  }
}

export function resolveNote(corpus: Corpus, note: Note): ResolvedNote {
  const turnIds = note.turnQuotes.map((quote) => {
    const id = pressTurnOf(quote, corpus.press);
    if (id === undefined) throw new UnresolvedQuoteError(note, quote, '发布会稿件');
    return id;
  });
  const passages = note.related.map(({ slug, quote, relation }) => {
    const doc = corpus.related.find((d) => d.slug === slug);
    const paragraphId = relatedParagraphOf(quote, slug, corpus.related);
    if (doc === undefined || paragraphId === undefined) throw new UnresolvedQuoteError(note, quote, `相关阅读 ${slug} `);
    return { slug, paragraphId, docTitle: doc.title, quote, relation };
  });
  return { note, turnIds: [...new Set(turnIds)], passages };
}

/** Who cites what, keyed by the cited anchor: `turn-4`, or `slug#p-12` for related paragraphs. */
export function citedBy(resolved: readonly ResolvedNote[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (key: string, target: string) => {
    const list = index.get(key) ?? [];
    if (!list.includes(target)) list.push(target);
    index.set(key, list);
  };
  for (const { note, turnIds, passages } of resolved) {
    for (const id of turnIds) add(id, note.target);
    for (const passage of passages) add(`${passage.slug}#${passage.paragraphId}`, note.target);
  }
  return index;
}
