/**
 * What the submission browser tests and the upload benchmark share: a running site whose units
 * already hold 报送码 (issued by the real `npm run codes`), photos made by sharp, and filling in
 * the form the way a liaison does, by its labels, with or without JavaScript.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { DRAFT_DATABASE } from '#islands/submission/draft-store.ts';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { draftMetaKey } from '#shared/submission/draft.ts';
import { startSite, type RunningSite } from './site.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface SubmissionSite extends RunningSite {
  /** 报送码 by unit name. */
  codes: Map<string, string>;
}

/** Starts the site with its own data folder, after issuing every unit its code. */
export async function startSubmissionSite(siteDir: string, env: Record<string, string> = {}): Promise<SubmissionSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baosong-form-'));
  const siteEnv = { CAMPAIGN_DEADLINE: '2099-12-31T18:00', ...env, DATA_DIR: dataDir };
  const { stdout } = await run(process.execPath, [join(projectRoot, 'src/cli/codes.ts')], {
    cwd: projectRoot,
    env: { ...process.env, ...siteEnv },
  });
  const codes = new Map<string, string>();
  for (const line of stdout
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)) {
    const [name, code] = line.split(',');
    if (name && code) codes.set(name, code);
  }
  const site = await startSite(siteDir, siteEnv);
  return { ...site, codes };
}

export interface PhotoOptions {
  width: number;
  height: number;
  /** EXIF orientation to write; the pixels are stored as given. */
  orientation?: number;
  /** A red block in the stored top-left corner, to see where it ends up. */
  marker?: boolean;
  quality?: number;
}

/**
 * A JPEG that compresses like a phone photo: soft shapes from a small random picture blown up,
 * with sensor-like grain on top (pure noise would be far bigger, a flat field far smaller).
 * A 6000×4000 one at quality 90 weighs about what a 24-MP phone writes.
 */
export async function phonePhoto(seed: number, options: PhotoOptions): Promise<Buffer> {
  const { width, height } = options;
  const channels = 3;
  const small = Buffer.alloc(24 * 16 * channels);
  let state = seed * 2654435761 || 1;
  const next = () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
  for (let i = 0; i < small.length; i++) small[i] = next();
  const blowUp = (raw: Buffer, w: number, h: number) =>
    sharp(raw, { raw: { width: w, height: h, channels } })
      .resize(width, height, { kernel: 'cubic', fit: 'fill' })
      .raw()
      .toBuffer();
  const pixels = await blowUp(small, 24, 16);
  // Texture a few pixels across (leaves, brick, faces in a crowd) survives downscaling, as in a photo.
  const detailWidth = Math.max(1, Math.round(width / 12));
  const detailHeight = Math.max(1, Math.round(height / 12));
  const detailSeed = Buffer.alloc(detailWidth * detailHeight * channels);
  for (let i = 0; i < detailSeed.length; i++) detailSeed[i] = next();
  const detail = await blowUp(detailSeed, detailWidth, detailHeight);
  // Grain: the sum of two uniform draws is close enough to a sensor's gaussian noise.
  for (let i = 0; i < pixels.length; i++) {
    const value = pixels[i]! + (detail[i]! - 128) / 4 + ((next() + next()) >> 3) - 32;
    pixels[i] = Math.max(0, Math.min(255, value));
  }
  if (options.marker) {
    const block = Math.round(Math.min(width, height) / 4);
    for (let y = 0; y < block; y++) {
      for (let x = 0; x < block; x++) pixels.set([255, 0, 0], (y * width + x) * channels);
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels } }).jpeg({ quality: options.quality ?? 90 });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

/** Writes files into a fresh temp folder and returns their paths, for setInputFiles. */
export function writeTempFiles(files: Record<string, Buffer>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'baosong-photos-'));
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], bytes);
  }
  return paths;
}

export const SAMPLE_TEXT = {
  contactPerson: '王明',
  contactPhone: '0373-2079642',
  activityDate: '2023-02-15',
  activityLeader: '局党组书记、局长 张明',
  participants: '45',
  practice: '局长领学《纲要》，各科室负责人结合工程质量监督谈体会',
  reportBody: '2月15日，我局召开专题会议，传达学习《质量强国建设纲要》，研究部署贯彻落实工作。',
};

/** Fills the unit, the code and every required text the way a liaison types them. */
export async function fillSubmission(page: Page, unitName: string, code: string): Promise<void> {
  await page.selectOption('#f-unit_id', { label: unitName });
  await page.fill('#f-code', code);
  await page.fill('#f-contact_person', SAMPLE_TEXT.contactPerson);
  await page.fill('#f-contact_phone', SAMPLE_TEXT.contactPhone);
  await page.fill('#f-activity_1_date', SAMPLE_TEXT.activityDate);
  await page.selectOption('#f-activity_1_form', '专题会');
  await page.fill('#f-activity_1_leader', SAMPLE_TEXT.activityLeader);
  await page.fill('#f-activity_1_participants', SAMPLE_TEXT.participants);
  await page.check('input[name="activity_1_enterprise"]');
  await page.fill('#f-activity_1_practice', SAMPLE_TEXT.practice);
  await page.fill('#f-report_body', SAMPLE_TEXT.reportBody);
  for (const n of [1, 2]) {
    await page.fill(`#f-essay_${n}_title`, `学习《纲要》的体会之${n}`);
    await page.fill(`#f-essay_${n}_author`, n === 1 ? '李华' : '张强');
    await page.fill(`#f-essay_${n}_position`, n === 1 ? '科长' : '副局长');
    await page.fill(`#f-essay_${n}_body`, `质量是发展的生命线。第${n}篇学习感想正文。`);
  }
}

/** Chooses the unit, types its code and presses 载入 to bring back what it already sent. */
export async function askToReopen(page: Page, unitName: string, code: string): Promise<void> {
  await page.selectOption('#f-unit_id', { label: unitName });
  await page.fill('#f-code', code);
  await page.getByRole('button', { name: '载入本单位已报送的内容（用于修改）' }).click();
}

/** Opens the form and waits until its JavaScript has taken over. */
export async function openEnhancedForm(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}/baosong/`);
  await page.waitForSelector('form[data-enhanced="true"]');
}

/** What the form has saved on the device right now, as IndexedDB holds it; undefined before the first save. */
export interface StoredDraft {
  values?: Record<string, unknown>;
  photos?: { token?: string }[];
}

export function storedDraft(page: Page): Promise<StoredDraft | undefined> {
  const where = { ...DRAFT_DATABASE, key: draftMetaKey(loadCampaign().id) };
  return page.evaluate(
    ({ name, store, key }) =>
      new Promise<StoredDraft | undefined>((resolve) => {
        const open = indexedDB.open(name);
        // Never create the database here: the form must be the one to create it, with its stores.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          try {
            const read = open.result.transaction(store).objectStore(store).get(key);
            read.onsuccess = () => resolve(read.result as StoredDraft | undefined);
            read.onerror = () => resolve(undefined);
          } catch {
            resolve(undefined);
          } finally {
            open.result.close();
          }
        };
      }),
    where,
  );
}
