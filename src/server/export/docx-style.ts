import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { xmlSafe } from './text-clean.ts';

/**
 * The look of a Chinese official document (GB/T 9704): A4, 方正小标宋简体 二号 titles, 仿宋_GB2312
 * 三号 body with a two-character first-line indent, 黑体 for 一、 headings and 楷体_GB2312 for
 * （一） headings, page numbers as — 1 — in the footer.
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  kai: '楷体_GB2312',
  latin: 'Times New Roman',
} as const;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;

/** Exact 28 pt lines: the 22 lines a page of an official document has. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
const INDENT_TWO_CHARS = 640;

/** A4 with the official margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
export const A4_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1134 },
} as const;

/**
 * Word has no font fallback list; it substitutes by the font table's altName. Declaring the
 * GB2312 fonts with the names every Windows has (仿宋, 楷体, 宋体) keeps a PC without the
 * 方正/GB2312 fonts from falling back to a Latin face.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[
  [FONT.title, '宋体', 'roman', 'variable'],
  [FONT.body, '仿宋', 'modern', 'fixed'],
  [FONT.kai, '楷体', 'modern', 'fixed'],
  [FONT.heading, 'SimHei', 'modern', 'fixed'],
  ['仿宋', 'FangSong', 'modern', 'fixed'],
  ['宋体', 'SimSun', 'auto', 'variable'],
]
  .map(
    ([name, alt, family, pitch]) =>
      `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
  )
  .join('')}<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;

export function cjkFont(name: string) {
  return { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia: name, hint: 'eastAsia' } as const;
}

/**
 * Chinese text marked as Chinese: Word (and the page estimate) then keep 。，、 from starting a
 * line and 《“ from ending one, as Chinese typesetting requires.
 */
const CHINESE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

export function run(text: string, font: string, size: number, extra: { bold?: boolean } = {}): TextRun {
  return new TextRun({ text: xmlSafe(text), font: cjkFont(font), size, language: CHINESE, ...extra });
}

/** 方正小标宋简体 二号, centred; `heading` makes it an entry of the table of contents. */
export function titleParagraph(text: string, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 280, line: 700, lineRule: LineRuleType.EXACT },
    ...options,
    children: [run(text, FONT.title, SIZE.erhao)],
  });
}

export function centredLine(text: string, font: string = FONT.kai, size: number = SIZE.sanhao): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 }, children: [run(text, font, size)] });
}

/** 黑体 section heading such as 相关信息 inside a report. */
export function sectionHeading(text: string): Paragraph {
  return new Paragraph({
    spacing: { ...LINE, before: 280 },
    indent: { firstLine: INDENT_TWO_CHARS },
    children: [run(text, FONT.heading, SIZE.sanhao)],
  });
}

function lineFont(line: string): string {
  if (Array.from(line).length > 40) return FONT.body;
  if (/^[一二三四五六七八九十]+、/.test(line)) return FONT.heading;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(line)) return FONT.kai;
  return FONT.body;
}

/** One paragraph per non-empty line, 仿宋 三号, indented two characters; 一、/（一） lines as headings. */
export function bodyParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: LINE,
          indent: { firstLine: INDENT_TWO_CHARS },
          // Punctuation that may not start a line pulls the character before it down rather than
          // hanging past the margin: the same in Word, WPS and LibreOffice, whose defaults differ,
          // and what the page estimate lays out, so the 目录's page numbers hold in all of them.
          overflowPunctuation: false,
          children: [run(line, lineFont(line), SIZE.sanhao)],
        }),
    );
}

/** A 仿宋 四号 label–value line for the facts above a report (报送单位、活动日期 …). */
export function factLine(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { line: 480, lineRule: LineRuleType.EXACT },
    children: [run(`${label}：`, FONT.heading, SIZE.sihao), run(value || '—', FONT.body, SIZE.sihao)],
  });
}

/** — 1 — centred in the footer, in 宋体 四号 as official documents print it. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: cjkFont('宋体'), size: SIZE.sihao })],
      }),
    ],
  });
}

/**
 * The document. With page references (a 目录), their page numbers are worked out as it is written (docx's
 * own layout of the pages as Word lays them out; see compilation-docx.ts) and its fields written
 * clean, so Word does not ask to update them on opening.
 */
export function officialDocument(
  meta: { title: string; creator: string },
  sections: ISectionOptions[],
  options: { pageReferences?: boolean } = {},
): Document {
  return new Document({
    title: xmlSafe(meta.title),
    creator: xmlSafe(meta.creator),
    ...(options.pageReferences ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
    styles: {
      default: {
        document: { run: { font: cjkFont(FONT.body), size: SIZE.sanhao } },
        heading1: {
          run: { font: cjkFont(FONT.title), size: SIZE.erhao, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 280 } },
        },
      },
    },
    sections,
  });
}

export function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
