/**
 * Reads what a unit has submitted: the submission, its versions, and versions in full with their
 * photos, essays and attachments. Used by the receipt, the console, the reopen endpoint and the
 * exports. Full versions are read in a fixed number of queries however many are asked for, so an
 * export of every unit costs the same handful of queries as one receipt.
 */
import type { DatabaseSync } from 'node:sqlite';
import { flag, idList, integer, optionalInteger, text, timestamp, type Row } from '#server/db/row.ts';
import { findFiles, type FileRecord } from '#server/files/store.ts';
import type { VersionText } from './store.ts';
import { loadActivitiesOf, type StoredActivity } from './activities.ts';

export interface SubmissionRecord {
  id: number;
  unitId: number;
  unitName: string;
  unitCategory: string;
  number: string;
  firstSubmittedAt: Date;
  currentVersionId: number | null;
}

export interface PhotoRecord {
  position: number;
  caption: string;
  file: FileRecord;
  thumb: FileRecord;
  width: number;
  height: number;
}

export interface EssayRecord {
  /** The essay's row id, by which the console marks it 优秀. */
  id: number;
  position: number;
  title: string;
  author: string;
  authorPosition: string;
  body: string;
  file: FileRecord | undefined;
  /** Chosen as 优秀 by the organisers. */
  featured: boolean;
}

export interface VersionRecord extends VersionText {
  id: number;
  versionNo: number;
  submittedAt: Date;
  late: boolean;
  activities: StoredActivity[];
  reportFile: FileRecord | undefined;
  infoFile: FileRecord | undefined;
  photos: PhotoRecord[];
  essays: EssayRecord[];
}

export interface VersionSummary {
  id: number;
  versionNo: number;
  submittedAt: Date;
  late: boolean;
}

const SUBMISSION_SELECT = `SELECT s.id, s.unit_id, u.name AS unit_name, u.category AS unit_category, s.number,
  s.first_submitted_at, s.current_version_id FROM submissions s JOIN units u ON u.id = s.unit_id`;

/** The row mapper of `submissions` (with its unit's name and category). */
function submissionFromRow(row: Row): SubmissionRecord {
  return {
    id: integer(row, 'id'),
    unitId: integer(row, 'unit_id'),
    unitName: text(row, 'unit_name'),
    unitCategory: text(row, 'unit_category'),
    number: text(row, 'number'),
    firstSubmittedAt: timestamp(row, 'first_submitted_at'),
    currentVersionId: optionalInteger(row, 'current_version_id'),
  };
}

export function findSubmissionByNumber(db: DatabaseSync, number: string): SubmissionRecord | undefined {
  const row = db.prepare(`${SUBMISSION_SELECT} WHERE s.number = ?`).get(number);
  return row ? submissionFromRow(row) : undefined;
}

export function findSubmissionByUnit(db: DatabaseSync, unitId: number): SubmissionRecord | undefined {
  const row = db.prepare(`${SUBMISSION_SELECT} WHERE s.unit_id = ?`).get(unitId);
  return row ? submissionFromRow(row) : undefined;
}

const versionSummaryFromRow = (row: Row): VersionSummary => ({
  id: integer(row, 'id'),
  versionNo: integer(row, 'version_no'),
  submittedAt: timestamp(row, 'submitted_at'),
  late: flag(row, 'late'),
});

/** Every version of a submission, oldest first. */
export function listVersions(db: DatabaseSync, submissionId: number): VersionSummary[] {
  return db
    .prepare('SELECT id, version_no, submitted_at, late FROM versions WHERE submission_id = ? ORDER BY version_no')
    .all(submissionId)
    .map(versionSummaryFromRow);
}

type FileLookup = (id: number) => FileRecord;

/** The row mapper of `versions`; the attachments are looked up among the files read with it. */
function versionFromRow(row: Row, file: FileLookup): Omit<VersionRecord, 'photos' | 'essays' | 'activities'> {
  const reportFileId = optionalInteger(row, 'report_file_id');
  const infoFileId = optionalInteger(row, 'info_file_id');
  return {
    ...versionSummaryFromRow(row),
    contactPerson: text(row, 'contact_person'),
    contactPhone: text(row, 'contact_phone'),
    reportBody: text(row, 'report_body'),
    reportFile: reportFileId === null ? undefined : file(reportFileId),
    infoText: text(row, 'info_text'),
    infoFile: infoFileId === null ? undefined : file(infoFileId),
  };
}

