import type { DatabaseSync } from 'node:sqlite';
import type { Requirements } from '#shared/campaign/schema.ts';
import { beijingParts } from '#shared/campaign/deadline.ts';
import { activityFormText, formatActivityDate } from '#shared/submission/activities.ts';
import { unitProgress, type UnitProgress } from '#server/progress/progress.ts';
import { byFormText } from '#server/progress/activity-totals.ts';
import { activityLine, loadActivitiesOf, type StoredActivity } from '#server/submissions/activities.ts';
import { allNotes, noteLine, type SupervisionNote } from '#server/review/supervision.ts';
import { flag, integer, text } from '#server/db/row.ts';

/**
 * The columns of 汇总表 (xlsx and csv alike), with Excel widths in characters at the sheet's 10 pt.
 * The widths add up to about four A4 landscape pages across, each printed with the first two
 * columns (序号, 单位名称) repeated, rather than squeezing all of them onto one unreadable page.
 */
export const SUMMARY_COLUMNS = [
  { header: '序号', width: 5 },
  { header: '单位名称', width: 22 },
  { header: '类别', width: 14 },
  { header: '报送状态', width: 9 },
  { header: '缺少的材料', width: 26 },
  { header: '审核状态', width: 9 },
  { header: '审核意见', width: 30 },
  { header: '回执编号', width: 14 },
  { header: '首次报送时间', width: 16 },
  { header: '最后报送时间', width: 16 },
  { header: '版本数', width: 7 },
  { header: '是否逾期', width: 7 },
  { header: '联系人', width: 9 },
  { header: '联系电话', width: 14 },
  { header: '活动次数', width: 7 },
  { header: '活动形式', width: 18 },
  { header: '参加人次', width: 7 },
  { header: '企业或其他单位参加', width: 9 },
  { header: '学习活动台账', width: 50 },
  { header: '照片数', width: 7 },
  { header: '学习感想数', width: 8 },
  { header: '学习感想篇目', width: 40 },
  { header: '优秀感想', width: 26 },
  { header: '督导记录', width: 50 },
] as const;

/** A cell of 汇总表: text, a count, a moment (shown in Beijing time) or nothing (a unit that has not sent). */
export type SummaryValue = string | number | Date | null;

const pad = (n: number) => String(n).padStart(2, '0');

