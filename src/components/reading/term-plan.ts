/**
 * Which glossary terms get marked in the official text. Marking every occurrence would turn the
 * 纲要 into a sea of links, so a term is marked once per article, 专栏 or part introduction:
 * at its first occurrence there.
 */
import { markTerms, type MarkableTerm, type Segment } from '../../reading/term-marking.ts';
import type { Gangyao, Paragraph } from '../../reading/types.ts';

export interface TextBlock {
  /** The element id readers are sent to: the preamble's first paragraph, part-N, art-N or col-N. */
  id: string;
  paragraphs: Paragraph[];
}

export interface TermPlan {
  /** Segments of each paragraph id; plain runs are merged, so most paragraphs are one segment. */
  segments: Map<string, Segment[]>;
  /** For each term slug, the blocks where it is marked, in reading order. */
  occurrences: Map<string, string[]>;
}

/** The 纲要 as blocks of official paragraphs, in reading order. 专栏 items read with their ——. */
export function gangyaoTextBlocks(gangyao: Gangyao): TextBlock[] {
  const blocks: TextBlock[] = [{ id: gangyao.preamble[0]?.id ?? 'gangyao', paragraphs: gangyao.preamble }];
  for (const part of gangyao.parts) {
    blocks.push({ id: part.id, paragraphs: part.paragraphs });
    for (const article of gangyao.articles.filter((a) => a.partId === part.id)) {
      blocks.push({ id: article.id, paragraphs: article.paragraphs });
      for (const column of gangyao.columns.filter((c) => c.afterArticleId === article.id)) {
        blocks.push({ id: column.id, paragraphs: column.items.map((item) => ({ id: item.id, text: `——${item.text}` })) });
      }
    }
  }
  return blocks;
}

function mergePlain(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.termSlug === undefined && segment.termSlug === undefined) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

export function planTerms(blocks: readonly TextBlock[], terms: readonly MarkableTerm[]): TermPlan {
  const segments = new Map<string, Segment[]>();
  const occurrences = new Map<string, string[]>();
  for (const block of blocks) {
    const markedHere = new Set<string>();
    for (const paragraph of block.paragraphs) {
      const kept = markTerms(paragraph.text, terms).map((segment) => {
        if (segment.termSlug === undefined || markedHere.has(segment.termSlug)) return { text: segment.text };
        markedHere.add(segment.termSlug);
        occurrences.set(segment.termSlug, [...(occurrences.get(segment.termSlug) ?? []), block.id]);
        return segment;
      });
      segments.set(paragraph.id, mergePlain(kept));
    }
  }
  return { segments, occurrences };
}
