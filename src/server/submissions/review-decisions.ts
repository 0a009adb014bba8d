/**
 * The organiser's review of a unit's materials: 通过 or 退回修改 on one version, with an 意见.
 * Decisions are only ever added; a unit's state is the latest decision on its current version,
 * so a revision after 退回 is 待审核 again without anything being rewritten.
 */
import type { DatabaseSync } from 'node:sqlite';
import { DECISION_LABEL, type Decision } from './review-input.ts';
import { formatBeijing } from '#shared/campaign/deadline.ts';
import type { ReviewNote } from '#shared/submission/form.ts';

export type ReviewKind = 'pending' | 'returned' | 'approved';

export const REVIEW_LABEL: Record<ReviewKind, string> = { pending: '待审核', returned: '已退回', approved: '已通过' };

export const reviewKindOf = (decision: Decision | null): ReviewKind =>
  decision === 'approve' ? 'approved' : decision === 'return' ? 'returned' : 'pending';

export interface DecisionRecord {
  id: number;
  versionId: number;
  versionNo: number;
  decision: Decision;
  label: string;
  comment: string;
  decidedBy: string;
  decidedAt: Date;
}

interface DecisionRow {
  id: number;
  version_id: number;
  version_no: number;
  decision: Decision;
  comment: string;
  decided_by: string;
  decided_at: string;
}

const toRecord = (row: DecisionRow): DecisionRecord => ({
  id: row.id,
  versionId: row.version_id,
  versionNo: row.version_no,
  decision: row.decision,
  label: DECISION_LABEL[row.decision],
  comment: row.comment,
  decidedBy: row.decided_by,
  decidedAt: new Date(row.decided_at),
});

const SELECT = `SELECT d.id, d.version_id, v.version_no, d.decision, d.comment, d.decided_by, d.decided_at
  FROM review_decisions d JOIN versions v ON v.id = d.version_id`;

/** Every decision on a submission's versions, newest first: the detail page's history. */
export function decisionHistory(db: DatabaseSync, submissionId: number): DecisionRecord[] {
  const rows = db.prepare(`${SELECT} WHERE v.submission_id = ? ORDER BY d.id DESC`).all(submissionId) as unknown as DecisionRow[];
  return rows.map(toRecord);
}

/** The latest decision on one version, if any. */
export function latestDecisionOn(db: DatabaseSync, versionId: number): DecisionRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE d.version_id = ? ORDER BY d.id DESC LIMIT 1`).get(versionId) as DecisionRow | undefined;
  return row ? toRecord(row) : undefined;
}

/** The latest decision on any of a submission's versions: what the unit is told when it reopens. */
export function latestDecision(db: DatabaseSync, submissionId: number): DecisionRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE v.submission_id = ? ORDER BY d.id DESC LIMIT 1`).get(submissionId) as DecisionRow | undefined;
  return row ? toRecord(row) : undefined;
}

export interface ReviewTarget {
  unitId: number;
  unitName: string;
  versionId: number;
  versionNo: number;
  isCurrent: boolean;
}

/** The version a decision is about, only when it belongs to this unit. */
export function reviewTarget(db: DatabaseSync, unitId: number, versionId: number): ReviewTarget | undefined {
  const row = db
    .prepare(
      `SELECT u.id AS unit_id, u.name, v.id AS version_id, v.version_no, s.current_version_id
       FROM versions v JOIN submissions s ON s.id = v.submission_id JOIN units u ON u.id = s.unit_id
       WHERE v.id = ? AND u.id = ?`,
    )
    .get(versionId, unitId) as
    { unit_id: number; name: string; version_id: number; version_no: number; current_version_id: number } | undefined;
  return row
    ? {
        unitId: row.unit_id,
        unitName: row.name,
        versionId: row.version_id,
        versionNo: row.version_no,
        isCurrent: row.version_id === row.current_version_id,
      }
    : undefined;
}

export function recordDecision(
  db: DatabaseSync,
  entry: { versionId: number; decision: Decision; comment: string; by: string },
  now = new Date(),
): number {
  const result = db
    .prepare('INSERT INTO review_decisions (version_id, decision, comment, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)')
    .run(entry.versionId, entry.decision, entry.comment, entry.by, now.toISOString());
  return Number(result.lastInsertRowid);
}

/** A decision as the unit sees it: no organiser's name, the time on a Beijing clock. */
export function reviewNote(record: DecisionRecord): ReviewNote {
  return {
    versionNo: record.versionNo,
    decision: record.decision,
    label: record.label,
    decidedAt: formatBeijing(record.decidedAt),
    comment: record.comment,
  };
}
