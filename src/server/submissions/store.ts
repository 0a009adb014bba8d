/**
 * Writes a submitted version: the submission row (first time), the version, its photos and its
 * essays, in one transaction — all of it or nothing. Files are already durable (files.ts) before
 * this runs. A retried submit carrying the same idempotency key gets the stored version back.
 */
import type { DatabaseSync } from 'node:sqlite';
import { flag, integer, text, type Row } from '#server/db/row.ts';
import type { Submission } from '#shared/submission/schema.ts';
import { transaction } from '#server/db/database.ts';
import type { ActivityRow } from '#shared/submission/activities.ts';
import { insertActivities } from './activities.ts';

export interface PhotoInput {
  caption: string;
  fileId: number;
  thumbFileId: number;
  width: number;
  height: number;
}

export interface EssayInput {
  /** 1 or 2 as the unit entered it; an essay not written yet has no row. */
  position: number;
  title: string;
  author: string;
  authorPosition: string;
  body: string;
  fileId: number | null;
}

/**
 * What a liaison types into a version, as the submission schema parses it (schema.ts), the same
 * when it is stored and when it is read back.
 */
export type VersionText = Pick<Submission, 'contactPerson' | 'contactPhone' | 'reportBody' | 'infoText'>;

export interface VersionInput extends VersionText {
  unitId: number;
  /** The 台账's rows in the unit's order, already checked (activities.ts). */
  activities: ActivityRow[];
  idempotencyKey: string;
  reportFileId: number | null;
  infoFileId: number | null;
  photos: PhotoInput[];
  essays: EssayInput[];
}

export interface StoredRef {
  submissionId: number;
  unitId: number;
  number: string;
  versionId: number;
  versionNo: number;
  submittedAt: string;
  late: boolean;
  /** True when this key had already been stored: nothing new was written. */
  duplicate: boolean;
}

/** The stored version a key names, if any. */
export function findByIdempotencyKey(db: DatabaseSync, key: string): StoredRef | undefined {
  const row = db
    .prepare(
      `SELECT s.id AS submission_id, s.unit_id, s.number, v.id AS version_id, v.version_no, v.submitted_at, v.late
       FROM versions v JOIN submissions s ON s.id = v.submission_id WHERE v.idempotency_key = ?`,
    )
    .get(key);
  if (!row) return undefined;
  return {
    submissionId: integer(row, 'submission_id'),
    unitId: integer(row, 'unit_id'),
    number: text(row, 'number'),
    versionId: integer(row, 'version_id'),
    versionNo: integer(row, 'version_no'),
    submittedAt: text(row, 'submitted_at'),
    late: flag(row, 'late'),
    duplicate: true,
  };
}

/** Reads `SELECT COALESCE(MAX(…), 0) + 1 AS next`, which always yields one row. */
const nextNumber = (row: Row | undefined): number => (row ? integer(row, 'next') : 1);

function ensureSubmission(db: DatabaseSync, unitId: number, numberPrefix: string, now: Date): { id: number; number: string } {
  const existing = db.prepare('SELECT id, number FROM submissions WHERE unit_id = ?').get(unitId);
  if (existing) return { id: integer(existing, 'id'), number: text(existing, 'number') };
  const next = nextNumber(db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM submissions').get());
  const number = `${numberPrefix}-${String(next).padStart(4, '0')}`;
  const result = db
    .prepare('INSERT INTO submissions (id, unit_id, number, first_submitted_at) VALUES (?, ?, ?, ?)')
    .run(next, unitId, number, now.toISOString());
  return { id: Number(result.lastInsertRowid), number };
}

export interface StoreOptions {
  now: Date;
  late: boolean;
  /** Start of every receipt number, e.g. BS2023 → BS2023-0001. */
  numberPrefix: string;
}

/** Stores a new version (the unit's first, or a revision that becomes current). */
export function storeVersion(db: DatabaseSync, input: VersionInput, options: StoreOptions): StoredRef {
  return transaction(db, () => {
    const earlier = findByIdempotencyKey(db, input.idempotencyKey);
    if (earlier) return earlier;
    const submission = ensureSubmission(db, input.unitId, options.numberPrefix, options.now);
    const next = nextNumber(
      db.prepare('SELECT COALESCE(MAX(version_no), 0) + 1 AS next FROM versions WHERE submission_id = ?').get(submission.id),
    );
    const submittedAt = options.now.toISOString();
    const version = db
      .prepare(
        `INSERT INTO versions (submission_id, version_no, idempotency_key, submitted_at, late, contact_person, contact_phone,
           activity_dates, activity_forms, participants, report_body, report_file_id, info_text, info_file_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        submission.id,
        next,
        input.idempotencyKey,
        submittedAt,
        options.late ? 1 : 0,
        input.contactPerson,
        input.contactPhone,
        // The free-text activity fields of versions before the 台账; a version now keeps its rows instead.
        '',
        '[]',
        '',
        input.reportBody,
        input.reportFileId,
        input.infoText,
        input.infoFileId,
      );
    const versionId = Number(version.lastInsertRowid);
    insertActivities(db, versionId, input.activities);
    const photo = db.prepare(
      'INSERT INTO photos (version_id, position, caption, file_id, thumb_file_id, width, height) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    input.photos.forEach((p, i) => photo.run(versionId, i + 1, p.caption, p.fileId, p.thumbFileId, p.width, p.height));
    const essay = db.prepare(
      'INSERT INTO essays (version_id, position, title, author, author_position, body, file_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    input.essays.forEach((e) => essay.run(versionId, e.position, e.title, e.author, e.authorPosition, e.body, e.fileId));
    db.prepare('UPDATE submissions SET current_version_id = ? WHERE id = ?').run(versionId, submission.id);
    return {
      submissionId: submission.id,
      unitId: input.unitId,
      number: submission.number,
      versionId,
      versionNo: next,
      submittedAt,
      late: options.late,
      duplicate: false,
    };
  });
}
