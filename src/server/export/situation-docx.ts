/**
 * 情况汇总.docx: the bureau's report upward on the study campaign, drafted only from the records in
 * the 公文 style of the 汇编. 一、基本情况 states the board's numbers in fixed sentences; 二、主要做法
 * lists the 做法 lines the organiser picked, each with its unit; 三、下一步打算 is a heading for the
 * organiser to write under; 附件 is the table of units. Nothing is invented and nothing is a placeholder.
 */
import { readFile } from 'node:fs/promises';
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { storedFilePath } from '#server/files/serve.ts';
import { byFormText } from '#server/progress/activity-totals.ts';
import { beijingParts } from '#shared/campaign/deadline.ts';
import {
  A4_PAGE,
  bodyParagraphs,
  FONT,
  officialDocument,
  packDocx,
  pageNumberFooter,
  run,
  sectionHeading,
  SIZE,
  titleParagraph,
} from './docx-style.ts';
import type { MainItem, SituationData } from './situation-data.ts';

export const SITUATION_TITLE = '关于《质量强国建设纲要》学习活动开展情况的汇报';

/** The sentences of 一、基本情况, each built from one group of the board's numbers. */
export function basicFacts(data: SituationData, now: Date): string[] {
  const { summary } = data;
  const { year, month, day } = beijingParts(now);
  const a = summary.activities;
  const facts = [
    `截至${year}年${month}月${day}日，应报送单位${summary.total}个，已报送${summary.submitted}个，其中按时报送${summary.submitted - summary.late}个、逾期报送${summary.late}个；尚未报送${summary.notSubmitted}个。`,
  ];
  if (a.activities > 0) {
    const forms = byFormText(a.byForm);
    const legacy = a.legacy > 0 ? `另有${a.legacy}项未分形式和人数` : '';
    const detail = [forms, legacy].filter((part) => part !== '').join('，');
    facts.push(
      `各单位共开展学习活动${a.activities}次${detail ? `（${detail}）` : ''}，参加${a.participants}人次；${a.enterpriseUnits}个单位有企业或其他单位参加。`,
    );
  }
  facts.push(`共收到活动照片${data.photos}张、学习感想${data.essays}篇，其中${data.featured}篇评为优秀学习感想。`);
  return facts;
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, bold ? FONT.heading : FONT.body, SIZE.sihao - 4)] })],
  });

/** The type area between the official margins, in twips. */
const TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;
/** 序号, 单位, 报送情况, 审核, 活动次数, 参加人次: the unit's name gets the room, so 卫辉市水利局 stays on one line. */
const COLUMN_WIDTHS = [0.08, 0.34, 0.2, 0.12, 0.13, 0.13].map((share) => Math.floor(share * TEXT_WIDTH));

/** 附件: one row per unit with its status, review, activities and participants. */
function unitsTable(data: SituationData): Table {
  const header = ['序号', '单位', '报送情况', '审核', '活动次数', '参加人次'];
  const rows = data.units.map((u, i) => [
    String(i + 1),
    u.name,
    [u.status.label, ...u.status.alsoLabels].join('、'),
    u.review?.label ?? '—',
    u.submitted ? String(u.activities.activities) : '—',
    u.submitted ? String(u.activities.participants) : '—',
  ]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows].map(
      (cells, i) => new TableRow({ tableHeader: i === 0, children: cells.map((text, c) => cell(text, COLUMN_WIDTHS[c]!, i === 0)) }),
    ),
  });
}

/** A 做法 line as one paragraph; an adopted passage under its unit and kind, paragraph by paragraph. */
function mainItemParagraphs(item: MainItem): Paragraph[] {
  if (item.type === 'practice') return bodyParagraphs(`${item.unitName}：${item.practice}`);
  return [...bodyParagraphs(`${item.unitName}（${item.kind}）：`), ...bodyParagraphs(item.text)];
}

/** 附件2: each adopted photo 14 cm wide, its unit and caption under it. */
async function photoParagraphs(data: SituationData, dataDir: string): Promise<Paragraph[]> {
  if (data.photosAdopted.length === 0) return [];
  const paragraphs = [
    new Paragraph({ pageBreakBefore: true, children: [run('附件2', FONT.heading, SIZE.sanhao)] }),
    titleParagraph('采用的活动照片'),
  ];
  for (const photo of data.photosAdopted) {
    const path = storedFilePath(dataDir, photo.file);
    if (!path) continue;
    const width = 530;
    const height = Math.round((width * photo.height) / Math.max(1, photo.width));
    const image = new ImageRun({
      type: 'jpg',
      data: await readFile(path),
      transformation: { width, height },
    });
    paragraphs.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [image] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 280 },
        children: [run(`${photo.unitName}：${photo.caption}`, FONT.kai, SIZE.sihao)],
      }),
    );
  }
  return paragraphs;
}

export async function situationDocx(data: SituationData, meta: { office: string; now: Date; dataDir: string }): Promise<Buffer> {
  const photos = await photoParagraphs(data, meta.dataDir);
  const children: (Paragraph | Table)[] = [
    titleParagraph(SITUATION_TITLE),
    sectionHeading('一、基本情况'),
    ...bodyParagraphs(basicFacts(data, meta.now).join('\n')),
    sectionHeading('二、主要做法'),
    ...data.practices.flatMap(mainItemParagraphs),
    sectionHeading('三、下一步打算'),
    new Paragraph({ pageBreakBefore: true, children: [run(photos.length > 0 ? '附件1' : '附件', FONT.heading, SIZE.sanhao)] }),
    titleParagraph('各单位报送情况'),
    unitsTable(data),
    ...photos,
  ];
  return packDocx(
    officialDocument({ title: SITUATION_TITLE, creator: meta.office }, [
      { properties: { page: A4_PAGE }, footers: { default: pageNumberFooter() }, children },
    ]),
  );
}
