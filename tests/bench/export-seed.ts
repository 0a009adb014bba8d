/**
 * A campaign-sized data folder for the export benchmark: units with a report, two essays and N
 * photos each. Photos are a handful of real JPEGs on disk that many rows point at, the way
 * content-addressed storage shares identical uploads, so seeding 3000 photos takes seconds.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, transaction } from '#server/db/database.ts';
import { makeJpeg } from '../support/seed-submissions.ts';

const DISTINCT_PHOTOS = 12;
const paragraph = '我局认真组织学习《质量强国建设纲要》，结合水利工程建设实际，逐条对照检查，明确责任分工，推动质量工作落实落地。';

export async function seedExportData(units: number, photosPerUnit: number): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baosong-bench-export-'));
  const db = openDatabase(dataDir);
  const photos: { relPath: string; sha: string; bytes: number }[] = [];
  for (let i = 0; i < DISTINCT_PHOTOS; i++) {
    const bytes = await makeJpeg(i + 1, 1024, 768);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const relPath = `files/${sha.slice(0, 2)}/${sha}.jpg`;
    mkdirSync(join(dataDir, 'files', sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, relPath), bytes);
    photos.push({ relPath, sha, bytes: bytes.length });
  }
  const now = new Date('2023-02-25T02:00:00Z').toISOString();
  transaction(db, () => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('units_seeded_from_campaign', ?)").run(now);
    const file = db.prepare('INSERT INTO files (sha256, rel_path, mime, bytes, original_name, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let u = 1; u <= units; u++) {
      const unitId = Number(
        db.prepare('INSERT INTO units (name, category, sort_order) VALUES (?, ?, ?)').run(`第${u}水利单位`, '局属二级机构', u)
          .lastInsertRowid,
      );
      const submissionId = Number(
        db.prepare('INSERT INTO submissions (unit_id, number, first_submitted_at) VALUES (?, ?, ?)').run(unitId, `BS2023-${u}`, now)
          .lastInsertRowid,
      );
      const versionId = Number(
        db
          .prepare(
            `INSERT INTO versions (submission_id, version_no, idempotency_key, submitted_at, contact_person, contact_phone, activity_dates, activity_forms, participants, report_body)
             VALUES (?, 1, ?, ?, '王明', '13800000000', '2023年2月15日', '["专题会"]', '全体干部职工 40 人', ?)`,
          )
          .run(submissionId, randomUUID(), now, paragraph.repeat(20)).lastInsertRowid,
      );
      db.prepare('UPDATE submissions SET current_version_id = ? WHERE id = ?').run(versionId, submissionId);
      for (let p = 1; p <= photosPerUnit; p++) {
        const photo = photos[(u + p) % photos.length]!;
        const fileId = Number(file.run(photo.sha, photo.relPath, 'image/jpeg', photo.bytes, `IMG_${p}.jpg`, now).lastInsertRowid);
        db.prepare(
          'INSERT INTO photos (version_id, position, caption, file_id, thumb_file_id, width, height) VALUES (?, ?, ?, ?, ?, 1024, 768)',
        ).run(versionId, p, `第${p}张：集中学习现场`, fileId, fileId);
      }
      for (let e = 1; e <= 2; e++) {
        db.prepare('INSERT INTO essays (version_id, position, title, author, author_position, body) VALUES (?, ?, ?, ?, ?, ?)').run(
          versionId,
          e,
          `学习纲要体会之${e}`,
          '李华',
          '科长',
          paragraph.repeat(15),
        );
      }
    }
  });
  db.close();
  return dataDir;
}
