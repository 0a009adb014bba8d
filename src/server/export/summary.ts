import type { DatabaseSync } from 'node:sqlite';
import type { Requirements } from '#shared/campaign/schema.ts';
import { beijingParts } from '#shared/campaign/deadline.ts';
import { unitProgress, type UnitProgress } from '#server/progress/progress.ts';
import { activityLine, loadActivities } from '#server/submissions/activities.ts';
import { byFormText } from '#server/progress/activity-totals.ts';
import { noteLine, unitNotes } from '#server/review/supervision.ts';

/** The columns of 汇总表 (xlsx and csv alike), with Excel widths in characters. */
export const SUMMARY_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位名称', width: 26 },
  { header: '类别', width: 18 },
  { header: '报送状态', width: 10 },
  { header: '缺少的材料', width: 36 },
  { header: '审核状态', width: 10 },
  { header: '审核意见', width: 40 },
  { header: '回执编号', width: 18 },
  { header: '首次报送时间', width: 18 },
  { header: '最后报送时间', width: 18 },
  { header: '版本数', width: 8 },
  { header: '是否逾期', width: 9 },
  { header: '联系人', width: 10 },
  { header: '联系电话', width: 16 },
  { header: '活动次数', width: 8 },
  { header: '活动形式', width: 22 },
  { header: '参加人次', width: 9 },
  { header: '企业或其他单位参加', width: 10 },
  { header: '学习活动台账', width: 60 },
  { header: '照片数', width: 8 },
  { header: '学习感想数', width: 10 },
  { header: '学习感想篇目', width: 50 },
  { header: '优秀感想', width: 30 },
  { header: '督导记录', width: 60 },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** 2023-02-27 17:59 on a Beijing clock: sorts as text, reads without a time-zone note. */
export function beijingStamp(iso: string | null): string {
  if (!iso) return '';
  const p = beijingParts(new Date(iso));
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

function row(db: DatabaseSync, index: number, unit: UnitProgress): string[] {
  const versionId = unit.submitted
    ? (db.prepare('SELECT current_version_id AS id FROM submissions WHERE unit_id = ?').get(unit.unitId) as { id: number }).id
    : null;
  const activities = versionId ? loadActivities(db, versionId) : [];
  const counts = unit.activities;
  const essays = versionId
    ? (db
        .prepare(
          `SELECT e.title, e.author, f.essay_id IS NOT NULL AS featured FROM essays e
           LEFT JOIN featured_essays f ON f.essay_id = e.id WHERE e.version_id = ? ORDER BY e.position`,
        )
        .all(versionId) as { title: string; author: string; featured: number }[])
    : [];
  return [
    String(index + 1),
    unit.name,
    unit.category,
    unit.status.label,
    unit.status.missing.join('；'),
    unit.review?.label ?? '',
    unit.review?.comment ?? '',
    unit.receiptNumber,
    beijingStamp(unit.firstSubmittedAt),
    beijingStamp(unit.lastSubmittedAt),
    unit.submitted ? String(unit.versionCount) : '',
    unit.submitted ? (unit.late ? '是' : '否') : '',
    unit.submitterName || unit.contactPerson,
    unit.submitterPhone || unit.contactPhone,
    unit.submitted ? String(counts.activities) : '',
    byFormText(counts.byForm),
    unit.submitted ? String(counts.participants) : '',
    unit.submitted ? (counts.enterprise ? '是' : '否') : '',
    activities.map((a, i) => `${i + 1}. ${activityLine(a)}`).join('\n'),
    unit.submitted ? String(unit.photoCount) : '',
    unit.submitted ? String(unit.essayCount) : '',
    essays.map((e) => `《${e.title}》（${e.author}）`).join('；'),
    essays
      .filter((e) => e.featured === 1)
      .map((e) => `《${e.title}》`)
      .join('；'),
    unitNotes(db, unit.unitId).map(noteLine).join('\n'),
  ];
}

/** One row per active unit, in list order, produced one at a time as the writer asks for them. */
export function* summaryRows(db: DatabaseSync, requirements: Requirements): Generator<string[]> {
  const units = unitProgress(db, requirements);
  for (const [index, unit] of units.entries()) yield row(db, index, unit);
}
