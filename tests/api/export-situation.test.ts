import { describe, expect, it } from 'vitest';
import { exportBytes } from '../support/export-fixture.ts';
import { entryText, readZip } from '../support/unzip.ts';
import { officeText } from '../support/office-pdf.ts';
import { activityOf, addSubmission, addUnits, featureEssay, freshStore } from '../support/seed-submissions.ts';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { exportKind, type ExportContext } from '#server/export/exports.ts';
import { practiceLines, picksFromQuery } from '#server/export/situation-data.ts';
import { summarise, unitProgress } from '#server/progress/progress.ts';
import { recordDecision } from '#server/submissions/review-decisions.ts';
import { findAdoptionTarget, setAdopted } from '#server/review/adoption.ts';

const HOSTILE = '<b>领学</b>\u202Eevil\u202C 𠮷 =HYPERLINK("http://x")';
const activity = activityOf;

const store = freshStore();
const [wei, hui] = addUnits(store.db, [
  { name: '卫辉市水利局', category: '县（市、区）水利局' },
  { name: '辉县市水利局', category: '县（市、区）水利局' },
  { name: '规划计划科', category: '局机关科室' },
]);
const weiSubmission = await addSubmission(store, wei!, [
  {
    photos: ['2月15日专题会'],
    activities: [activity('专题会', 45, false, '局长领学《纲要》第三章'), activity('其他', 12, true, HOSTILE)],
    essays: [{ title: '体会一', author: '张明', position: '局长', body: '正文' }],
  },
]);
await addSubmission(store, hui!, [{ photos: [], late: true, activities: [activity('座谈会', 20, false, '青年干部座谈交流学习体会')] }]);
featureEssay(store.db, weiSubmission.essayIds[0]![0]!);
for (const [kind, position] of [
  ['report', 0],
  ['photo', 1],
] as const) {
  setAdopted(store.db, findAdoptionTarget(store.db, kind, weiSubmission.versionIds[0]!, position)!, true, 'lishuhu');
}
recordDecision(store.db, { versionId: weiSubmission.versionIds[0]!, decision: 'approve', comment: '', by: 'lishuhu' });

const campaign = loadCampaign();
const ctx = (picks?: string[]): ExportContext => ({
  db: store.db,
  dataDir: store.dataDir,
  campaign,
  now: new Date('2023-03-01T02:00:00Z'),
  ...(picks ? { picks } : {}),
});
const write = async (picks?: string[]) => readZip(await exportBytes((out) => exportKind('情况汇总.docx')!.write(ctx(picks), out)));
const lines = practiceLines(store.db);
const [first, second, third] = lines;
const picked = await write([third!.key, `r${weiSubmission.versionIds[0]}`, second!.key]);
const xml = entryText(picked, 'word/document.xml');
/** The document's text, paragraph by paragraph, as Word would show it. */
const text = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)]
  .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
  .join('\n')
  .replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"')
  .replace(/&amp;/g, '&');

describe('情况汇总.docx', () => {
  it('states the board’s own numbers in 一、基本情况', () => {
    const summary = summarise(unitProgress(store.db, campaign.requirements));
    expect(summary).toMatchObject({ total: 3, submitted: 2, late: 1, notSubmitted: 1 });
    expect(text).toContain(
      `截至2023年3月1日，应报送单位${summary.total}个，已报送${summary.submitted}个，其中按时报送${summary.submitted - summary.late}个、逾期报送${summary.late}个；尚未报送${summary.notSubmitted}个。`,
    );
    expect(summary.activities).toMatchObject({ activities: 3, participants: 77, enterpriseUnits: 1 });
    expect(text).toContain('各单位共开展学习活动3次（专题会 1 次、座谈会 1 次、其他 1 次），参加77人次；1个单位有企业或其他单位参加。');
    expect(text).toContain('共收到活动照片1张、学习感想1篇，其中1篇评为优秀学习感想。');
  });

  it('lists in 二、主要做法 only the 做法 lines and adopted passages the organiser picked, in the order given, each with its unit', () => {
    const section = text.slice(text.indexOf('二、主要做法'), text.indexOf('三、下一步打算'));
    expect(section.split('\n').slice(1).filter(Boolean)).toEqual([
      `辉县市水利局：${third!.practice}`,
      '卫辉市水利局（情况汇报）：',
      '我局于2月15日召开专题会，集中学习《质量强国建设纲要》。',
      `卫辉市水利局：${HOSTILE}`,
    ]);
    expect(section).not.toContain(first!.practice);
  });

  it('takes every line in the order of the unit list when nothing was picked, as the command line does', async () => {
    const all = entryText(await write(), 'word/document.xml');
    expect(all.indexOf('局长领学《纲要》第三章')).toBeLessThan(all.indexOf('青年干部座谈交流学习体会'));
  });

  it('leaves 三、下一步打算 as a heading only, then 附件 with every unit’s status, review and activities', () => {
    const after = text.slice(text.indexOf('三、下一步打算')).split('\n');
    expect(after[1]).toBe('附件1');
    expect(text).toContain('\n卫辉市水利局\n材料不全\n已通过\n2\n57\n');
    expect(text).toContain('\n辉县市水利局\n材料不全、逾期\n待审核\n1\n20\n');
    expect(text).toContain('\n规划计划科\n未报送\n—\n—\n—');
  });

  it('prints each adopted photo in 附件2 with its unit and caption', () => {
    expect(text).toContain('附件2\n采用的活动照片');
    expect(text).toContain('卫辉市水利局：2月15日专题会');
    expect(picked.filter((entry) => /^word\/media\/.+\.(jpg|jpeg)$/.test(entry.name))).toHaveLength(1);
  });

  it('invents nothing: no placeholder text, and no sentence but the fixed ones and the records', () => {
    for (const placeholder of ['XXX', '××', '某', '待补充', '请填写', '（未填写', 'TODO', '【']) expect(text).not.toContain(placeholder);
  });

  it('reads the same once LibreOffice prints it, with the hostile 做法 as plain text', { timeout: 180_000 }, async () => {
    const layout = await officeText(
      await exportBytes((out) =>
        exportKind('情况汇总.docx')!.write(ctx([third!.key, `r${weiSubmission.versionIds[0]}`, second!.key]), out),
      ),
      '情况汇总.docx',
    );
    // The 附件 table gives the unit's name the room to stay on one line beside its number and status.
    expect(layout).toMatch(/^\s*1\s+卫辉市水利局\s+材料不全\s+已通过\s+2\s+57\s*$/m);
    const printed = layout.replace(/\s+/g, '');
    expect(printed).toContain('关于《质量强国建设纲要》学习活动开展情况的汇报');
    expect(printed).toContain('应报送单位3个，已报送2个');
    expect(printed).toContain('参加77人次');
    expect(printed).toContain('<b>领学</b>');
    expect(printed).toContain('=HYPERLINK("http://x")');
    expect(printed).toContain('三、下一步打算');
    expect(printed).toContain('卫辉市水利局：2月15日专题会');
  });
});

describe('the export page’s pick of 做法 lines', () => {
  it('orders the ticked lines by the numbers typed, blanks last, and tells an empty pick from none', () => {
    const query = new URLSearchParams('picked=1&pick=a7&pick=r3&pick=a9&order_r3=1&order_a9=2&order_a7=&pick=x');
    expect(picksFromQuery(query)).toEqual(['r3', 'a9', 'a7']);
    expect(picksFromQuery(new URLSearchParams('picked=1'))).toEqual([]);
    expect(picksFromQuery(new URLSearchParams(''))).toBeUndefined();
  });
});
