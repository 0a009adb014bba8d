import type { Paragraph } from 'docx';
import { formatBeijing } from '#shared/campaign/deadline.ts';
import { activityFormsText, type EssayView } from '#server/submissions/detail.ts';
import type { VersionRecord } from '#server/submissions/read.ts';
import type { VersionTexts } from '#server/submissions/texts.ts';
import {
  A4_PAGE,
  bodyParagraphs,
  centredLine,
  factLine,
  officialDocument,
  packDocx,
  pageNumberFooter,
  sectionHeading,
  titleParagraph,
} from './docx-style.ts';

export interface ReportSource {
  unitName: string;
  receiptNumber: string;
  version: VersionRecord;
  /** The report and 相关信息 as typed or read from the unit's Word files. */
  texts: Pick<VersionTexts, 'report' | 'info'>;
}

/** 情况汇报.docx: the unit's facts, the pasted report, related information and the photo captions. */
export async function reportDocx(source: ReportSource): Promise<Buffer> {
  const v = source.version;
  const children: Paragraph[] = [
    titleParagraph(`${source.unitName}学习《质量强国建设纲要》情况汇报`),
    factLine('报送单位', source.unitName),
    factLine('回执编号', `${source.receiptNumber}（第 ${v.versionNo} 版，${formatBeijing(v.submittedAt)} 提交${v.late ? '，逾期' : ''}）`),
    factLine('联系人', `${v.contactPerson}　${v.contactPhone}`),
    factLine('活动日期', v.activityDates),
    factLine('活动形式', activityFormsText(v)),
    factLine('参加人员', v.participants),
    sectionHeading('情况汇报'),
    ...(source.texts.report.text
      ? bodyParagraphs(source.texts.report.text)
      : bodyParagraphs(v.reportFile ? '（正文见同一文件夹中的情况汇报原件。）' : '（未填写。）')),
  ];
  if (source.texts.info.text || v.infoFile) {
    children.push(sectionHeading('相关信息'), ...bodyParagraphs(source.texts.info.text || '（见同一文件夹中的相关信息原件。）'));
  }
  if (v.photos.length > 0) {
    children.push(
      sectionHeading(`活动照片（共 ${v.photos.length} 张，见“照片”文件夹）`),
      ...bodyParagraphs(v.photos.map((p) => `${String(p.position).padStart(2, '0')}. ${p.caption}`).join('\n')),
    );
  }
  const document = officialDocument({ title: `${source.unitName}情况汇报`, creator: source.unitName }, [
    { properties: { page: A4_PAGE }, footers: { default: pageNumberFooter() }, children },
  ]);
  return packDocx(document);
}

/** The blocks of one essay: title, 单位 职务 作者 in 楷体, then the body. */
export function essayBlocks(
  essay: Pick<EssayView, 'title' | 'author' | 'authorPosition' | 'body'>,
  unitName: string,
  titleOptions = {},
): Paragraph[] {
  return [
    titleParagraph(essay.title, titleOptions),
    centredLine(`${unitName}　${essay.authorPosition}　${essay.author}`),
    ...(essay.body.trim() ? bodyParagraphs(essay.body) : bodyParagraphs('（未填写正文。）')),
  ];
}

/** 学习感想/标题-作者.docx for an essay that was pasted rather than uploaded. */
export async function essayDocx(essay: Pick<EssayView, 'title' | 'author' | 'authorPosition' | 'body'>, unitName: string): Promise<Buffer> {
  const document = officialDocument({ title: essay.title, creator: `${unitName} ${essay.author}` }, [
    { properties: { page: A4_PAGE }, footers: { default: pageNumberFooter() }, children: essayBlocks(essay, unitName) },
  ]);
  return packDocx(document);
}
