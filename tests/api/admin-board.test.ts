import { describe, expect, it } from 'vitest';
import { addSubmission, addUnits, defaultEssays, freshStore } from '../support/seed-submissions.ts';
import { summarise, unitProgress, unitsToChase } from '#server/progress/progress.ts';
import { groupReminder, unitReminder, type ReminderContext } from '#server/admin/reminder.ts';
import type { Requirements } from '#shared/campaign/schema.ts';

const requirements: Requirements = { report: 'required', photos: { min: 2, max: 20 }, essays: 2 };

async function board() {
  const store = freshStore();
  const ids = addUnits(store.db, [
    { name: '卫辉市水利局', category: '县（市、区）水利局', contactPerson: '刘一', contactPhone: '13900000001' },
    { name: '辉县市水利局', category: '县（市、区）水利局', contactPerson: '陈二', contactPhone: '13900000002' },
    { name: '规划计划科', category: '局机关科室', contactPerson: '周三', contactPhone: '0373-2000003' },
    { name: '市河道管理处', category: '局属二级机构' },
    { name: '市大沙河建管局', category: '局属建管局' },
  ]);
  await addSubmission(store, ids[0]!, [{ photos: ['一', '二'], essays: defaultEssays('卫辉') }]);
  await addSubmission(store, ids[1]!, [{ photos: ['一'], essays: defaultEssays('辉县').slice(0, 1) }]);
  await addSubmission(store, ids[3]!, [
    { photos: [], essays: [] },
    { photos: ['一', '二'], essays: defaultEssays('河道') },
  ]);
  await addSubmission(store, ids[4]!, [{ photos: ['一', '二'], essays: defaultEssays('大沙河'), late: true }]);
  return { ...store, ids, units: unitProgress(store.db, requirements) };
}

const ctx: ReminderContext = {
  title: '《质量强国建设纲要》学习活动材料报送',
  office: '市水利局水利工程建设与监督科',
  contact: { name: '李述虎', phones: ['2079642', '18737374374'] },
  deadlineAt: new Date('2023-02-27T10:00:00Z'),
  deadlineLabel: '下班前',
  formUrl: 'http://10.0.0.5:4321/baosong/',
  now: new Date('2023-02-26T01:00:00Z'),
};

describe('the progress board', () => {
  it('gives each unit one status: 已报送, 材料不全, 未报送, 已修改 or 逾期', async () => {
    const { units } = await board();
    expect(units.map((u) => [u.name, u.status.label])).toEqual([
      ['卫辉市水利局', '已报送'],
      ['辉县市水利局', '材料不全'],
      ['规划计划科', '未报送'],
      ['市河道管理处', '已修改'],
      ['市大沙河建管局', '逾期'],
    ]);
  });

  it('says what an incomplete unit lacks, counting the current version only', async () => {
    const { units } = await board();
    expect(units[1]!.status.missing).toEqual(['活动照片（至少 2 张，已有 1 张）', '第 2 篇学习感想']);
    expect(units[3]!.status.missing).toEqual([]);
    expect(units[3]!.photoCount).toBe(2);
  });

  it('counts x of y units and the percentage, rounding down so 100% means everyone', async () => {
    const { units } = await board();
    expect(summarise(units)).toEqual({
      total: 5,
      submitted: 4,
      percent: 80,
      complete: 3,
      incomplete: 1,
      late: 1,
      notSubmitted: 1,
      pending: 4,
      returned: 0,
      approved: 0,
      // One 专题会 of 30 people in each current version (seed-submissions.ts DEFAULT_ACTIVITY).
      activities: {
        activities: 4,
        byForm: { 专题会: 4, 座谈会: 0, 交流会: 0, 集中学习: 0, 谈体会谈感想交流: 0, 其他: 0 },
        participants: 120,
        legacy: 0,
        enterpriseUnits: 0,
      },
    });
    expect(summarise(units.slice(0, 3)).percent).toBe(66);
  });

  it('leaves out units the organisers deactivated', async () => {
    const { db, ids } = await board();
    db.prepare('UPDATE units SET active = 0 WHERE id = ?').run(ids[2]!);
    expect(unitProgress(db, requirements).map((u) => u.name)).not.toContain('规划计划科');
  });
});

describe('the 催报 text', () => {
  it('names the missing and incomplete units, the deadline in Beijing time and the link', async () => {
    const { units } = await board();
    const text = groupReminder(unitsToChase(units), ctx);
    expect(text).toContain('报送截止时间为 2023年2月27日 18:00（下班前）');
    expect(text).toContain('以下 1 个单位尚未报送：规划计划科。');
    expect(text).toContain('· 辉县市水利局：活动照片（至少 2 张，已有 1 张）；第 2 篇学习感想');
    expect(text).toContain('http://10.0.0.5:4321/baosong/');
    expect(text).toContain('李述虎，电话 2079642、18737374374');
    expect(text).not.toContain('卫辉市水利局');
  });

  it('says the deadline has passed once it has', async () => {
    const { units } = await board();
    const text = groupReminder(unitsToChase(units), { ...ctx, now: new Date('2023-02-28T01:00:00Z') });
    expect(text).toContain('报送截止时间 2023年2月27日 18:00（下班前） 已过');
  });

  it('has a short message for one unit and nothing to chase when everyone is complete', async () => {
    const { units } = await board();
    expect(unitReminder(units[2]!, ctx)).toBe(
      '【市水利局水利工程建设与监督科】规划计划科：《质量强国建设纲要》学习活动材料报送，学习活动材料尚未报送，请尽快报送。报送截止时间为 2023年2月27日 18:00（下班前）。报送地址：http://10.0.0.5:4321/baosong/ 。如有疑问请联系市水利局水利工程建设与监督科 李述虎，电话 2079642、18737374374。',
    );
    expect(unitReminder(units[1]!, ctx)).toContain(
      '辉县市水利局：《质量强国建设纲要》学习活动材料报送，已报送的材料还缺：活动照片（至少 2 张，已有 1 张）；第 2 篇学习感想。请补充后重新提交。',
    );
    expect(groupReminder([], ctx)).toBe('所有单位均已报送且材料齐全，无需催报。');
  });
});