/** 2023-02-27 17:59 on a Beijing clock: sorts as text, reads without a time-zone note. */
export function beijingStamp(iso: string | null): string {
  if (!iso) return '';
  const p = beijingParts(new Date(iso));
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** What the table shows of a unit beyond the progress figures. */
interface Extras {
  activities: StoredActivity[];
  essays: { title: string; author: string; featured: boolean }[];
}

/** The current version's 台账 and essays for every unit that has submitted, in three queries. */
function currentExtras(db: DatabaseSync): Map<number, Extras> {
  const extras = new Map<number, Extras>();
  const versions = db.prepare('SELECT unit_id, current_version_id FROM submissions WHERE current_version_id IS NOT NULL').all();
  const activities = loadActivitiesOf(
    db,
    versions.map((row) => integer(row, 'current_version_id')),
  );
  for (const row of versions) {
    extras.set(integer(row, 'unit_id'), { activities: activities.get(integer(row, 'current_version_id')) ?? [], essays: [] });
  }
  const essays = db
    .prepare(
      `SELECT s.unit_id, e.title, e.author, f.essay_id IS NOT NULL AS featured FROM submissions s
       JOIN essays e ON e.version_id = s.current_version_id LEFT JOIN featured_essays f ON f.essay_id = e.id
       ORDER BY s.unit_id, e.position`,
    )
    .all();
  for (const row of essays) {
    extras
      .get(integer(row, 'unit_id'))
      ?.essays.push({ title: text(row, 'title'), author: text(row, 'author'), featured: flag(row, 'featured') });
  }
  return extras;
}

function row(index: number, unit: UnitProgress, extras: Extras | undefined, notes: readonly SupervisionNote[]): SummaryValue[] {
  const essays = extras?.essays ?? [];
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  const counts = unit.activities;
  return [
    index + 1,
    unit.name,
    unit.category,
    unit.status.label,
    unit.status.missing.join('；'),
    unit.review?.label ?? '',
    unit.review?.comment ?? '',
    unit.receiptNumber,
    at(unit.firstSubmittedAt),
    at(unit.lastSubmittedAt),
    unit.submitted ? unit.versionCount : null,
    unit.submitted ? (unit.late ? '是' : '否') : '',
    unit.submitterName || unit.contactPerson,
    unit.submitterPhone || unit.contactPhone,
    unit.submitted ? counts.activities : null,
    byFormText(counts.byForm),
    unit.submitted ? counts.participants : null,
    unit.submitted ? (counts.enterprise ? '是' : '否') : '',
    (extras?.activities ?? []).map((a, i) => `${i + 1}. ${activityLine(a)}`).join('\n'),
    unit.submitted ? unit.photoCount : null,
    unit.submitted ? unit.essayCount : null,
    essays.map((e) => `《${e.title}》（${e.author}）`).join('；'),
    essays
      .filter((e) => e.featured)
      .map((e) => `《${e.title}》`)
      .join('；'),
    notes.map(noteLine).join('\n'),
  ];
}

/**
 * One row per active unit, in list order, produced one at a time as the writer asks for them.
 * The data is read in a fixed number of queries when the first row is asked for, one after
 * another without yielding, so the rows agree with each other.
 */
export function* summaryRows(db: DatabaseSync, requirements: Requirements): Generator<SummaryValue[]> {
  const units = unitProgress(db, requirements);
  const extras = currentExtras(db);
  const notes = allNotes(db);
  for (const [index, unit] of units.entries()) {
    yield row(index, unit, unit.submitted ? extras.get(unit.unitId) : undefined, notes.get(unit.unitId) ?? []);
  }
}

/** A cell as text (the CSV): counts as digits, moments as 2023-02-27 17:59 Beijing time. */
export function summaryText(value: SummaryValue): string {
  if (value === null) return '';
  if (value instanceof Date) return beijingStamp(value.toISOString());
  return String(value);
}

/**
 * The number of people in 参加人员 when the unit wrote one (共 30 人, 30名干部, 干部职工30余人),
 * so the column can be summed; null when there is no number or several (各科室 5 人、领导 3 人).
 * Only versions sent before the 台账 existed have such free text.
 */
export function participantCount(text: string): number | null {
  const found = [...text.replace(/\s+/g, '').matchAll(/(\d{1,5})(?:余|多)?(?:人|名)/g)];
  return found.length === 1 ? Number(found[0]![1]) : null;
}

/** The columns of 活动台账, one row per activity a unit recorded. */
export const ACTIVITY_COLUMNS = [
  { header: '序号', width: 5 },
  { header: '单位名称', width: 22 },
  { header: '类别', width: 14 },
  { header: '活动日期', width: 16 },
  { header: '活动形式', width: 18 },
  { header: '主持人', width: 10 },
  { header: '参加人数', width: 8 },
  { header: '企业或其他单位参加', width: 9 },
  { header: '主要做法', width: 44 },
  { header: '报送时间', width: 16 },
  { header: '回执编号', width: 14 },
] as const;

/** One 台账 row as the sheet's middle columns; a row kept from before the 台账 shows its free text. */
function activityCells(activity: StoredActivity): SummaryValue[] {
  if (activity.legacy) {
    const forms = activity.forms.map((form) => form.replace(/^其他：(.+)$/, '其他（$1）')).join('、');
    const who = activity.participantsText.trim() ? `参加人员：${activity.participantsText.trim()}` : '';
    return [activity.datesText, forms, '', participantCount(activity.participantsText), '', who];
  }
  return [
    formatActivityDate(activity.date),
    activityFormText(activity),
    activity.leader,
    activity.participants,
    activity.enterprise ? '是' : '否',
    activity.practice,
  ];
}

/** One row per activity in the units' current 台账, in the order of the unit list and of each 台账. */
export function* activityRows(db: DatabaseSync): Generator<SummaryValue[]> {
  const versions = db
    .prepare(
      `SELECT u.name, u.category, s.number, v.id, v.submitted_at FROM units u JOIN submissions s ON s.unit_id = u.id
       JOIN versions v ON v.id = s.current_version_id WHERE u.active = 1 ORDER BY u.sort_order, u.id`,
    )
    .all();
  const activities = loadActivitiesOf(
    db,
    versions.map((v) => integer(v, 'id')),
  );
  let index = 0;
  for (const v of versions) {
    for (const activity of activities.get(integer(v, 'id')) ?? []) {
      index += 1;
      yield [index, text(v, 'name'), text(v, 'category'), ...activityCells(activity), new Date(text(v, 'submitted_at')), text(v, 'number')];
    }
  }
}
