import { describe, expect, it } from 'vitest';
import { activityOf, addSubmission, addUnits, freshStore } from '../support/seed-submissions.ts';
import { loadActivities, activityLine } from '#server/submissions/activities.ts';
import { summarise, unitProgress } from '#server/progress/progress.ts';
import { byFormText } from '#server/progress/activity-totals.ts';
import { summaryRows, SUMMARY_COLUMNS } from '#server/export/summary.ts';

const requirements = { report: 'required' as const, photos: { min: 0, max: 20 }, essays: 2 };
const col = (header: string) => SUMMARY_COLUMNS.findIndex((c) => c.header === header);

describe('the activity 台账 in the database', () => {
  it('shows and exports a version from before the 台账 with its words kept in one row', async () => {
    const store = freshStore();
    const [unitId] = addUnits(store.db, [{ name: '卫辉市水利局', category: '县（市、区）水利局' }]);
    const seeded = await addSubmission(store, unitId!, [
      {
        legacy: {
          activityDates: '2023年2月15日、2月20日',
          activityForms: ['专题会', '其他：读书分享会'],
          participants: '全体干部职工，共 45 人',
        },
      },
    ]);
    const rows = loadActivities(store.db, seeded.versionIds[0]!);
    expect(rows).toEqual([
      {
        legacy: true,
        datesText: '2023年2月15日、2月20日',
        forms: ['专题会', '其他：读书分享会'],
        participantsText: '全体干部职工，共 45 人',
      },
    ]);
    expect(activityLine(rows[0]!)).toBe('2023年2月15日、2月20日；专题会、其他（读书分享会）；全体干部职工，共 45 人');
    const row = [...summaryRows(store.db, requirements)][0]!;
    expect(row[col('学习活动台账')]).toBe('1. 2023年2月15日、2月20日；专题会、其他（读书分享会）；全体干部职工，共 45 人');
    expect(row[col('活动次数')]).toBe(1);
  });

  it('adds the 台账 up for the board and the exports: by form, participants, units with enterprises', async () => {
    const store = freshStore();
    const [a, b, c] = addUnits(store.db, [
      { name: '卫辉市水利局', category: '县（市、区）水利局' },
      { name: '辉县市水利局', category: '县（市、区）水利局' },
      { name: '规划计划科', category: '局机关科室' },
    ]);
    const row = (form: '专题会' | '座谈会' | '其他', participants: number, enterprise: boolean) =>
      activityOf(form, participants, enterprise);
    // An earlier version's rows no longer count once it is replaced.
    await addSubmission(store, a!, [
      { activities: [row('专题会', 500, true)] },
      { activities: [row('专题会', 45, false), row('其他', 12, true)] },
    ]);
    await addSubmission(store, b!, [{ activities: [row('座谈会', 20, false)] }]);
    await addSubmission(store, c!, [{ legacy: { activityDates: '2月16日', activityForms: ['集中学习'], participants: '全科' } }]);

    const units = unitProgress(store.db, requirements);
    const totals = summarise(units).activities;
    expect(totals).toEqual({
      activities: 4,
      byForm: { 专题会: 1, 座谈会: 1, 交流会: 0, 集中学习: 0, 谈体会谈感想交流: 0, 其他: 1 },
      participants: 77,
      legacy: 1,
      enterpriseUnits: 1,
    });
    expect(byFormText(totals.byForm)).toBe('专题会 1 次、座谈会 1 次、其他 1 次');
    const first = [...summaryRows(store.db, requirements)][0]!;
    expect([first[col('活动次数')], first[col('活动形式')], first[col('参加人次')], first[col('企业或其他单位参加')]]).toEqual([
      2,
      '专题会 1 次、其他 1 次',
      57,
      '是',
    ]);
    expect(first[col('学习活动台账')]).toBe(
      '1. 2023年2月15日 专题会，主持：局长，45 人：学习\n2. 2023年2月15日 其他（知识测试），主持：局长，12 人（有企业或其他单位参加）：学习',
    );
  });
});
