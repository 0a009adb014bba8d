/**
 * What every submission handler needs: the database (with the configured units in it), the data
 * folder, the campaign, the time and the client's address. Routes pass `Astro.locals`, which holds
 * all of it (#server/app/request-context.ts); tests build their own with a temporary database.
 */
import type { DatabaseSync } from 'node:sqlite';
import { isLate } from '#shared/campaign/deadline.ts';
import { deadlinePhrase } from '#shared/campaign/deadline-words.ts';
import { contactLine, type Campaign } from '#server/campaign/campaign.ts';

export interface SubmissionContext {
  db: DatabaseSync;
  dataDir: string;
  campaign: Campaign;
  now: Date;
  /** The client's address, for rate limits. */
  address: string;
}

export const contactOf = (context: SubmissionContext) => contactLine(context.campaign);

/** The Chinese refusal when the deadline has passed and the campaign takes nothing late; else undefined. */
export function lateRefusal(context: SubmissionContext): string | undefined {
  const { campaign: c, now } = context;
  if (c.latePolicy !== 'refuse' || !isLate(now, c.deadlineAt)) return undefined;
  return `报送已于 ${deadlinePhrase(c.deadlineAt, c.deadline.label)}截止，系统不再接收新的报送和修改。如确需补报，请联系${contactOf(context)}。`;
}

/** Receipt numbers start with the deadline's year: BS2023-0001. */
export const numberPrefix = (context: SubmissionContext) => `BS${context.campaign.deadline.date.slice(0, 4)}`;
