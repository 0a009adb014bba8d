/**
 * What every submission handler needs: the database (with the configured units in it), the data
 * folder, the campaign, the time and the client's address. Routes build it with
 * submissionContext(); tests build their own with a temporary database and folder.
 */
import type { DatabaseSync } from 'node:sqlite';
import { formatBeijing, isLate } from '#shared/campaign/deadline.ts';
import { contactLine, currentCampaign, type Campaign } from '#server/campaign/campaign.ts';
import { database, dataDir } from '#server/db/database.ts';
import { pruneEvents } from '#server/http/rate-limit.ts';
import { seedUnits } from '#server/campaign/units.ts';

export interface SubmissionContext {
  db: DatabaseSync;
  dataDir: string;
  campaign: Campaign;
  now: Date;
  /** The client's address, for rate limits. */
  address: string;
}

let swept = false;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The context for an on-demand route: the shared database, DATA_DIR, the campaign loaded once. */
export function submissionContext(address: string): SubmissionContext {
  const db = database();
  const campaign = currentCampaign();
  if (!swept) {
    swept = true;
    // Once per process; temporary files are swept by the server's housekeeping (src/server/ops).
    pruneEvents(db, DAY_MS, new Date());
  }
  seedUnits(db, campaign);
  return { db, dataDir: dataDir(), campaign, now: new Date(), address };
}

export const contactOf = (context: SubmissionContext) => contactLine(context.campaign);

/** The Chinese refusal when the deadline has passed and the campaign takes nothing late; else undefined. */
export function lateRefusal(context: SubmissionContext): string | undefined {
  const { campaign: c, now } = context;
  if (c.latePolicy !== 'refuse' || !isLate(now, c.deadlineAt)) return undefined;
  return `报送已于 ${formatBeijing(c.deadlineAt)}（${c.deadline.label}）截止，系统不再接收新的报送和修改。如确需补报，请联系${contactOf(context)}。`;
}

/** Receipt numbers start with the deadline's year: BS2023-0001. */
export const numberPrefix = (context: SubmissionContext) => `BS${context.campaign.deadline.date.slice(0, 4)}`;
