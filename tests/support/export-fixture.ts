/** A small campaign's worth of submissions for the export tests: every awkward case in one place. */
import { PassThrough, type Writable } from 'node:stream';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { addSubmission, addUnits, defaultEssays, featureEssay, freshStore, makeJpeg, type SeededStore } from './seed-submissions.ts';
import type { ExportContext } from '#server/export/exports.ts';
import { Document, Packer, Paragraph } from 'docx';
import { findAdoptionTarget, setAdopted } from '#server/review/adoption.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportFixture extends SeededStore {
  ctx: ExportContext;
  ids: number[];
  featuredTitle: string;
  uploadedEssay: Buffer;
  /** A paragraph of the uploaded essay, which reaches the 汇编 only through its Word file. */
  uploadedEssayText: string;
  photo: Buffer;
  /** The 工作信息 adopted for 工作简报. */
  infoText: string;
}

/** A Word file as Word writes one: a title line and paragraphs. */
export async function wordFile(paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }));
}

export async function exportFixture(): Promise<ExportFixture> {
  const store = freshStore();
  const ids = addUnits(store.db, [
    { name: '卫辉市水利局', category: '县（市、区）水利局', contactPerson: '刘一', contactPhone: '13900000001' },
    { name: '𠮷祥建管局', category: '局属建管局', contactPerson: '吉二', contactPhone: '0373-2000002' },
    { name: '规划计划科', category: '局机关科室', contactPerson: '=cmd|"/c calc"!A1', contactPhone: '+8613900000003' },
  ]);
  const photo = await makeJpeg(7);
  const uploadedEssayText = '学习纲要要把质量第一落到每一道工序，每一次验收都要经得起检验。';
  const uploadedEssay = await wordFile(['一、提高站位', uploadedEssayText, '二、狠抓落实', '守牢工程质量生命线，共 2 处堤防完成整改。']);
  const infoText = '2月15日，卫辉市水利局召开专题会学习《质量强国建设纲要》，全体干部职工30人参加。';
  const first = await addSubmission(store, ids[0]!, [
    {
      photos: ['2月15日局党组集中学习', '座谈会：交流/体会?'],
      photoBytes: [{ full: photo, thumb: await makeJpeg(7, 160, 120) }],
      reportBody: '我局召开专题会，学习"纲要"，共 30 人参加。\n第二段',
      infoText,
      essays: [
        { title: '=HYPERLINK("http://x")', author: '𠮷田', position: '科员', body: '一、提高认识\n质量是发展之基，𠮷字也要印对。' },
        { ...defaultEssays('卫辉')[1]!, body: '', file: { bytes: uploadedEssay, name: '体会.docx', mime: DOCX_MIME } },
      ],
    },
  ]);
  await addSubmission(store, ids[1]!, [
    { photos: [], essays: defaultEssays('𠮷祥')!.slice(0, 1), reportBody: '旧版' },
    { photos: ['新照片'], essays: defaultEssays('𠮷祥'), reportBody: '新版汇报', late: true },
  ]);
  featureEssay(store.db, first.essayIds[0]![0]!);
  featureEssay(store.db, first.essayIds[0]![1]!);
  const version = first.versionIds[0]!;
  const target = (kind: string, position = 0) => findAdoptionTarget(store.db, kind, version, position)!;
  setAdopted(store.db, target('info'), true, 'admin');
  setAdopted(store.db, target('photo', 1), true, 'admin');
  setAdopted(store.db, target('photo', 2), true, 'admin');
  const ctx: ExportContext = { db: store.db, dataDir: store.dataDir, campaign: loadCampaign(), now: new Date('2023-03-01T02:00:00Z') };
  return { ...store, ctx, ids, featuredTitle: '=HYPERLINK("http://x")', uploadedEssay, uploadedEssayText, photo, infoText };
}

/** Runs an export into memory and returns its bytes. */
export async function exportBytes(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}
