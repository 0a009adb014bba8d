/**
 * Puts units and submissions straight into a real SQLite file, with real JPEG files (made by
 * sharp) below a real data folder, exactly as the schema in src/server/db/database.ts stores them.
 * The console and export tests read these rows the way they read a unit's real submission.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { openDatabase, transaction } from '#server/db/database.ts';
import { insertActivities } from '#server/submissions/activities.ts';
import type { ActivityRow } from '#shared/submission/activities.ts';

export const DEFAULT_ACTIVITY: ActivityRow = {
  date: '2023-02-15',
  form: '专题会',
  formOther: '',
  leader: '局长 张明',
  participants: 30,
  enterprise: false,
  practice: '集中学习《质量强国建设纲要》',
};

/** One 台账 row of a given form and size; 其他 is named 知识测试. */
export const activityOf = (form: ActivityRow['form'], participants: number, enterprise: boolean, practice = '学习'): ActivityRow => ({
  date: '2023-02-15',
  form,
  formOther: form === '其他' ? '知识测试' : '',
  leader: '局长',
  participants,
  enterprise,
  practice,
});

export interface SeededStore {
  db: DatabaseSync;
  dataDir: string;
}

export function freshStore(): SeededStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'baosong-admin-'));
  return { db: openDatabase(dataDir), dataDir };
}

export interface UnitSpec {
  name: string;
  category: string;
  contactPerson?: string;
  contactPhone?: string;
}

export function addUnits(db: DatabaseSync, units: UnitSpec[]): number[] {
  const insert = db.prepare('INSERT INTO units (name, category, contact_person, contact_phone, sort_order) VALUES (?, ?, ?, ?, ?)');
  const start = Number((db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n);
  return units.map((u, i) =>
    Number(insert.run(u.name, u.category, u.contactPerson ?? '', u.contactPhone ?? '', start + i + 1).lastInsertRowid),
  );
}

/** A real JPEG: a coloured field with some noise, so it compresses like a photo rather than to nothing. */
export async function makeJpeg(seed: number, width = 640, height = 480): Promise<Buffer> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  let state = seed * 2654435761 || 1;
  for (let i = 0; i < raw.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const base = i % channels === 0 ? (seed * 40) % 256 : i % channels === 1 ? 120 : 200;
    raw[i] = (base + (state >>> 24) / 4) & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels } }).jpeg({ quality: 80 }).toBuffer();
}

