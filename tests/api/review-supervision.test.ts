import { describe, expect, it } from 'vitest';
import { testContext } from '../support/api-context.ts';
import { consolePoster } from '../support/console-post.ts';
import { listUnits } from '#server/campaign/units.ts';
import { unitNotes } from '#server/review/supervision.ts';
import { summaryRows, SUMMARY_COLUMNS } from '#server/export/summary.ts';

// The route opens the process-wide database in DATA_DIR, as it does in the running site.
const context = testContext();
process.env['DATA_DIR'] = context.dataDir;
const { POST: notesPost } = await import('../../src/pages/api/admin/units/[id]/notes.ts');
const poster = consolePoster(context.db, context.dataDir);
const unitId = listUnits(context.db).find((u) => u.name === '卫辉市水利局')!.id;

const HOSTILE = '<script>alert(1)</script> \u202Eevil\u202C 𠮷 =HYPERLINK("http://x")';
const note = {
  checked_on: '2023-02-24',
  method: '现场检查',
  findings: HOSTILE,
  requirements: '补充集中学习照片',
  rectification: '已于2月25日补报',
};
const post = (id: number, fields: Record<string, string>, options?: { signedIn?: boolean; withToken?: boolean }) =>
  poster.post(notesPost, `/api/admin/units/${id}/notes`, { id: String(id) }, fields, options);

describe('督导 notes', () => {
  it('are refused without a session or without the CSRF token, and nothing is stored', async () => {
    expect((await post(unitId, note, { signedIn: false })).status).toBe(401);
    expect((await post(unitId, note, { withToken: false })).status).toBe(403);
    expect(unitNotes(context.db, unitId)).toEqual([]);
  });

  it('are refused for a unit that does not exist', async () => {
    const response = await post(99999, note);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toContain('找不到这个单位');
  });

  it('send the organiser back with a Chinese message when the date, the method or the findings are missing', async () => {
    for (const [field, value, problem] of [
      ['checked_on', '2023-02-30', 'date'],
      ['method', '', 'method'],
      ['findings', ' ', 'findings'],
      ['findings', '\u200B\u3000', 'findings'],
      ['method', '\u2060', 'method'],
      ['rectification', '字'.repeat(501), 'too-long'],
    ] as const) {
      const response = await post(unitId, { ...note, [field]: value });
      expect(response.headers.get('location'), field).toBe(`/admin/units/${unitId}/?note_error=${problem}#dudao`);
    }
    expect(unitNotes(context.db, unitId)).toEqual([]);
  });

  it('stay with the unit, are logged, and appear in its row of the exports', async () => {
    const response = await post(unitId, note);
    expect(response.headers.get('location')).toBe(`/admin/units/${unitId}/?done=note#dudao`);
    expect(unitNotes(context.db, unitId)).toMatchObject([
      { checkedOn: '2023-02-24', method: '现场检查', findings: HOSTILE, rectification: '已于2月25日补报', createdBy: 'lishuhu' },
    ]);
    expect(context.db.prepare("SELECT action FROM audit_log WHERE action = 'supervision_note'").all()).toHaveLength(1);
    const row = [...summaryRows(context.db, context.campaign.requirements)].find((r) => r[1] === '卫辉市水利局')!;
    expect(row[SUMMARY_COLUMNS.findIndex((c) => c.header === '督导记录')]).toBe(
      `2023年2月24日 现场检查：${HOSTILE}；整改要求：补充集中学习照片；整改情况：已于2月25日补报`,
    );
  });
});
