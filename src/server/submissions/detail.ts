import type { DatabaseSync } from 'node:sqlite';
import { findSubmissionByUnit, listVersions, loadVersion, type SubmissionRecord, type VersionRecord } from './read.ts';

export interface SubmissionView {
  submission: SubmissionRecord;
  /** Newest first. */
  versions: ReturnType<typeof listVersions>;
  shown: VersionRecord;
}

/**
 * A unit's submission with its version history; `versionNo` picks an earlier version to show,
 * otherwise the current one. Undefined when the unit has sent nothing or the version does not exist.
 */
export function loadSubmission(db: DatabaseSync, unitId: number, versionNo?: number): SubmissionView | undefined {
  const submission = findSubmissionByUnit(db, unitId);
  if (!submission || submission.currentVersionId === null) return undefined;
  const shown = loadVersion(db, submission.id, versionNo);
  if (!shown) return undefined;
  return { submission, versions: listVersions(db, submission.id).reverse(), shown };
}
