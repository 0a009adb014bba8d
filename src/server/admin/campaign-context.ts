import type { Campaign } from '#server/campaign/campaign.ts';
import type { ReminderContext } from './reminder.ts';

/**
 * The site's address as units should type it. PUBLIC_URL wins (e.g. behind a proxy or when the
 * organiser opens the console through localhost); otherwise the address this request came in on.
 */
export function siteOrigin(requestUrl: URL, publicUrl: URL | undefined): string {
  return (publicUrl ?? requestUrl).origin;
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
