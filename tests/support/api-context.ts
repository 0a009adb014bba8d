/**
 * What the submission API tests share: a real SQLite file and data folder in a temp dir, the real
 * campaign files (deadline moved by the same environment override organisers use), real codes,
 * and real files made with sharp and docx.
 */
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { loadConfig } from '#server/config/config.ts';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { issueCodes } from '#server/campaign/codes.ts';
import { openDatabase } from '#server/db/database.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';
import { listUnits, seedUnits } from '#server/campaign/units.ts';

export interface TestContextOptions {
  /** Beijing time, as CAMPAIGN_DEADLINE takes it. */
  deadline?: string;
  latePolicy?: 'refuse' | 'accept';
  now?: Date;
  address?: string;
}

/** A fresh database and data folder, with the configured units; the deadline is in 2030 unless told. */
export function testContext(options: TestContextOptions = {}): SubmissionContext {
  const dataDir = mkdtempSync(join(tmpdir(), 'baosong-api-'));
  const db = openDatabase(dataDir);
  const campaign = loadCampaign({
    config: loadConfig({ CAMPAIGN_DEADLINE: options.deadline ?? '2030-12-31T18:00', LATE_POLICY: options.latePolicy ?? 'accept' }),
  });
  seedUnits(db, campaign);
  return { db, dataDir, campaign, now: options.now ?? new Date('2030-06-01T02:00:00Z'), address: options.address ?? '10.0.0.7' };
}

/** Issues a real code to the named unit. */
export async function unitWithCode(context: SubmissionContext, name = '卫辉市水利局'): Promise<{ unitId: number; code: string }> {
  const unit = listUnits(context.db).find((candidate) => candidate.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  const [issued] = await issueCodes(context.db, [unit.id]);
  return { unitId: unit.id, code: issued!.code };
}

export async function jpeg(width = 1200, height = 900, colour = '#3366cc'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function docx(text = '以质量强国建设为引领，推动水利高质量发展。'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

/** A small, complete PDF (header, one empty page, trailer). */
export function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

export const blob = (bytes: Buffer | string, type = 'application/octet-stream') =>
  new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type });

/** Two rows of the activity 台账, the second an 其他 with enterprises taking part. */
export const ACTIVITY_ROWS: [string, string][] = [
  ['activity_1_date', '2023-02-15'],
  ['activity_1_form', '专题会'],
  ['activity_1_leader', '局党组书记、局长 张明'],
  ['activity_1_participants', '45'],
  ['activity_1_practice', '局长领学《纲要》，各科室负责人结合工程质量监督谈体会'],
  ['activity_2_date', '2023年2月20日'],
  ['activity_2_form', '其他'],
  ['activity_2_form_other', '读书分享会'],
  ['activity_2_leader', '办公室主任 李华'],
  ['activity_2_participants', '30'],
  ['activity_2_enterprise', '1'],
  ['activity_2_practice', '邀请参建企业质量负责人共读《纲要》质量安全篇'],
];

/** Every text field of a complete submission for the unit, as the plain form posts them. */
export function completeFields(unitId: number, code: string, key = `key-${Math.random().toString(36).slice(2, 12)}`): [string, string][] {
  return [
    ['unit_id', String(unitId)],
    ['code', code],
    ['idempotency_key', key],
    ['contact_person', '王明'],
    ['contact_phone', '0373-2079642'],
    ...ACTIVITY_ROWS,
    ['report_body', '2月15日，我局召开专题会议，传达学习《质量强国建设纲要》，部署贯彻落实工作。'],
    ['info_text', ''],
    ['essay_1_title', '以质量强国建设为引领'],
    ['essay_1_author', '李华'],
    ['essay_1_position', '科长'],
    ['essay_1_body', '通过学习《纲要》，我深刻认识到质量是水利工程的生命线。'],
    ['essay_2_title', '学习纲要的几点体会'],
    ['essay_2_author', '张强'],
    ['essay_2_position', '副局长'],
    ['essay_2_body', '要把质量第一的理念贯穿水利建设全过程。'],
  ];
}

export function formData(fields: [string, string][], files: [string, Blob, string][] = []): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const [name, file, filename] of files) form.append(name, file, filename);
  return form;
}

export function postRequest(path: string, body: FormData, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, { method: 'POST', body, headers });
}

/** Files left in DATA_DIR/tmp: a finished request must leave none. */
export function leftoverTempFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'tmp');
  return existsSync(dir) ? readdirSync(dir) : [];
}

export function count(context: SubmissionContext, table: string): number {
  return (context.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}
