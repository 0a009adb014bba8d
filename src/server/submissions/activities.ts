/**
 * A version's activity 台账 in the database: written with the version, read back in the unit's
 * order. Rows carried over from the old free-text fields come back as `legacy` rows with that text.
 */
import type { DatabaseSync } from 'node:sqlite';
import { activityFormText, formatActivityDate, type ActivityForm, type ActivityRow } from '#shared/submission/activities.ts';

export type StoredActivity = ({ legacy: false } & ActivityRow) | LegacyActivity;

/** What a unit typed before the 台账 existed, kept word for word. */
export interface LegacyActivity {
  legacy: true;
  datesText: string;
  /** The forms it ticked; 其他 as 其他：<what>. */
  forms: string[];
  participantsText: string;
}

interface Row {
  activity_date: string | null;
  form: string;
  form_other: string;
  leader: string;
  participants: number | null;
  enterprise: number;
  practice: string;
  legacy_dates: string;
  legacy_forms: string;
  legacy_participants: string;
}

function legacyForms(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

const toStored = (row: Row): StoredActivity =>
  row.activity_date === null || row.participants === null
    ? { legacy: true, datesText: row.legacy_dates, forms: legacyForms(row.legacy_forms), participantsText: row.legacy_participants }
    : {
        legacy: false,
        date: row.activity_date,
        form: row.form as ActivityForm,
        formOther: row.form_other,
        leader: row.leader,
        participants: Number(row.participants),
        enterprise: row.enterprise === 1,
        practice: row.practice,
      };

export function loadActivities(db: DatabaseSync, versionId: number): StoredActivity[] {
  const rows = db
    .prepare(
      `SELECT activity_date, form, form_other, leader, participants, enterprise, practice, legacy_dates, legacy_forms,
        legacy_participants FROM activities WHERE version_id = ? ORDER BY position`,
    )
    .all(versionId) as unknown as Row[];
  return rows.map(toStored);
}

/** The 台账 of many versions in one query, keyed by version id; a version without rows has none. */
export function loadActivitiesOf(db: DatabaseSync, versionIds: readonly number[]): Map<number, StoredActivity[]> {
  const rows = db
    .prepare(
      `SELECT version_id, activity_date, form, form_other, leader, participants, enterprise, practice, legacy_dates,
        legacy_forms, legacy_participants FROM activities WHERE version_id IN (SELECT value FROM json_each(?))
        ORDER BY version_id, position`,
    )
    .all(JSON.stringify(versionIds)) as unknown as (Row & { version_id: number })[];
  const byVersion = new Map<number, StoredActivity[]>();
  for (const row of rows) {
    const list = byVersion.get(row.version_id) ?? [];
    list.push(toStored(row));
    byVersion.set(row.version_id, list);
  }
  return byVersion;
}

export function insertActivities(db: DatabaseSync, versionId: number, rows: readonly ActivityRow[]): void {
  const insert = db.prepare(
    `INSERT INTO activities (version_id, position, activity_date, form, form_other, leader, participants, enterprise, practice)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  rows.forEach((row, i) =>
    insert.run(versionId, i + 1, row.date, row.form, row.formOther, row.leader, row.participants, row.enterprise ? 1 : 0, row.practice),
  );
}

/** One row as a line of text: 2023年2月15日 专题会 主持：张明 45 人（有企业参加）：做法. */
export function activityLine(activity: StoredActivity): string {
  if (activity.legacy) {
    const forms = activity.forms.map((form) => form.replace(/^其他：(.+)$/, '其他（$1）')).join('、');
    return [activity.datesText, forms, activity.participantsText].filter((part) => part.trim() !== '').join('；');
  }
  const who = activity.enterprise ? '（有企业或其他单位参加）' : '';
  return `${formatActivityDate(activity.date)} ${activityFormText(activity)}，主持：${activity.leader}，${activity.participants} 人${who}：${activity.practice}`;
}
