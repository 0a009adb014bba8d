/** A line of a seed file with its 1-based number, kept so corrections can cite the source line. */
export interface SourceLine {
  no: number;
  text: string;
}

/** A paragraph re-assembled from one or more source lines. */
export interface SourceParagraph {
  /** Number of the first source line. */
  line: number;
  text: string;
}

export function toLines(source: string): SourceLine[] {
  return source.split(/\r?\n/).map((text, index) => ({ no: index + 1, text }));
}

/**
 * Sentence-final marks. A line that ends otherwise was cut by the PDF extraction (at a page or line
 * break) and continues on the next non-empty line. Closing quotes and brackets are not final: the
 * PDF cut "…重大意义。《纲要》" from "是首个…".
 */
const COMPLETE_END = /[。；！？：…]$/;

export function endsComplete(text: string): boolean {
  return COMPLETE_END.test(text);
}

/**
 * Paragraphs of a document where every non-empty line is a paragraph (seed 004), re-joining lines that
 * the extraction cut mid-sentence. `isBoundary` marks lines that stand alone whatever their ending
 * (headings, signatures); such a line is never joined to its neighbours.
 */
export function joinBrokenLines(lines: SourceLine[], isBoundary: (text: string) => boolean): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let open: SourceParagraph | undefined;
  for (const { no, text: raw } of lines) {
    const text = raw.trim();
    if (text === '') continue;
    if (open && !isBoundary(text)) {
      open.text += text;
    } else {
      if (open) paragraphs.push(open);
      open = { line: no, text };
    }
    if (isBoundary(text) || endsComplete(open.text)) {
      paragraphs.push(open);
      open = undefined;
    }
  }
  if (open) paragraphs.push(open);
  return paragraphs;
}

/**
 * Paragraphs of a document whose paragraphs begin with an indent (seeds 000–003): a line starting
 * with spaces or ideographic spaces opens a paragraph; an unindented line continues the open one.
 * Line breaks inside a paragraph are extraction artefacts and are dropped.
 */
export function joinIndentedParagraphs(lines: SourceLine[]): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let open: SourceParagraph | undefined;
  for (const { no, text: raw } of lines) {
    const text = raw.trim();
    if (text === '') continue;
    const indented = /^[ \u3000\t]/.test(raw);
    if (open && !indented) {
      open.text += text;
    } else {
      if (open) paragraphs.push(open);
      open = { line: no, text };
    }
  }
  if (open) paragraphs.push(open);
  return paragraphs;
}
