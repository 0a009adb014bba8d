import type { DatabaseSync } from 'node:sqlite';
import { currentCampaign, type Campaign } from '#server/campaign/campaign.ts';
import { database } from '#server/db/database.ts';
import { seedUnits } from '#server/campaign/units.ts';
import type { ReminderContext } from './reminder.ts';

/** The campaign as the console sees it: the one the whole server uses. */
export function consoleCampaign(): Campaign {
  return currentCampaign();
}

/** The shared database with the configured units in it (copied once, on first use). */
export function consoleDatabase(): DatabaseSync {
  const db = database();
  seedUnits(db, consoleCampaign());
  return db;
}

export function reminderContext(campaign: Campaign, origin: string, now = new Date()): ReminderContext {
  return {
    title: campaign.title,
    office: campaign.office,
    contact: campaign.contact,
    deadlineAt: campaign.deadlineAt,
    deadlineLabel: campaign.deadline.label,
    formUrl: `${origin}/baosong/`,
    now,
  };
}