/** The row mapper of `photos`. */
const photoFromRow = (row: Row, file: FileLookup): PhotoRecord => ({
  position: integer(row, 'position'),
  caption: text(row, 'caption'),
  file: file(integer(row, 'file_id')),
  thumb: file(integer(row, 'thumb_file_id')),
  width: integer(row, 'width'),
  height: integer(row, 'height'),
});

/** The row mapper of `essays` (with its 优秀 mark). */
function essayFromRow(row: Row, file: FileLookup): EssayRecord {
  const fileId = optionalInteger(row, 'file_id');
  return {
    id: integer(row, 'id'),
    position: integer(row, 'position'),
    title: text(row, 'title'),
    author: text(row, 'author'),
    authorPosition: text(row, 'author_position'),
    body: text(row, 'body'),
    file: fileId === null ? undefined : file(fileId),
    featured: flag(row, 'featured'),
  };
}

const IN_LIST = 'IN (SELECT value FROM json_each(?))';

/**
 * Versions in full, by id: four queries (versions, photos, essays, then every file they point at)
 * whatever the number of versions. Ids that do not exist are left out of the map.
 */
export function loadVersions(db: DatabaseSync, versionIds: readonly number[]): Map<number, VersionRecord> {
  const ids = idList(versionIds);
  const versionRows = db
    .prepare(
      `SELECT id, version_no, submitted_at, late, contact_person, contact_phone, report_body, report_file_id, info_text,
       info_file_id FROM versions WHERE id ${IN_LIST}`,
    )
    .all(ids);
  const photoRows = db
    .prepare(
      `SELECT version_id, position, caption, file_id, thumb_file_id, width, height FROM photos
       WHERE version_id ${IN_LIST} ORDER BY version_id, position`,
    )
    .all(ids);
  const essayRows = db
    .prepare(
      `SELECT e.version_id, e.id, e.position, e.title, e.author, e.author_position, e.body, e.file_id,
       f.essay_id IS NOT NULL AS featured FROM essays e LEFT JOIN featured_essays f ON f.essay_id = e.id
       WHERE e.version_id ${IN_LIST} ORDER BY e.version_id, e.position`,
    )
    .all(ids);

  const fileIds: number[] = [];
  const collect = (row: Row, ...columns: string[]) => {
    for (const column of columns) {
      const id = optionalInteger(row, column);
      if (id !== null) fileIds.push(id);
    }
  };
  versionRows.forEach((row) => collect(row, 'report_file_id', 'info_file_id'));
  photoRows.forEach((row) => collect(row, 'file_id', 'thumb_file_id'));
  essayRows.forEach((row) => collect(row, 'file_id'));
  const files = findFiles(db, fileIds);
  const file: FileLookup = (id) => {
    const found = files.get(id);
    // The foreign keys make this unreachable; a miss means the database was edited by hand.
    if (!found) throw new Error(`files row ${id} is missing`);
    return found;
  };

  const activities = loadActivitiesOf(db, versionIds);
  const versions = new Map<number, VersionRecord>();
  for (const row of versionRows) {
    const id = integer(row, 'id');
    versions.set(id, { ...versionFromRow(row, file), activities: activities.get(id) ?? [], photos: [], essays: [] });
  }
  for (const row of photoRows) versions.get(integer(row, 'version_id'))?.photos.push(photoFromRow(row, file));
  for (const row of essayRows) versions.get(integer(row, 'version_id'))?.essays.push(essayFromRow(row, file));
  return versions;
}

/** One version in full (the current one unless `versionNo` is given), or undefined when it does not belong to the submission. */
export function loadVersion(db: DatabaseSync, submissionId: number, versionNo?: number): VersionRecord | undefined {
  const row =
    versionNo === undefined
      ? db.prepare('SELECT current_version_id AS id FROM submissions WHERE id = ?').get(submissionId)
      : db.prepare('SELECT id FROM versions WHERE submission_id = ? AND version_no = ?').get(submissionId, versionNo);
  const id = row ? optionalInteger(row, 'id') : null;
  return id === null ? undefined : loadVersions(db, [id]).get(id);
}