export function storeFile(db: DatabaseSync, dataDir: string, bytes: Buffer, mime: string, originalName = ''): number {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const ext = mime === 'image/jpeg' ? 'jpg' : mime === 'application/pdf' ? 'pdf' : mime.includes('wordprocessingml') ? 'docx' : 'bin';
  const relPath = join('files', sha.slice(0, 2), `${sha}.${ext}`);
  mkdirSync(dirname(join(dataDir, relPath)), { recursive: true });
  writeFileSync(join(dataDir, relPath), bytes);
  return Number(
    db
      .prepare('INSERT INTO files (sha256, rel_path, mime, bytes, original_name, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(sha, relPath, mime, bytes.length, originalName, new Date().toISOString()).lastInsertRowid,
  );
}

export interface EssaySpec {
  title: string;
  author: string;
  position: string;
  body: string;
  file?: { bytes: Buffer; name: string; mime: string };
}

export interface VersionSpec {
  submittedAt?: Date;
  late?: boolean;
  contactPerson?: string;
  contactPhone?: string;
  /** The 台账; one 专题会 of 30 people by default. `legacy` stores the old free-text fields instead. */
  activities?: ActivityRow[];
  legacy?: { activityDates: string; activityForms: string[]; participants: string };
  reportBody?: string;
  reportFile?: { bytes: Buffer; name: string; mime: string };
  infoText?: string;
  /** Captions, one per photo. */
  photos?: string[];
  /** Photo and thumbnail bytes to reuse (makes big seeds fast); made on the fly when absent. */
  photoBytes?: { full: Buffer; thumb: Buffer }[];
  essays?: EssaySpec[];
}

export interface SeededSubmission {
  submissionId: number;
  number: string;
  versionIds: number[];
  /** Essay ids per version, in position order. */
  essayIds: number[][];
}

let receiptSerial = 0;

export const defaultEssays = (unitName: string): EssaySpec[] => [
  {
    title: `以质量强国建设纲要引领${unitName}高质量发展`,
    author: '张明',
    position: '局长',
    body: '质量是发展之基。\n我们要把纲要要求落到每一项水利工程。',
  },
  { title: '学习纲要的几点体会', author: '王芳', position: '办公室主任', body: '一、提高认识。\n二、狠抓落实。' },
];

/** A submission with one or more versions; the last one is current. */
export async function addSubmission(store: SeededStore, unitId: number, versions: VersionSpec[]): Promise<SeededSubmission> {
  const { db, dataDir } = store;
  const prepared: {
    spec: VersionSpec;
    photos: { fileId: number; thumbId: number; caption: string }[];
    reportFileId: number | null;
    essayFiles: (number | null)[];
  }[] = [];
  for (const spec of versions) {
    const photos = [];
    for (const [i, caption] of (spec.photos ?? []).entries()) {
      const bytes = spec.photoBytes?.[i % spec.photoBytes.length] ?? {
        full: await makeJpeg(unitId * 31 + i),
        thumb: await makeJpeg(unitId * 31 + i, 160, 120),
      };
      photos.push({
        fileId: storeFile(db, dataDir, bytes.full, 'image/jpeg', `IMG_${i + 1}.jpg`),
        thumbId: storeFile(db, dataDir, bytes.thumb, 'image/jpeg'),
        caption,
      });
    }
    const reportFileId = spec.reportFile ? storeFile(db, dataDir, spec.reportFile.bytes, spec.reportFile.mime, spec.reportFile.name) : null;
    const essayFiles = (spec.essays ?? []).map((e) => (e.file ? storeFile(db, dataDir, e.file.bytes, e.file.mime, e.file.name) : null));
    prepared.push({ spec, photos, reportFileId, essayFiles });
  }
  return transaction(db, () => {
    const first = versions[0]?.submittedAt ?? new Date('2023-02-20T02:00:00Z');
    const number = `ZL2023-${String(++receiptSerial).padStart(4, '0')}-${unitId}`;
    const submissionId = Number(
      db.prepare('INSERT INTO submissions (unit_id, number, first_submitted_at) VALUES (?, ?, ?)').run(unitId, number, first.toISOString())
        .lastInsertRowid,
    );
    const versionIds: number[] = [];
    const essayIds: number[][] = [];
    prepared.forEach(({ spec, photos, reportFileId, essayFiles }, index) => {
      const at = spec.submittedAt ?? new Date(first.getTime() + index * 3600_000);
      const versionId = Number(
        db
          .prepare(
            `INSERT INTO versions (submission_id, version_no, idempotency_key, submitted_at, late, contact_person, contact_phone,
              activity_dates, activity_forms, participants, report_body, report_file_id, info_text)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            submissionId,
            index + 1,
            randomUUID(),
            at.toISOString(),
            spec.late ? 1 : 0,
            spec.contactPerson ?? '赵联络',
            spec.contactPhone ?? '13800000000',
            spec.legacy?.activityDates ?? '',
            JSON.stringify(spec.legacy?.activityForms ?? []),
            spec.legacy?.participants ?? '',
            spec.reportBody ?? '我局于2月15日召开专题会，集中学习《质量强国建设纲要》。',
            reportFileId,
            spec.infoText ?? '',
          ).lastInsertRowid,
      );
      versionIds.push(versionId);
      if (!spec.legacy) insertActivities(db, versionId, spec.activities ?? [DEFAULT_ACTIVITY]);
      // A version from before the 台账, as the schema upgrade (migrations/002) carried it over.
      else
        db.prepare(
          'INSERT INTO activities (version_id, position, legacy_dates, legacy_forms, legacy_participants) VALUES (?, 1, ?, ?, ?)',
        ).run(versionId, spec.legacy.activityDates, JSON.stringify(spec.legacy.activityForms), spec.legacy.participants);
      const insertPhoto = db.prepare(
        'INSERT INTO photos (version_id, position, caption, file_id, thumb_file_id, width, height) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      photos.forEach((p, i) => insertPhoto.run(versionId, i + 1, p.caption, p.fileId, p.thumbId, 640, 480));
      const insertEssay = db.prepare(
        'INSERT INTO essays (version_id, position, title, author, author_position, body, file_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      essayIds.push(
        (spec.essays ?? []).map((e, i) =>
          Number(insertEssay.run(versionId, i + 1, e.title, e.author, e.position, e.body, essayFiles[i] ?? null).lastInsertRowid),
        ),
      );
    });
    db.prepare('UPDATE submissions SET current_version_id = ? WHERE id = ?').run(versionIds[versionIds.length - 1]!, submissionId);
    return { submissionId, number, versionIds, essayIds };
  });
}

/** Marks an essay 优秀 the way the console does, for tests that start from a selection. */
export function featureEssay(db: DatabaseSync, essayId: number, by = 'admin'): void {
  db.prepare('INSERT OR IGNORE INTO featured_essays (essay_id, featured_at, featured_by) VALUES (?, ?, ?)').run(
    essayId,
    new Date().toISOString(),
    by,
  );
}
