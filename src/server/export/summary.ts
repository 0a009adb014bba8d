import type { DatabaseSync } from 'node:sqlite';
import type { Requirements } from '#shared/campaign/schema.ts';
import { beijingParts } from '#shared/campaign/deadline.ts';
import { unitProgress, type UnitProgress } from '#server/progress/progress.ts';
import { activityFormsText } from '#server/submissions/detail.ts';
import { decodeActivityForms } from '#server/submissions/store.ts';

/**
 * The columns of 汇总表 (xlsx and csv alike), with Excel widths in characters at the sheet's 10 pt.
 * The widths add up to about three A4 landscape pages across, each printed with the first two
 * columns (序号, 单位名称) repeated, rather than squeezing all of them onto one unreadable page.
 */
export const SUMMARY_COLUMNS = [
  { header: '序号', width: 5 },
  { header: '单位名称', width: 22 },
  { header: '类别', width: 14 },
  { header: '报送状态', width: 9 },
  { header: '缺少的材料', width: 26 },
  { header: '回执编号', width: 14 },
  { header: '首次报送时间', width: 16 },
  { header: '最后报送时间', width: 16 },
  { header: '版本数', width: 7 },
  { header: '是否逾期', width: 7 },
  { header: '联系人', width: 9 },
  { header: '联系电话', width: 14 },
  { header: '活动日期', width: 16 },
  { header: '活动形式', width: 18 },
  { header: '参加人员', width: 26 },
  { header: '参加人数', width: 7 },
  { header: '照片数', width: 7 },
  { header: '学习感想数', width: 8 },
  { header: '学习感想篇目', width: 40 },
  { header: '优秀感想', width: 26 },
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

interface Extras {
  activity_dates: string;
  activity_forms: string;
  participants: string;
}

function formsText(json: string): string {
  const { forms, other } = decodeActivityForms(json);
  return activityFormsText({ activityForms: forms, activityFormsOther: other });
}

function row(db: DatabaseSync, index: number, unit: UnitProgress): SummaryValue[] {
  const versionId = unit.submitted
    ? (db.prepare('SELECT current_version_id AS id FROM submissions WHERE unit_id = ?').get(unit.unitId) as { id: number }).id
    : null;
  const extras = versionId
    ? (db.prepare('SELECT activity_dates, activity_forms, participants FROM versions WHERE id = ?').get(versionId) as unknown as Extras)
    : null;
  const essays = versionId
    ? (db
        .prepare(
          `SELECT e.title, e.author, f.essay_id IS NOT NULL AS featured FROM essays e
           LEFT JOIN featured_essays f ON f.essay_id = e.id WHERE e.version_id = ? ORDER BY e.position`,
        )
        .all(versionId) as { title: string; author: string; featured: number }[])
    : [];
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  return [
    index + 1,
    unit.name,
    unit.category,
    unit.status.label,
    unit.status.missing.join('；'),
    unit.receiptNumber,
    at(unit.firstSubmittedAt),
    at(unit.lastSubmittedAt),
    unit.submitted ? unit.versionCount : null,
    unit.submitted ? (unit.late ? '是' : '否') : '',
    unit.submitterName || unit.contactPerson,
    unit.submitterPhone || unit.contactPhone,
    extras?.activity_dates ?? '',
    extras ? formsText(extras.activity_forms) : '',
    extras?.participants ?? '',
    extras ? participantCount(extras.participants) : null,
    unit.submitted ? unit.photoCount : null,
    unit.submitted ? unit.essayCount : null,
    essays.map((e) => `《${e.title}》（${e.author}）`).join('；'),
    essays
      .filter((e) => e.featured === 1)
      .map((e) => `《${e.title}》`)
      .join('；'),
  ];
}

/** One row per active unit, in list order, produced one at a time as the writer asks for them. */
export function* summaryRows(db: DatabaseSync, requirements: Requirements): Generator<SummaryValue[]> {
  const units = unitProgress(db, requirements);
  for (const [index, unit] of units.entries()) yield row(db, index, unit);
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
  { header: '活动日期', width: 18 },
  { header: '活动形式', width: 22 },
  { header: '参加人员', width: 36 },
  { header: '参加人数', width: 8 },
  { header: '照片数', width: 7 },
  { header: '报送时间', width: 16 },
  { header: '回执编号', width: 14 },
] as const;

/**
 * One row per activity. A version records one activity (its dates, forms and participants), so
 * this is one row per unit's current version; earlier versions are the same activity revised.
 */
export function* activityRows(db: DatabaseSync): Generator<SummaryValue[]> {
  const rows = db
    .prepare(
      `SELECT u.name, u.category, s.number, v.submitted_at, v.activity_dates, v.activity_forms, v.participants,
         (SELECT COUNT(*) FROM photos p WHERE p.version_id = v.id) AS photos
       FROM units u JOIN submissions s ON s.unit_id = u.id JOIN versions v ON v.id = s.current_version_id
       WHERE u.active = 1 ORDER BY u.sort_order, u.id`,
    )
    .all() as {
    name: string;
    category: string;
    number: string;
    submitted_at: string;
    activity_dates: string;
    activity_forms: string;
    participants: string;
    photos: number;
  }[];
  for (const [index, r] of rows.entries()) {
    yield [
      index + 1,
      r.name,
      r.category,
      r.activity_dates,
      formsText(r.activity_forms),
      r.participants,
      participantCount(r.participants),
      r.photos,
      new Date(r.submitted_at),
      r.number,
    ];
  }
}
