/**
 * One 通过 / 退回修改 post from a unit's detail page, from the form fields to the stored decision
 * and the audit entry. Answers where the browser goes next: back to the page, with what happened.
 */
import type { DatabaseSync } from 'node:sqlite';
import { audit } from './audit.ts';
import { transaction } from '#server/db/database.ts';
import { readDecision } from '#server/submissions/review-input.ts';
import { recordDecision, reviewTarget } from '#server/submissions/review-decisions.ts';

export type ReviewOutcome = { kind: 'not-found' } | { kind: 'redirect'; location: string; stored: boolean };

const page = (unitId: number, query: string) => `/admin/units/${unitId}/?${query}#review`;

export function handleReview(
  db: DatabaseSync,
  unitId: number,
  fields: { get(name: string): FormDataEntryValue | null },
  who: { username: string; ip: string },
  now = new Date(),
): ReviewOutcome {
  const input = readDecision(fields);
  if (!input.ok) return { kind: 'redirect', location: page(unitId, `review_error=${input.problem}`), stored: false };
  return transaction(db, (): ReviewOutcome => {
    const target = reviewTarget(db, unitId, input.versionId);
    if (!target) return { kind: 'not-found' };
    // The unit sent a newer version while the organiser was reading: a decision on what it replaced
    // would tell the unit something about materials it has already changed.
    if (!target.isCurrent) return { kind: 'redirect', location: page(unitId, 'review_error=stale'), stored: false };
    recordDecision(db, { versionId: target.versionId, decision: input.decision, comment: input.comment, by: who.username }, now);
    audit(
      db,
      {
        username: who.username,
        action: input.decision === 'approve' ? 'review_approve' : 'review_return',
        detail: `${target.unitName} 第 ${target.versionNo} 版${input.comment ? `：${input.comment}` : ''}`,
        ip: who.ip,
      },
      now,
    );
    return { kind: 'redirect', location: page(unitId, `done=${input.decision}`), stored: true };
  });
}
