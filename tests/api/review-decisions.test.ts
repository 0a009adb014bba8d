import { describe, expect, it } from 'vitest';
import { completeFields, formData, postRequest, testContext, unitWithCode } from '../support/api-context.ts';
import { consolePoster } from '../support/console-post.ts';
import { submitApi } from '#server/submissions/http.ts';
import { reopenCurrent } from '#server/submissions/reopen.ts';
import { receiptView } from '#server/submissions/receipt.ts';
import { decisionHistory } from '#server/submissions/review-decisions.ts';
import { summarise, unitProgress } from '#server/progress/progress.ts';
import { unitReminder, groupReminder } from '#server/admin/reminder.ts';
import { summaryRows, SUMMARY_COLUMNS } from '#server/export/summary.ts';
import { readDecision } from '#server/submissions/review-input.ts';

// The route opens the process-wide database in DATA_DIR, as it does in the running site.
const context = testContext();
process.env['DATA_DIR'] = context.dataDir;
const { POST: reviewPost } = await import('../../src/pages/api/admin/units/[id]/review.ts');
const poster = consolePoster(context.db, context.dataDir);

async function submit(unitId: number, code: string, reportBody: string): Promise<string> {
  const fields = completeFields(unitId, code).map(([k, v]): [string, string] => [k, k === 'report_body' ? reportBody : v]);
  const response = await submitApi(postRequest('/api/submissions', formData(fields), { accept: 'application/json' }), context);
  expect(response.status).toBe(200);
  return ((await response.json()) as { receiptUrl: string }).receiptUrl;
}

const wei = await unitWithCode(context, '卫辉市水利局');
const other = await unitWithCode(context, '辉县市水利局');
await submit(wei.unitId, wei.code, '第一版情况汇报');
await submit(other.unitId, other.code, '另一个单位的情况汇报');

const currentVersionId = (unitId: number) =>
  (context.db.prepare('SELECT current_version_id AS id FROM submissions WHERE unit_id = ?').get(unitId) as { id: number }).id;
const decisions = () => (context.db.prepare('SELECT COUNT(*) AS n FROM review_decisions').get() as { n: number }).n;
const review = (unitId: number, fields: Record<string, string>, options?: { signedIn?: boolean; withToken?: boolean }) =>
  poster.post(reviewPost, `/api/admin/units/${unitId}/review`, { id: String(unitId) }, fields, options);
const board = () => unitProgress(context.db, context.campaign.requirements);
const boardRow = (unitId: number) => board().find((u) => u.unitId === unitId)!;

const HOSTILE = '<b>照片</b>不清晰 \u202Eevil\u202C 𠮷 =HYPERLINK("http://x")';

describe('the 意见 an organiser types', () => {
  it('is required to return, may be empty to approve, and counts 𠮷 as one character up to 500', () => {
    const fields = (decision: string, comment: string) => new URLSearchParams({ decision, comment, version_id: '1' });
    expect(readDecision(fields('return', '  \r\n '))).toEqual({ ok: false, problem: 'comment-required' });
    expect(readDecision(fields('approve', ''))).toEqual({ ok: true, decision: 'approve', comment: '', versionId: 1 });
    expect(readDecision(fields('return', '𠮷'.repeat(500)))).toMatchObject({ ok: true, comment: '𠮷'.repeat(500) });
    expect(readDecision(fields('return', '𠮷'.repeat(501)))).toEqual({ ok: false, problem: 'comment-too-long' });
    expect(readDecision(fields('delete', 'x'))).toEqual({ ok: false, problem: 'bad-request' });
    expect(readDecision(fields('return', '第一行\r\n第二行'))).toMatchObject({ comment: '第一行\n第二行' });
    // Cleaned as a unit's own texts are: invisible characters are no 意见, control characters go.
    expect(readDecision(fields('return', '\u200B\u202E \u3000'))).toEqual({ ok: false, problem: 'comment-required' });
    expect(readDecision(fields('return', '请补充\u0000照片\u0007'))).toMatchObject({ comment: '请补充照片' });
  });
});

