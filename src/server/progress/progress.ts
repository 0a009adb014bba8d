import type { DatabaseSync } from 'node:sqlite';
import type { Requirements } from '#shared/campaign/schema.ts';
import { unitStatus, type UnitFacts, type UnitStatus } from './unit-status.ts';
import { REVIEW_LABEL, reviewKindOf, type ReviewKind } from '#server/review/decisions.ts';
import type { Decision } from '#server/review/decision-input.ts';
import { activityTotals, emptyUnitActivities, unitActivities, type ActivityTotals, type UnitActivities } from './activity-totals.ts';

/** The organiser's review of the current version; null for a unit that has sent nothing. */
export interface UnitReview {
  kind: ReviewKind;
  label: string;
  /** The 意见 of the latest decision on the current version ('' when pending or approved without one). */
  comment: string;
  decidedAt: string | null;
}

/** One row of the board, the summary table and the reminder list. */
export interface UnitProgress extends UnitFacts {
  unitId: number;
  name: string;
  category: string;
  /** From the unit list (import); who to chase. */
  contactPerson: string;
  contactPhone: string;
  /** From the unit's latest version: who actually sent it. */
  submitterName: string;
  submitterPhone: string;
  receiptNumber: string;
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  versionNo: number;
  status: UnitStatus;
  review: UnitReview | null;
  /** The current version's 台账 in numbers (all zero for a unit that has sent nothing). */
  activities: UnitActivities;
}

interface Row {
  unit_id: number;
  name: string;
  category: string;
  contact_person: string;
  contact_phone: string;
  number: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  version_no: number | null;
  late: number | null;
  version_contact: string | null;
  version_phone: string | null;
  has_report: number | null;
  version_count: number;
  photo_count: number;
  essay_positions: string | null;
  review_decision: Decision | null;
  review_comment: string | null;
  reviewed_at: string | null;
}

// Counts come from the current version only: an earlier version's photos no longer count.
const QUERY = `
SELECT u.id AS unit_id, u.name, u.category, u.contact_person, u.contact_phone,
  s.number, s.first_submitted_at, v.submitted_at, v.version_no, v.late,
  v.contact_person AS version_contact, v.contact_phone AS version_phone,
  (TRIM(v.report_body) <> '' OR v.report_file_id IS NOT NULL) AS has_report,
  (SELECT COUNT(*) FROM versions x WHERE x.submission_id = s.id) AS version_count,
  (SELECT COUNT(*) FROM photos p WHERE p.version_id = v.id) AS photo_count,
  (SELECT GROUP_CONCAT(e.position) FROM essays e WHERE e.version_id = v.id AND TRIM(e.title) <> ''
    AND (TRIM(e.body) <> '' OR e.file_id IS NOT NULL)) AS essay_positions,
  d.decision AS review_decision, d.comment AS review_comment, d.decided_at AS reviewed_at
FROM units u
LEFT JOIN submissions s ON s.unit_id = u.id
LEFT JOIN versions v ON v.id = s.current_version_id
LEFT JOIN review_decisions d ON d.id = (SELECT MAX(x.id) FROM review_decisions x WHERE x.version_id = v.id)
WHERE u.active = 1
ORDER BY u.sort_order, u.id`;

export function toProgress(row: Row, requirements: Requirements, activities = emptyUnitActivities()): UnitProgress {
  const essayPositions = row.essay_positions ? row.essay_positions.split(',').map(Number) : [];
  const facts: UnitFacts = {
    submitted: row.submitted_at !== null,
    versionCount: Number(row.version_count),
    late: row.late === 1,
    hasReport: row.has_report === 1,
    photoCount: Number(row.photo_count),
    essayCount: essayPositions.length,
    essayPositions,
  };
  return {
    ...facts,
    unitId: row.unit_id,
    name: row.name,
    category: row.category,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    submitterName: row.version_contact ?? '',
    submitterPhone: row.version_phone ?? '',
    receiptNumber: row.number ?? '',
    firstSubmittedAt: row.first_submitted_at,
    lastSubmittedAt: row.submitted_at,
    versionNo: row.version_no ?? 0,
    status: unitStatus(facts, requirements),
    review: facts.submitted ? reviewOf(row) : null,
    activities,
  };
}

function reviewOf(row: Row): UnitReview {
  const kind = reviewKindOf(row.review_decision);
  return { kind, label: REVIEW_LABEL[kind], comment: row.review_comment ?? '', decidedAt: row.reviewed_at };
}

/** Every active unit in display order with its current status. */
export function unitProgress(db: DatabaseSync, requirements: Requirements): UnitProgress[] {
  const activities = unitActivities(db);
  return (db.prepare(QUERY).all() as unknown as Row[]).map((row) => toProgress(row, requirements, activities.get(row.unit_id)));
}

export interface ProgressSummary {
  total: number;
  submitted: number;
  /** Whole per cent of units that have sent something. */
  percent: number;
  complete: number;
  incomplete: number;
  late: number;
  notSubmitted: number;
  /** Review of the units that have sent something: each counted once, by its current version. */
  pending: number;
  returned: number;
  approved: number;
  /** The 台账 over all units counted here. */
  activities: ActivityTotals;
}

export function summarise(units: readonly UnitProgress[]): ProgressSummary {
  const submitted = units.filter((u) => u.submitted).length;
  const incomplete = units.filter((u) => u.status.missing.length > 0).length;
  return {
    total: units.length,
    submitted,
    percent: units.length === 0 ? 0 : Math.floor((submitted * 100) / units.length),
    complete: submitted - incomplete,
    incomplete,
    late: units.filter((u) => u.late).length,
    notSubmitted: units.length - submitted,
    pending: units.filter((u) => u.review?.kind === 'pending').length,
    returned: units.filter((u) => u.review?.kind === 'returned').length,
    approved: units.filter((u) => u.review?.kind === 'approved').length,
    activities: activityTotals(units.map((u) => u.activities)),
  };
}

/** Units that still owe something: nothing sent, sent with items missing, or returned for revision. */
export function unitsToChase(units: readonly UnitProgress[]): UnitProgress[] {
  return units.filter((u) => !u.submitted || u.status.missing.length > 0 || u.review?.kind === 'returned');
}
