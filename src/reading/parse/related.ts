import type { RelatedBlock, RelatedDocument } from '#reading/types.ts';
import { joinIndentedParagraphs, type SourceLine } from './lines.ts';

/** How one related seed is presented; the title is supplied only where the source has none. */
export interface RelatedSource {
  seed: string;
  slug: string;
  /** Set when the source text has no title line; shown as 本站拟题. */
  suppliedTitle?: string | undefined;
}

const LEVEL_1 = /^[一二三四五六七八九十]+、[^。]{1,40}$/;
const LEVEL_2 = /^（[一二三四五六七八九十]+）[^。]{1,30}。?$/;
/** Date lines such as （2018年7月5日） or 2012年7月26日, and an issuing government's signature. */
const DATE = /^（?\d{4}年\d{1,2}月\d{1,2}日）?$/;
const SIGNATURE = /^\S{2,20}(人民政府|委员会|办公厅)$/;

/**
 * Parses a provincial document kept as related reading. Paragraphs begin at an indent (the PDF
 * extraction breaks lines inside paragraphs); the document keeps its own 一、/（一） headings.
 */
export function parseRelated(lines: SourceLine[], source: RelatedSource): RelatedDocument {
  const standalone = lines.map((line) => {
    const text = line.text.trim();
    // A date or signature line stands alone even without an indent, so it is never glued to the text above it.
    return DATE.test(text) || SIGNATURE.test(text) ? { no: line.no, text: `\u3000${text}` } : line;
  });
  const paragraphs = joinIndentedParagraphs(standalone).map((p) => ({ ...p, text: p.text.trim() }));
  let title = source.suppliedTitle ?? '';
  if (!source.suppliedTitle) title = paragraphs.shift()?.text ?? '';
  const meta: string[] = [];
  const blocks: RelatedBlock[] = [];
  let headingCount = 0;
  let paragraphCount = 0;
  for (const { text } of paragraphs) {
    if (DATE.test(text) || SIGNATURE.test(text)) {
      meta.push(text);
    } else if (LEVEL_1.test(text) || LEVEL_2.test(text)) {
      headingCount += 1;
      blocks.push({ type: 'heading', heading: { id: `h-${headingCount}`, level: LEVEL_1.test(text) ? 1 : 2, text } });
    } else {
      paragraphCount += 1;
      blocks.push({ type: 'paragraph', paragraph: { id: `p-${paragraphCount}`, text } });
    }
  }
  return { slug: source.slug, seed: source.seed, title, titleSupplied: Boolean(source.suppliedTitle), meta: meta.join(' '), blocks };
}
