/**
 * Reads what a unit has submitted: the submission, its versions, and one version in full with its
 * photos, essays and attachments. Used by the receipt, the reopen endpoint and the exports.
 */
import type { DatabaseSync } from 'node:sqlite';
import { findFile, type FileRecord } from '#server/files/store.ts';
import type { VersionText } from './store.ts';
import { loadActivities, type StoredActivity } from './activities.ts';

export interface SubmissionRecord {
  id: number;
  unitId: number;
  unitName: string;
  unitCategory: string;
  number: string;
  firstSubmittedAt: Date;
  currentVersionId: number | null;
}

export interface VersionRecord extends VersionText {
  id: number;
  versionNo: number;
  submittedAt: Date;
  late: boolean;
  activities: StoredActivity[];
  reportFile: FileRecord | undefined;
  infoFile: FileRecord | undefined;
  photos: { id: number; position: number; caption: string; file: FileRecord; thumb: FileRecord; width: number; height: number }[];
  essays: { position: number; title: string; author: string; authorPosition: string; body: string; file: FileRecord | undefined }[];
}

interface SubmissionRow {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_category: string;
  number: string;
  first_submitted_at: string;
  current_version_id: number | null;
}

const SUBMISSION_SELECT = `SELECT s.id, s.unit_id, u.name AS unit_name, u.category AS unit_category, s.number,
  s.first_submitted_at, s.current_version_id FROM submissions s JOIN units u ON u.id = s.unit_id`;

const toSubmission = (row: SubmissionRow): SubmissionRecord => ({
  id: row.id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  unitCategory: row.unit_category,
  number: row.number,
  firstSubmittedAt: new Date(row.first_submitted_at),
  currentVersionId: row.current_version_id,
});

export function findSubmissionByNumber(db: DatabaseSync, number: string): SubmissionRecord | undefined {
  const row = db.prepare(`${SUBMISSION_SELECT} WHERE s.number = ?`).get(number) as SubmissionRow | undefined;
  return row ? toSubmission(row) : undefined;
}

export function findSubmissionByUnit(db: DatabaseSync, unitId: number): SubmissionRecord | undefined {
  const row = db.prepare(`${SUBMISSION_SELECT} WHERE s.unit_id = ?`).get(unitId) as SubmissionRow | undefined;
  return row ? toSubmission(row) : undefined;
}

/** Every version of a submission, oldest first. */
export function listVersions(
  db: DatabaseSync,
  submissionId: number,
): { id: number; versionNo: number; submittedAt: Date; late: boolean }[] {
  const rows = db
    .prepare('SELECT id, version_no, submitted_at, late FROM versions WHERE submission_id = ? ORDER BY version_no')
    .all(submissionId) as { id: number; version_no: number; submitted_at: string; late: number }[];
  return rows.map((row) => ({ id: row.id, versionNo: row.version_no, submittedAt: new Date(row.submitted_at), late: row.late === 1 }));
}

interface VersionRow {
  id: number;
  version_no: number;
  submitted_at: string;
  late: number;
  contact_person: string;
  contact_phone: string;
  report_body: string;
  report_file_id: number | null;
  info_text: string;
  info_file_id: number | null;
}

const optionalFile = (db: DatabaseSync, id: number | null) => (id === null ? undefined : findFile(db, id));

/** One version in full, or undefined when it does not belong to the submission. */
export function loadVersion(db: DatabaseSync, submissionId: number, versionNo?: number): VersionRecord | undefined {
  const row = (
    versionNo === undefined
      ? db.prepare('SELECT v.* FROM versions v JOIN submissions s ON s.current_version_id = v.id WHERE s.id = ?').get(submissionId)
      : db.prepare('SELECT * FROM versions WHERE submission_id = ? AND version_no = ?').get(submissionId, versionNo)
  ) as VersionRow | undefined;
  if (!row) return undefined;
  const photos = (
    db
      .prepare('SELECT id, position, caption, file_id, thumb_file_id, width, height FROM photos WHERE version_id = ? ORDER BY position')
      .all(row.id) as {
      id: number;
      position: number;
      caption: string;
      file_id: number;
      thumb_file_id: number;
      width: number;
      height: number;
    }[]
  ).map((photo) => ({
    id: photo.id,
    position: photo.position,
    caption: photo.caption,
    file: findFile(db, photo.file_id)!,
    thumb: findFile(db, photo.thumb_file_id)!,
    width: photo.width,
    height: photo.height,
  }));
  const essays = (
    db
      .prepare('SELECT position, title, author, author_position, body, file_id FROM essays WHERE version_id = ? ORDER BY position')
      .all(row.id) as {
      position: number;
      title: string;
      author: string;
      author_position: string;
      body: string;
      file_id: number | null;
    }[]
  ).map((essay) => ({
    position: essay.position,
    title: essay.title,
    author: essay.author,
    authorPosition: essay.author_position,
    body: essay.body,
    file: optionalFile(db, essay.file_id),
  }));
  return {
    id: row.id,
    versionNo: row.version_no,
    submittedAt: new Date(row.submitted_at),
    late: row.late === 1,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    activities: loadActivities(db, row.id),
    reportBody: row.report_body,
    reportFile: optionalFile(db, row.report_file_id),
    infoText: row.info_text,
    infoFile: optionalFile(db, row.info_file_id),
    photos,
    essays,
  };
}
