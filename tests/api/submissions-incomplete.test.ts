import { describe, expect, it } from 'vitest';
import { unitProgress } from '#server/progress/progress.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';
import { submitApi } from '#server/submissions/http.ts';
import { findSubmissionByUnit, loadVersion } from '#server/submissions/read.ts';
import { receiveSubmission } from '#server/submissions/receive.ts';
import { receiptView } from '#server/submissions/receipt.ts';
import { reopenCurrent } from '#server/submissions/reopen.ts';
import { blob, completeFields, count, formData, jpeg, postRequest, testContext, unitWithCode } from '../support/api-context.ts';

const without = (fields: [string, string][], pattern: RegExp): [string, string][] => fields.filter(([name]) => !pattern.test(name));

async function submitJson(context: SubmissionContext, fields: [string, string][], files: [string, Blob, string][] = []) {
  const response = await submitApi(postRequest('/api/submissions', formData(fields, files), { accept: 'application/json' }), context);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const receiptOf = (context: SubmissionContext, url: unknown) => {
  const parsed = new URL(String(url), 'http://localhost');
  const number = decodeURIComponent(parsed.pathname.split('/')[3]!);
  return receiptView(context.db, context.campaign, number, parsed.searchParams.get('t'), undefined, context.now)!;
};

const boardRow = (context: SubmissionContext, unitId: number) =>
  unitProgress(context.db, context.campaign.requirements).find((u) => u.unitId === unitId)!;

describe('sending only part of the materials before the deadline', () => {
  it('stores a submission with one essay and no photos, and its receipt says what is still missing', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const { status, body } = await submitJson(context, without(completeFields(auth.unitId, auth.code), /^essay_2_/));
    expect(status).toBe(200);

    const receipt = receiptOf(context, body['receiptUrl']);
    expect(receipt.missing).toEqual(['活动照片（至少 1 张，已有 0 张）', '第 2 篇学习感想']);
    expect(receipt.completeLater).toBe(
      '截止时间 2030年12月31日 18:00（下班前）前，可用同一报送码修改报送，补齐以上材料；每次提交的版本都会保留。',
    );
    expect(receipt.essays.map((essay) => [essay.position, essay.title])).toEqual([[1, '以质量强国建设为引领']]);
    expect(count(context, 'essays')).toBe(1);
    expect(count(context, 'photos')).toBe(0);
  });

  it('shows the unit on the board as 材料不全 with the very words of its receipt', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const { body } = await submitJson(context, without(completeFields(auth.unitId, auth.code), /^essay_2_/));
    const row = boardRow(context, auth.unitId);
    expect(row.status.label).toBe('材料不全');
    expect(row.status.missing).toEqual(receiptOf(context, body['receiptUrl']).missing);
    expect(row.status.missing).toContain('第 2 篇学习感想');
  });

  it('keeps the second essay as the second when the first is left empty, and takes a plain post without a report', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const fields = without(completeFields(auth.unitId, auth.code), /^(essay_1_|report_body|activity_)/).concat([
      ['essay_1_title', ''],
      ['essay_1_author', ''],
      ['essay_1_position', ''],
      ['essay_1_body', ''],
      ['photo_caption_1', '集中学习现场'],
    ]);
    const outcome = await receiveSubmission(
      postRequest('/baosong/', formData(fields, [['photo_1', blob(await jpeg(640, 480)), 'a.jpg']])),
      context,
    );
    if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);

    const receipt = receiptOf(context, outcome.receiptUrl);
    expect(receipt.missing).toEqual(['情况汇报', '第 1 篇学习感想']);
    expect(receipt.essays.map((essay) => [essay.position, essay.author])).toEqual([[2, '张强']]);
    const reopened = reopenCurrent(context, auth.unitId)!;
    expect(reopened.values['essay_2_title']).toBe('学习纲要的几点体会');
    expect(reopened.values['essay_1_title']).toBeUndefined();
    expect(reopened.values['activity_1_date']).toBeUndefined();
  });

  it('clears an item once a revision brings it: the receipt lists nothing and the board says 已修改', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const partial = without(completeFields(auth.unitId, auth.code), /^essay_2_/).concat([['photo_caption_1', '专题会现场']]);
    const stored = await submitJson(context, partial, [['photo_1', blob(await jpeg(640, 480)), 'a.jpg']]);
    expect(receiptOf(context, stored.body['receiptUrl']).missing).toEqual(['第 2 篇学习感想']);
    expect(boardRow(context, auth.unitId).status.label).toBe('材料不全');

    const reopened = reopenCurrent(context, auth.unitId)!;
    const revised = completeFields(auth.unitId, auth.code).concat([
      ['photo_token_1', reopened.stagedPhotos[0]!.token],
      ['photo_caption_1', '专题会现场'],
    ]);
    const second = await submitJson(context, revised);
    expect(second.status).toBe(200);
    const receipt = receiptOf(context, second.body['receiptUrl']);
    expect(receipt).toMatchObject({ versionNo: 2, missing: [], completeLater: '' });
    expect(receipt.essays.map((essay) => essay.position)).toEqual([1, 2]);
    const row = boardRow(context, auth.unitId);
    expect(row.status).toMatchObject({ label: '已修改', missing: [] });

    const submission = findSubmissionByUnit(context.db, auth.unitId)!;
    expect(loadVersion(context.db, submission.id, 1)!.essays).toHaveLength(1);
  });

  it('says after an accepting deadline that the rest can still be added but is marked 逾期', async () => {
    const context = testContext({ deadline: '2030-06-01T08:00' });
    const auth = await unitWithCode(context);
    const { body } = await submitJson(context, without(completeFields(auth.unitId, auth.code), /^essay_2_/));
    const receipt = receiptOf(context, body['receiptUrl']);
    expect(receipt.late).toBe(true);
    expect(receipt.completeLater).toContain('逾期');
  });

  it('still refuses an essay that was started but has no title, author or position, storing nothing', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const fields = without(completeFields(auth.unitId, auth.code), /^essay_2_(title|author|position)$/);
    const { status, body } = await submitJson(context, fields);
    expect(status).toBe(422);
    expect(body['errors']).toMatchObject({
      essay_2_title: '请填写第 2 篇学习感想的标题。',
      essay_2_author: '请填写第 2 篇学习感想的作者姓名。',
      essay_2_position: '请填写第 2 篇学习感想作者的职务。',
    });
    expect(count(context, 'versions')).toBe(0);
  });
});
