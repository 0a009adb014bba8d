/**
 * Which glossary terms get marked in the official text. Marking every occurrence would turn the
 * 纲要 into a sea of links (and weigh on phones), so a term is marked once per part: at its first
 * occurrence there. The glossary still lists every article, 专栏 and part a term occurs in.
 */
import { markTerms, type MarkableTerm, type Segment } from '#reading/annotations/term-marking.ts';
import type { Gangyao, Paragraph } from '#reading/types.ts';

export interface TextBlock {
  /** The element id readers are sent to: the preamble's first paragraph, part-N, art-N or col-N. */
  id: string;
  /** The part the block belongs to: a term is marked once per part. */
  partId: string;
  paragraphs: Paragraph[];
}

export interface TermPlan {
  /** Segments of each paragraph id; plain runs are merged, so most paragraphs are one segment. */
  segments: Map<string, Segment[]>;
  /** For each term slug, every block it occurs in, in reading order. */
  occurrences: Map<string, string[]>;
}

/** The 纲要 as blocks of official paragraphs, in reading order. 专栏 items read with their ——. */
export function gangyaoTextBlocks(gangyao: Gangyao): TextBlock[] {
  const preamble = gangyao.preamble[0]?.id ?? 'gangyao';
  const blocks: TextBlock[] = [{ id: preamble, partId: preamble, paragraphs: gangyao.preamble }];
  for (const part of gangyao.parts) {
    blocks.push({ id: part.id, partId: part.id, paragraphs: part.paragraphs });
    for (const article of gangyao.articles.filter((a) => a.partId === part.id)) {
      blocks.push({ id: article.id, partId: part.id, paragraphs: article.paragraphs });
      for (const column of gangyao.columns.filter((c) => c.afterArticleId === article.id)) {
        const items = column.items.map((item) => ({ id: item.id, text: `——${item.text}` }));
        blocks.push({ id: column.id, partId: part.id, paragraphs: items });
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
  const markedIn = new Map<string, Set<string>>();
  for (const block of blocks) {
    const marked = markedIn.get(block.partId) ?? new Set<string>();
    markedIn.set(block.partId, marked);
    for (const paragraph of block.paragraphs) {
      const kept = markTerms(paragraph.text, terms).map((segment) => {
        const slug = segment.termSlug;
        if (slug === undefined) return segment;
        const where = occurrences.get(slug) ?? [];
        if (!where.includes(block.id)) occurrences.set(slug, [...where, block.id]);
        if (marked.has(slug)) return { text: segment.text };
        marked.add(slug);
        return segment;
      });
      segments.set(paragraph.id, mergePlain(kept));
    }
  }
  return { segments, occurrences };
}
