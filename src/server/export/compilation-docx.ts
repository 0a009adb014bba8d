import {
  AlignmentType,
  Bookmark,
  type Document,
  LeaderType,
  LineRuleType,
  PageReference,
  Paragraph,
  TabStopType,
  type ISectionOptions,
} from 'docx';
import { beijingParts } from '#shared/campaign/deadline.ts';
import type { FeaturedEssay } from '#server/review/featured.ts';
import { A4_PAGE, bodyParagraphs, centredLine, FONT, officialDocument, packDocx, pageNumberFooter, run, SIZE } from './docx-style.ts';

export interface CompilationMeta {
  /** Who compiled it, printed on the title page: 市水利局水利工程建设与监督科 */
  office: string;
  now: Date;
}

/** The right edge of the text on an A4 page with the official margins, in twips. */
const TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;

const bookmarkOf = (index: number) => `essay_${index + 1}`;

function titlePage(meta: CompilationMeta): Paragraph[] {
  const { year, month } = beijingParts(meta.now);
  return [
    new Paragraph({ spacing: { before: 3600 }, children: [] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run('《质量强国建设纲要》', FONT.title, 52)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 2400 }, children: [run('优秀学习感想汇编', FONT.title, 52)] }),
    centredLine(meta.office, FONT.kai, SIZE.sanhao),
    centredLine(`${year}年${month}月`, FONT.kai, SIZE.sanhao),
  ];
}

/** 序号. 题目（单位　作者）…………页码, the number a PAGEREF field to the essay's title. */
function contentsEntry(essay: FeaturedEssay, index: number): Paragraph {
  return new Paragraph({
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    indent: { left: 420, hanging: 420 },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    children: [
      run(`${index + 1}．${essay.title}`, FONT.body, SIZE.sanhao),
      run(`（${essay.unitName}　${essay.author}）`, FONT.kai, SIZE.sihao),
      run('\t', FONT.body, SIZE.sanhao),
      new PageReference(bookmarkOf(index)),
    ],
  });
}

function contentsPage(essays: readonly FeaturedEssay[]): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run('目　　录', FONT.heading, SIZE.sanhao)] }),
    ...essays.map(contentsEntry),
  ];
}

function essayPages(essay: FeaturedEssay, index: number): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 280, line: 700, lineRule: LineRuleType.EXACT },
      pageBreakBefore: index > 0,
      children: [new Bookmark({ id: bookmarkOf(index), children: [run(essay.title, FONT.title, SIZE.erhao)] })],
    }),
    centredLine(`${essay.unitName}　${essay.authorPosition}　${essay.author}`),
    ...(essay.body.trim()
      ? bodyParagraphs(essay.body)
      : bodyParagraphs(`（本篇正文未能读取：${essay.textNote || '报送的文件中没有文字'}。原件见全部材料压缩包。）`)),
  ];
}

/**
 * 优秀学习感想汇编.docx: a title page, a 目录 with page numbers, then each essay in full (typed or
 * read from the unit's Word file) on its own page, numbered from 1.
 *
 * The 目录 is written out, entry by entry, with each page number a PAGEREF field to a bookmark on
 * the essay's title, rather than a TOC field for the reader to update: Word asks "update the
 * fields?" when a document wants its fields updated on opening, LibreOffice shows an empty TOC
 * field until told to update it, and neither a prompt nor a printed instruction belongs in an
 * official document. The two applications then each get their numbers their own way:
 * - LibreOffice turns a PAGEREF into a live page reference and computes it from its own layout.
 * - Word shows a PAGEREF's written result until its fields are updated. docx writes that result
 *   from its own layout of the pages as Word lays them out (estimatePageNumbersWith, see
 *   officialDocument), clean, so Word shows it without asking. CJK text is full-width in every CJK
 *   face, so the widths docx substitutes for 仿宋_GB2312 are the real ones; after editing the
 *   essays in Word, 更新域 recomputes the numbers.
 */
export function compilationDocx(essays: readonly FeaturedEssay[], meta: CompilationMeta): Promise<Buffer> {
  return packDocx(compilationDocument(essays, meta));
}

export function compilationDocument(essays: readonly FeaturedEssay[], meta: CompilationMeta): Document {
  const body: Paragraph[] =
    essays.length === 0 ? bodyParagraphs('暂无入选的优秀学习感想。') : essays.flatMap((essay, i) => essayPages(essay, i));
  const sections: ISectionOptions[] = [
    { properties: { page: A4_PAGE }, children: titlePage(meta) },
    { properties: { page: A4_PAGE }, children: contentsPage(essays) },
    {
      properties: { page: { ...A4_PAGE, pageNumbers: { start: 1 } } },
      footers: { default: pageNumberFooter() },
      children: body,
    },
  ];
  return officialDocument({ title: '优秀学习感想汇编', creator: meta.office }, sections, { pageReferences: true });
}
