import type { DatabaseSync } from 'node:sqlite';
import { findSubmissionByUnit, listVersions, loadVersion, type SubmissionRecord, type VersionRecord } from './read.ts';

/** An essay as the console shows it: with its id (to mark it) and whether it is 优秀. */
export type EssayView = VersionRecord['essays'][number] & { id: number; featured: boolean };

export interface VersionView extends Omit<VersionRecord, 'essays'> {
  essays: EssayView[];
}

export interface SubmissionView {
  submission: SubmissionRecord;
  /** Newest first. */
  versions: ReturnType<typeof listVersions>;
  shown: VersionView;
}

/** A stored version with each essay's id and 优秀 mark added. */
export function versionView(db: DatabaseSync, submissionId: number, versionNo?: number): VersionView | undefined {
  const version = loadVersion(db, submissionId, versionNo);
  if (!version) return undefined;
  const marks = db
    .prepare(
      `SELECT e.id, e.position, f.essay_id IS NOT NULL AS featured FROM essays e
       LEFT JOIN featured_essays f ON f.essay_id = e.id WHERE e.version_id = ?`,
    )
    .all(version.id) as { id: number; position: number; featured: number }[];
  const byPosition = new Map(marks.map((m) => [m.position, m]));
  return {
    ...version,
    essays: version.essays.map((essay) => {
      const mark = byPosition.get(essay.position);
      return { ...essay, id: mark?.id ?? 0, featured: mark?.featured === 1 };
    }),
  };
}

/**
 * A unit's submission with its version history; `versionNo` picks an earlier version to show,
 * otherwise the current one. Undefined when the unit has sent nothing or the version does not exist.
 */
export function loadSubmission(db: DatabaseSync, unitId: number, versionNo?: number): SubmissionView | undefined {
  const submission = findSubmissionByUnit(db, unitId);
  if (!submission || submission.currentVersionId === null) return undefined;
  const shown = versionView(db, submission.id, versionNo);
  if (!shown) return undefined;
  return { submission, versions: listVersions(db, submission.id).reverse(), shown };
}
