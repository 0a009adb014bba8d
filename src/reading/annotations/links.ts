/**
 * Turns the parsed documents into the candidates that annotation quotes are resolved against:
 * one candidate per press turn, one per paragraph of a related document.
 */
import type { PressConference, RelatedDocument } from '#reading/types.ts';
import { resolveQuote } from './term-marking.ts';

export interface QuoteCandidate {
  id: string;
  text: string;
}

export function pressTurnCandidates(press: PressConference): QuoteCandidate[] {
  return press.turns.map((turn) => ({ id: turn.id, text: turn.paragraphs.map((paragraph) => paragraph.text).join('\n') }));
}

export function relatedParagraphCandidates(document: RelatedDocument): QuoteCandidate[] {
  return document.blocks.flatMap((block) => (block.type === 'paragraph' ? [{ id: block.paragraph.id, text: block.paragraph.text }] : []));
}

/** The press turn a note's quote points at, or undefined when the quote is missing or ambiguous. */
export function pressTurnOf(quote: string, press: PressConference): string | undefined {
  return resolveQuote(quote, pressTurnCandidates(press));
}

/** The paragraph of a related document a compare quote points at. */
export function relatedParagraphOf(quote: string, slug: string, related: readonly RelatedDocument[]): string | undefined {
  const document = related.find((candidate) => candidate.slug === slug);
  return document === undefined ? undefined : resolveQuote(quote, relatedParagraphCandidates(document));
}
