import type { Campaign } from '#server/campaign/campaign.ts';
import type { ReminderContext } from './reminder.ts';

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