describe('reviewing a unit’s materials', () => {
  it('is refused without a session and stores nothing', async () => {
    const response = await review(
      wei.unitId,
      { decision: 'approve', comment: '', version_id: String(currentVersionId(wei.unitId)) },
      {
        signedIn: false,
      },
    );
    expect(response.status).toBe(401);
    expect(decisions()).toBe(0);
  });

  it('is refused without the CSRF token and stores nothing', async () => {
    const response = await review(
      wei.unitId,
      { decision: 'approve', comment: '', version_id: String(currentVersionId(wei.unitId)) },
      {
        withToken: false,
      },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('页面已过期或来源不明，操作未执行');
    expect(decisions()).toBe(0);
  });

  it('refuses a version of another unit posted under this unit', async () => {
    const response = await review(wei.unitId, { decision: 'approve', comment: '', version_id: String(currentVersionId(other.unitId)) });
    expect(response.status).toBe(404);
    expect((await response.json()).error).toContain('找不到这个单位的这份报送材料');
    expect(decisions()).toBe(0);
  });

  it('sends the organiser back with a message when 退回 has no 意见', async () => {
    const response = await review(wei.unitId, { decision: 'return', comment: ' ', version_id: String(currentVersionId(wei.unitId)) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/units/${wei.unitId}/?review_error=comment-required#review`);
    expect(decisions()).toBe(0);
    expect(boardRow(wei.unitId).review).toMatchObject({ kind: 'pending', label: '待审核' });
  });

  it('returns the current version with its 意见, logs it, and the board, reminder and exports say so', async () => {
    const response = await review(wei.unitId, { decision: 'return', comment: HOSTILE, version_id: String(currentVersionId(wei.unitId)) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/units/${wei.unitId}/?done=return#review`);

    const row = boardRow(wei.unitId);
    expect(row.review).toMatchObject({ kind: 'returned', label: '已退回', comment: HOSTILE });
    expect(summarise(board())).toMatchObject({ pending: 1, returned: 1, approved: 0 });
    expect(context.db.prepare("SELECT username, action, detail, ip FROM audit_log WHERE action = 'review_return'").get()).toEqual({
      username: 'lishuhu',
      action: 'review_return',
      detail: `卫辉市水利局 第 1 版：${HOSTILE}`,
      ip: '10.0.0.8',
    });

    const ctx = {
      title: '学习活动',
      office: '市水利局',
      contact: { name: '李述虎', phones: ['2079642'] },
      deadlineAt: context.campaign.deadlineAt,
      deadlineLabel: '下班前',
      formUrl: 'http://10.1.2.3/baosong/',
      now: context.now,
    };
    expect(unitReminder(row, ctx)).toContain(`请按以下意见修改后重新报送：${HOSTILE}`);
    expect(groupReminder([row], ctx)).toContain(`· 卫辉市水利局：${HOSTILE}`);

    const rows = [...summaryRows(context.db, context.campaign.requirements)];
    const col = (header: string) => SUMMARY_COLUMNS.findIndex((c) => c.header === header);
    const weiRow = rows.find((r) => r[1] === '卫辉市水利局')!;
    expect(weiRow[col('审核状态')]).toBe('已退回');
    expect(weiRow[col('审核意见')]).toBe(HOSTILE);
  });

  it('shows the unit the decision, its date and the 意见 on the receipt and when it reopens', () => {
    const number = (context.db.prepare('SELECT number FROM submissions WHERE unit_id = ?').get(wei.unitId) as { number: string }).number;
    const token = new URL(`http://x${reopenCurrent(context, wei.unitId)!.receiptUrl}`).searchParams.get('t');
    const receipt = receiptView(context.db, context.campaign, number, token)!;
    expect(receipt.review).toMatchObject({ versionNo: 1, decision: 'return', label: '退回修改', comment: HOSTILE });
    expect(receipt.review!.decidedAt).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    expect(reopenCurrent(context, wei.unitId)!.revising.review).toEqual(receipt.review);
    // The other unit hears nothing of it.
    expect(reopenCurrent(context, other.unitId)!.revising.review).toBeUndefined();
  });

  it('puts a revision after 退回 back to 待审核 and refuses a decision on the version it replaced', async () => {
    const firstVersion = currentVersionId(wei.unitId);
    await submit(wei.unitId, wei.code, '按意见修改后的情况汇报');
    expect(boardRow(wei.unitId).review).toMatchObject({ kind: 'pending', comment: '' });
    // The unit still sees what was said about the version it replaced.
    expect(reopenCurrent(context, wei.unitId)!.revising).toMatchObject({ versionNo: 2, review: { versionNo: 1, comment: HOSTILE } });

    const stale = await review(wei.unitId, { decision: 'approve', comment: '', version_id: String(firstVersion) });
    expect(stale.headers.get('location')).toBe(`/admin/units/${wei.unitId}/?review_error=stale#review`);
    expect(boardRow(wei.unitId).review!.kind).toBe('pending');

    const approve = await review(wei.unitId, { decision: 'approve', comment: '', version_id: String(currentVersionId(wei.unitId)) });
    expect(approve.headers.get('location')).toBe(`/admin/units/${wei.unitId}/?done=approve#review`);
    expect(boardRow(wei.unitId).review).toMatchObject({ kind: 'approved', label: '已通过' });

    const submissionId = (context.db.prepare('SELECT id FROM submissions WHERE unit_id = ?').get(wei.unitId) as { id: number }).id;
    expect(decisionHistory(context.db, submissionId).map((d) => [d.versionNo, d.label, d.comment, d.decidedBy])).toEqual([
      [2, '通过', '', 'lishuhu'],
      [1, '退回修改', HOSTILE, 'lishuhu'],
    ]);
  });
});
