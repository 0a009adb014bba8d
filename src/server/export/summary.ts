import type { DatabaseSync } from 'node:sqlite';
import type { Requirements } from '#shared/campaign/schema.ts';
import { beijingParts } from '#shared/campaign/deadline.ts';
import { unitProgress, type UnitProgress } from '#server/progress/progress.ts';
import { activityFormsText, decodeActivityForms } from '#shared/submission/activity-forms.ts';
import { flag, integer, text } from '#server/db/row.ts';

/** The columns of 汇总表 (xlsx and csv alike), with Excel widths in characters. */
export const SUMMARY_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位名称', width: 26 },
  { header: '类别', width: 18 },
  { header: '报送状态', width: 10 },
  { header: '缺少的材料', width: 36 },
  { header: '回执编号', width: 18 },
  { header: '首次报送时间', width: 18 },
  { header: '最后报送时间', width: 18 },
  { header: '版本数', width: 8 },
  { header: '是否逾期', width: 9 },
  { header: '联系人', width: 10 },
  { header: '联系电话', width: 16 },
  { header: '活动日期', width: 20 },
  { header: '活动形式', width: 22 },
  { header: '参加人员', width: 30 },
  { header: '照片数', width: 8 },
  { header: '学习感想数', width: 10 },
  { header: '学习感想篇目', width: 50 },
  { header: '优秀感想', width: 30 },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** 2023-02-27 17:59 on a Beijing clock: sorts as text, reads without a time-zone note. */
export function beijingStamp(iso: string | null): string {
  if (!iso) return '';
  const p = beijingParts(new Date(iso));
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** What the table shows of a current version beyond the progress figures. */
interface Extras {
  activityDates: string;
  activityForms: string;
  participants: string;
  essays: { title: string; author: string; featured: boolean }[];
}

/** The current version's activity and essays for every unit that has submitted, in two queries. */
function currentExtras(db: DatabaseSync): Map<number, Extras> {
  const extras = new Map<number, Extras>();
  const versions = db
    .prepare(
      `SELECT s.unit_id, v.activity_dates, v.activity_forms, v.participants FROM submissions s
       JOIN versions v ON v.id = s.current_version_id`,
    )
    .all();
  for (const row of versions) {
    extras.set(integer(row, 'unit_id'), {
      activityDates: text(row, 'activity_dates'),
      activityForms: activityFormsText(decodeActivityForms(text(row, 'activity_forms'))),
      participants: text(row, 'participants'),
      essays: [],
    });
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

function row(index: number, unit: UnitProgress, extras: Extras | undefined): string[] {
  const essays = extras?.essays ?? [];
  return [
    String(index + 1),
    unit.name,
    unit.category,
    unit.status.label,
    unit.status.missing.join('；'),
    unit.receiptNumber,
    beijingStamp(unit.firstSubmittedAt),
    beijingStamp(unit.lastSubmittedAt),
    unit.submitted ? String(unit.versionCount) : '',
    unit.submitted ? (unit.late ? '是' : '否') : '',
    unit.submitterName || unit.contactPerson,
    unit.submitterPhone || unit.contactPhone,
    extras?.activityDates ?? '',
    extras?.activityForms ?? '',
    extras?.participants ?? '',
    unit.submitted ? String(unit.photoCount) : '',
    unit.submitted ? String(unit.essayCount) : '',
    essays.map((e) => `《${e.title}》（${e.author}）`).join('；'),
    essays
      .filter((e) => e.featured)
      .map((e) => `《${e.title}》`)
      .join('；'),
  ];
}

/**
 * One row per active unit, in list order, produced one at a time as the writer asks for them.
 * The data is read in three queries when the first row is asked for, one after another without
 * yielding, so the rows agree with each other.
 */
export function* summaryRows(db: DatabaseSync, requirements: Requirements): Generator<string[]> {
  const units = unitProgress(db, requirements);
  const extras = currentExtras(db);
  for (const [index, unit] of units.entries()) yield row(index, unit, unit.submitted ? extras.get(unit.unitId) : undefined);
}
