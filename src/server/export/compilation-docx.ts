import { AlignmentType, HeadingLevel, Paragraph, TableOfContents, type ISectionOptions } from 'docx';
import { beijingParts } from '#shared/campaign/deadline.ts';
import type { FeaturedEssay } from '#server/review/featured.ts';
import { A4_PAGE, bodyParagraphs, centredLine, FONT, officialDocument, packDocx, pageNumberFooter, run, SIZE } from './docx-style.ts';
import { essayBlocks } from './report-docx.ts';

export interface CompilationMeta {
  /** Who compiled it, printed on the title page: 市水利局水利工程建设与监督科 */
  office: string;
  now: Date;
}

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

function contentsPage(): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run('目　　录', FONT.heading, SIZE.sanhao)] }),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-1' }),
    bodyParagraphsNote('（如目录页码未显示，请在 Word 中右键目录选择“更新域”，WPS 中点击“更新目录”。）'),
  ];
}

function bodyParagraphsNote(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400 }, children: [run(text, FONT.kai, SIZE.sihao)] });
}

/**
 * 优秀学习感想汇编.docx: a title page, a table of contents (a real TOC field over the essay
 * titles, which Word fills in on opening), then each essay on its own page, numbered from 1.
 */
export async function compilationDocx(essays: readonly FeaturedEssay[], meta: CompilationMeta): Promise<Buffer> {
  const body: Paragraph[] =
    essays.length === 0
      ? bodyParagraphs('暂无入选的优秀学习感想。请在组织方后台的报送详情页将学习感想“评为优秀”后再导出。')
      : essays.flatMap((essay, i) => essayBlocks(essay, essay.unitName, { heading: HeadingLevel.HEADING_1, pageBreakBefore: i > 0 }));
  const sections: ISectionOptions[] = [
    { properties: { page: A4_PAGE }, children: titlePage(meta) },
    { properties: { page: A4_PAGE }, children: contentsPage() },
    {
      properties: { page: { ...A4_PAGE, pageNumbers: { start: 1 } } },
      footers: { default: pageNumberFooter() },
      children: body,
    },
  ];
  return packDocx(officialDocument({ title: '优秀学习感想汇编', creator: meta.office }, sections));
}
