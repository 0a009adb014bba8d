/** A small campaign's worth of submissions for the export tests: every awkward case in one place. */
import { PassThrough, type Writable } from 'node:stream';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { addSubmission, addUnits, defaultEssays, featureEssay, freshStore, makeJpeg, type SeededStore } from './seed-submissions.ts';
import type { ExportContext } from '#server/export/exports.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportFixture extends SeededStore {
  ctx: ExportContext;
  ids: number[];
  featuredTitle: string;
  uploadedEssay: Buffer;
  photo: Buffer;
}

export async function exportFixture(): Promise<ExportFixture> {
  const store = freshStore();
  const ids = addUnits(store.db, [
    { name: '卫辉市水利局', category: '县（市、区）水利局', contactPerson: '刘一', contactPhone: '13900000001' },
    { name: '𠮷祥建管局', category: '局属建管局', contactPerson: '吉二', contactPhone: '0373-2000002' },
    { name: '规划计划科', category: '局机关科室', contactPerson: '=cmd|"/c calc"!A1', contactPhone: '+8613900000003' },
  ]);
  const photo = await makeJpeg(7);
  const uploadedEssay = Buffer.from('PK\u0003\u0004 pretend docx bytes');
  const first = await addSubmission(store, ids[0]!, [
    {
      photos: ['2月15日局党组集中学习', '座谈会：交流/体会?'],
      photoBytes: [{ full: photo, thumb: await makeJpeg(7, 160, 120) }],
      reportBody: '我局召开专题会，学习"纲要"，共 30 人参加。\n第二段',
      essays: [
        { title: '=HYPERLINK("http://x")', author: '𠮷田', position: '科员', body: '一、提高认识\n质量是发展之基，𠮷字也要印对。' },
        { ...defaultEssays('卫辉')[1]!, file: { bytes: uploadedEssay, name: '体会.docx', mime: DOCX_MIME } },
      ],
    },
  ]);
  await addSubmission(store, ids[1]!, [
    { photos: [], essays: defaultEssays('𠮷祥')!.slice(0, 1), reportBody: '旧版' },
    { photos: ['新照片'], essays: defaultEssays('𠮷祥'), reportBody: '新版汇报', late: true },
  ]);
  featureEssay(store.db, first.essayIds[0]![0]!);
  const ctx: ExportContext = { db: store.db, dataDir: store.dataDir, campaign: loadCampaign(), now: new Date('2023-03-01T02:00:00Z') };
  return { ...store, ctx, ids, featuredTitle: '=HYPERLINK("http://x")', uploadedEssay, photo };
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
