import type { DatabaseSync } from 'node:sqlite';
import type { Requirements } from '#shared/campaign/schema.ts';
import { flag, integer, optionalInteger, optionalText, text, type Row } from '#server/db/row.ts';
import { unitStatus, type UnitFacts, type UnitStatus } from './unit-status.ts';
import { REVIEW_LABEL, reviewKindOf, type ReviewKind } from '#server/submissions/review-decisions.ts';
import type { Decision } from '#server/submissions/review-input.ts';
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

// The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator), so a
// text TypeScript reads as blank (completeness.ts: reportPresent, essayCounts) is blank here too:
// SQLite's one-argument TRIM removes only spaces, and a pasted report may hold a line break or 　.
const WHITESPACE = `char(${[9, 10, 11, 12, 13, 32, 160, 5760, ...Array.from({ length: 11 }, (_, i) => 8192 + i), 8232, 8233, 8239, 8287, 12288, 65279].join(', ')})`;
const present = (column: string) => `TRIM(${column}, ${WHITESPACE}) <> ''`;

// Counts come from the current version only: an earlier version's photos no longer count.
const QUERY = `
SELECT u.id AS unit_id, u.name, u.category, u.contact_person, u.contact_phone,
  s.number, s.first_submitted_at, v.submitted_at, v.version_no, v.late,
  v.contact_person AS version_contact, v.contact_phone AS version_phone,
  (${present('v.report_body')} OR v.report_file_id IS NOT NULL) AS has_report,
  (SELECT COUNT(*) FROM versions x WHERE x.submission_id = s.id) AS version_count,
  (SELECT COUNT(*) FROM photos p WHERE p.version_id = v.id) AS photo_count,
  (SELECT GROUP_CONCAT(e.position) FROM essays e WHERE e.version_id = v.id AND ${present('e.title')}
    AND (${present('e.body')} OR e.file_id IS NOT NULL)) AS essay_positions,
  d.decision AS review_decision, d.comment AS review_comment, d.decided_at AS reviewed_at
FROM units u
LEFT JOIN submissions s ON s.unit_id = u.id
LEFT JOIN versions v ON v.id = s.current_version_id
LEFT JOIN review_decisions d ON d.id = (SELECT MAX(x.id) FROM review_decisions x WHERE x.version_id = v.id)
WHERE u.active = 1
ORDER BY u.sort_order, u.id`;

/** The row mapper of the progress query: one unit with its current version's figures. */
export function toProgress(row: Row, requirements: Requirements, activities = emptyUnitActivities()): UnitProgress {
  const positions = optionalText(row, 'essay_positions');
  const essayPositions = positions
    ? positions
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  const facts: UnitFacts = {
    submitted: optionalText(row, 'submitted_at') !== null,
    versionCount: integer(row, 'version_count'),
    late: flag(row, 'late'),
    hasReport: flag(row, 'has_report'),
    photoCount: integer(row, 'photo_count'),
    essayCount: essayPositions.length,
    essayPositions,
  };
  return {
    ...facts,
    unitId: integer(row, 'unit_id'),
    name: text(row, 'name'),
    category: text(row, 'category'),
    contactPerson: text(row, 'contact_person'),
    contactPhone: text(row, 'contact_phone'),
    submitterName: optionalText(row, 'version_contact') ?? '',
    submitterPhone: optionalText(row, 'version_phone') ?? '',
    receiptNumber: optionalText(row, 'number') ?? '',
    firstSubmittedAt: optionalText(row, 'first_submitted_at'),
    lastSubmittedAt: optionalText(row, 'submitted_at'),
    versionNo: optionalInteger(row, 'version_no') ?? 0,
    status: unitStatus(facts, requirements),
    review: facts.submitted ? reviewOf(row) : null,
    activities,
  };
}

const DECISIONS: readonly string[] = ['approve', 'return'] satisfies Decision[];
const isDecision = (value: string | null): value is Decision => value !== null && DECISIONS.includes(value);

function reviewOf(row: Row): UnitReview {
  const decision = optionalText(row, 'review_decision');
  const kind = reviewKindOf(isDecision(decision) ? decision : null);
  return {
    kind,
    label: REVIEW_LABEL[kind],
    comment: optionalText(row, 'review_comment') ?? '',
    decidedAt: optionalText(row, 'reviewed_at'),
  };
}

/** Every active unit in display order with its current status. */
export function unitProgress(db: DatabaseSync, requirements: Requirements): UnitProgress[] {
  const activities = unitActivities(db);
  return db
    .prepare(QUERY)
    .all()
    .map((row) => toProgress(row, requirements, activities.get(integer(row, 'unit_id'))));
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
