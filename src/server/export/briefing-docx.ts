import { readFile } from 'node:fs/promises';
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { beijingParts } from '#shared/campaign/deadline.ts';
import type { AdoptedInfo, AdoptedPhoto } from '#server/review/adoption.ts';
import { storedFilePath } from '#server/files/serve.ts';
import {
  A4_PAGE,
  bodyParagraphs,
  centredLine,
  FONT,
  officialDocument,
  packDocx,
  pageNumberFooter,
  run,
  sectionHeading,
  SIZE,
  titleParagraph,
} from './docx-style.ts';

/** A briefing carries a handful of pictures: enough to show the activities, few enough to read. */
export const BRIEFING_PHOTOS = { min: 2, max: 6 } as const;

export interface BriefingMeta {
  /** The campaign's title, 《质量强国建设纲要》学习活动材料报送 */
  title: string;
  office: string;
  now: Date;
  dataDir: string;
}

/** Photos are 2560 px at most; in the document they are as wide as the text (about 15 cm). */
const PHOTO_WIDTH_PX = 560;

async function photoBlock(photo: AdoptedPhoto, dataDir: string): Promise<Paragraph[]> {
  const path = storedFilePath(dataDir, photo.file);
  if (!path || photo.width <= 0 || photo.height <= 0) return [];
  const data = await readFile(path);
  const height = Math.round((PHOTO_WIDTH_PX * photo.height) / photo.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [new ImageRun({ type: 'jpg', data, transformation: { width: PHOTO_WIDTH_PX, height: Math.min(height, 700) } })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(`${photo.caption}（${photo.unitName}供图）`, FONT.kai, SIZE.sihao)],
    }),
  ];
}

/**
 * 工作简报.docx for the bureau's 门户网站 and 微信公众号: a title, the adopted 工作信息 passages
 * each under its unit's name, then up to six adopted photos with their captions. Everything in
 * it comes from what units sent and organisers adopted; nothing is written by the site.
 */
export async function briefingDocx(
  adopted: { info: readonly AdoptedInfo[]; photos: readonly AdoptedPhoto[] },
  meta: BriefingMeta,
): Promise<Buffer> {
  const { year, month, day } = beijingParts(meta.now);
  const children: Paragraph[] = [
    titleParagraph('工作简报'),
    centredLine(`${meta.title.replace(/报送$/, '').replace(/材料$/, '')}`, FONT.kai, SIZE.sanhao),
    centredLine(`${meta.office}　${year}年${month}月${day}日`, FONT.kai, SIZE.sihao),
  ];
  if (adopted.info.length === 0) {
    children.push(...bodyParagraphs('（尚未采用工作信息。）'));
  }
  for (const info of adopted.info) children.push(sectionHeading(info.unitName), ...bodyParagraphs(info.text));
  const photos = adopted.photos.slice(0, BRIEFING_PHOTOS.max);
  if (photos.length > 0) {
    children.push(sectionHeading('活动照片'));
    for (const photo of photos) children.push(...(await photoBlock(photo, meta.dataDir)));
  }
  const document = officialDocument({ title: '工作简报', creator: meta.office }, [
    { properties: { page: A4_PAGE }, footers: { default: pageNumberFooter() }, children },
  ]);
  return packDocx(document);
}
