import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absolutePath, findFile } from '#server/files/store.ts';
import type { SubmissionContext } from '#server/submissions/context.ts';
import { reopenApi, submitApi } from '#server/submissions/http.ts';
import { findSubmissionByUnit, listVersions, loadVersion } from '#server/submissions/read.ts';
import { receiveSubmission } from '#server/submissions/receive.ts';
import { receiptView } from '#server/submissions/receipt.ts';
import { uploadApi } from '#server/submissions/uploads.ts';
import type { ReopenResult } from '#shared/submission/form.ts';
import {
  blob,
  completeFields,
  count,
  docx,
  formData,
  jpeg,
  leftoverTempFiles,
  pdf,
  postRequest,
  testContext,
  unitWithCode,
} from '../support/api-context.ts';

type Auth = { unitId: number; code: string };

async function uploadPhoto(context: SubmissionContext, auth: Auth, colour = '#3366cc'): Promise<string> {
  const body = formData(
    [
      ['unit_id', String(auth.unitId)],
      ['code', auth.code],
      ['kind', 'photo'],
    ],
    [['file', blob(await jpeg(1600, 1200, colour)), 'IMG.jpg']],
  );
  const answer = (await (await uploadApi(postRequest('/api/uploads', body), context)).json()) as { token: string };
  return answer.token;
}

async function submitJson(context: SubmissionContext, fields: [string, string][], files: [string, Blob, string][] = []) {
  const response = await submitApi(postRequest('/api/submissions', formData(fields, files), { accept: 'application/json' }), context);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const withPhoto = (fields: [string, string][], token: string, caption = '2月15日专题会现场'): [string, string][] => [
  ...fields,
  ['photo_token_1', token],
  ['photo_caption_1', caption],
];

const receiptOf = (context: SubmissionContext, url: string, versionNo?: number) => {
  const parsed = new URL(url, 'http://localhost');
  const number = decodeURIComponent(parsed.pathname.split('/')[3]!);
  return receiptView(context.db, context.campaign, number, parsed.searchParams.get('t'), versionNo);
};

describe('submitting the materials', () => {
  it('stores a complete submission from the enhanced form and answers with its receipt', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const token = await uploadPhoto(context, auth);
    const { status, body } = await submitJson(context, withPhoto(completeFields(auth.unitId, auth.code), token));
    expect(status).toBe(200);
    expect(String(body['receiptUrl'])).toMatch(/^\/baosong\/huizhi\/BS2030-0001\/\?t=/);

    const receipt = receiptOf(context, String(body['receiptUrl']))!;
    expect(receipt).toMatchObject({ unitName: '卫辉市水利局', versionNo: 1, late: false, missing: [] });
    expect(receipt.submittedAt).toBe('2030年6月1日 10:00:00');
    expect(receipt.activities).toEqual([
      '2023年2月15日 专题会，主持：局党组书记、局长 张明，45 人：局长领学《纲要》，各科室负责人结合工程质量监督谈体会',
      '2023年2月20日 其他（读书分享会），主持：办公室主任 李华，30 人（有企业或其他单位参加）：邀请参建企业质量负责人共读《纲要》质量安全篇',
    ]);
    expect(receipt.photos).toHaveLength(1);
    expect(receipt.photos[0]!.caption).toBe('2月15日专题会现场');
    expect(receipt.essays.map((essay) => essay.title)).toEqual(['以质量强国建设为引领', '学习纲要的几点体会']);
  });

  it('returns the stored version for a retried submit with the same key, writing nothing twice', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const fields = withPhoto(completeFields(auth.unitId, auth.code, 'retry-key-0001'), await uploadPhoto(context, auth));
    const first = await submitJson(context, fields);
    const again = await submitJson(context, fields);
    expect(again).toEqual(first);
    expect(count(context, 'versions')).toBe(1);
    expect(count(context, 'photos')).toBe(1);
    expect(count(context, 'essays')).toBe(2);
  });

  it('keeps every version when a unit revises, the latest being current', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const token = await uploadPhoto(context, auth);
    const first = await submitJson(context, withPhoto(completeFields(auth.unitId, auth.code), token));
    const revised = completeFields(auth.unitId, auth.code).map(([name, value]): [string, string] =>
      name === 'report_body' ? [name, '修改后的情况汇报：2月20日又组织了交流会。'] : [name, value],
    );
    const second = await submitJson(context, withPhoto(revised, token));
    expect(second.body['receiptUrl']).toBe(first.body['receiptUrl']);

    const submission = findSubmissionByUnit(context.db, auth.unitId)!;
    expect(listVersions(context.db, submission.id).map((v) => v.versionNo)).toEqual([1, 2]);
    expect(loadVersion(context.db, submission.id)!.reportBody).toContain('修改后');
    expect(loadVersion(context.db, submission.id, 1)!.reportBody).not.toContain('修改后');
    const receipt = receiptOf(context, String(second.body['receiptUrl']))!;
    expect(receipt.versionNo).toBe(2);
    expect(receipt.versions.map((v) => v.versionNo)).toEqual([1, 2]);
    expect(receiptOf(context, String(second.body['receiptUrl']), 1)!.isCurrent).toBe(false);
  });

  it('leaves the saved version and its files untouched when a later submit fails', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    await submitJson(context, withPhoto(completeFields(auth.unitId, auth.code), await uploadPhoto(context, auth)));
    const submission = findSubmissionByUnit(context.db, auth.unitId)!;
    const saved = loadVersion(context.db, submission.id)!;

    const broken = completeFields(auth.unitId, auth.code).filter(([name]) => name !== 'contact_person');
    const failed = await submitJson(context, broken, [['photo_1', blob('<html>not a photo</html>'), 'fake.jpg']]);
    expect(failed.status).toBe(422);
    expect(failed.body['errors']).toMatchObject({ contact_person: '请填写联系人姓名。' });

    expect(count(context, 'versions')).toBe(1);
    const still = loadVersion(context.db, submission.id)!;
    expect(still).toEqual(saved);
    for (const photo of still.photos) expect(existsSync(absolutePath(context.dataDir, photo.file.relPath))).toBe(true);
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it('refuses a wrong code with the message next to the code field and stores nothing', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const { status, body } = await submitJson(context, completeFields(auth.unitId, 'WRONGCODE2'), [
      ['photo_1', blob(await jpeg(100, 100)), 'a.jpg'],
    ]);
    expect(status).toBe(401);
    expect((body['errors'] as Record<string, string>)['code']).toContain('报送码不正确');
    expect(String(body['formError'])).toContain('重新选择');
    expect(count(context, 'files')).toBe(0);
    expect(leftoverTempFiles(context.dataDir)).toEqual([]);
  });

  it('does not let one unit use photos uploaded by another', async () => {
    const context = testContext();
    const first = await unitWithCode(context, '卫辉市水利局');
    const second = await unitWithCode(context, '辉县市水利局');
    const token = await uploadPhoto(context, first);
    const { status, body } = await submitJson(context, withPhoto(completeFields(second.unitId, second.code), token));
    expect(status).toBe(422);
    expect((body['errors'] as Record<string, string>)['photos']).toContain('已失效');
  });
});

describe('the plain form without JavaScript', () => {
  it('keeps the typed values and the photos received when a post has errors, then accepts the corrected post', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const fields = completeFields(auth.unitId, auth.code, 'plain-key-0001')
      .filter(([name]) => name !== 'contact_person')
      .concat([
        ['photo_caption_1', '专题会'],
        ['photo_caption_2', '假照片'],
        ['photo_caption_3', '座谈会'],
      ]);
    const files: [string, Blob, string][] = [
      ['photo_1', blob(await jpeg(800, 600)), '专题会.jpg'],
      ['photo_2', blob('<!doctype html><p>hi</p>'), '网页.jpg'],
      ['photo_3', blob(await jpeg(600, 800, '#aa3322')), '座谈会.jpg'],
      ['essay_1_file', blob(await docx()), '感想一.docx'],
    ];
    const outcome = await receiveSubmission(postRequest('/baosong/', formData(fields, files)), context);
    if (outcome.kind !== 'invalid') throw new Error(`expected invalid, got ${outcome.kind}`);
    expect(outcome.status).toBe(422);
    expect(outcome.errors['contact_person']).toBe('请填写联系人姓名。');
    expect(outcome.errors['photos']).toContain('网页.jpg');
    expect(outcome.refusedPhotos).toEqual([{ caption: '假照片', message: expect.stringContaining('网页.jpg') as string }]);
    expect(outcome.values['report_body']).toContain('专题会议');
    expect(outcome.values['activity_2_form_other']).toBe('读书分享会');
    expect(outcome.idempotencyKey).toBe('plain-key-0001');
    expect(outcome.stagedPhotos.map((photo) => photo.caption)).toEqual(['专题会', '座谈会']);
    expect(outcome.values['photo_caption_2']).toBe('座谈会');
    expect(outcome.values['photo_caption_3']).toBeUndefined();
    expect(outcome.stagedFiles.essay_1_file?.name).toBe('感想一.docx');

    const corrected: [string, string][] = [
      ...completeFields(auth.unitId, auth.code, 'plain-key-0001'),
      ...outcome.stagedPhotos.flatMap((photo, i): [string, string][] => [
        [`photo_token_${i + 1}`, photo.token],
        [`photo_caption_${i + 1}`, photo.caption],
      ]),
      ['essay_1_file_token', outcome.stagedFiles.essay_1_file!.token],
    ];
    const stored = await receiveSubmission(postRequest('/baosong/', formData(corrected)), context);
    if (stored.kind !== 'stored') throw new Error(`expected stored, got ${stored.kind}`);
    const version = loadVersion(context.db, stored.stored.submissionId)!;
    expect(version.photos.map((photo) => [photo.caption, photo.width, photo.height])).toEqual([
      ['专题会', 800, 600],
      ['座谈会', 600, 800],
    ]);
    expect(version.essays[0]!.file?.originalName).toBe('感想一.docx');
  });

  it('refuses a PDF sent as a 学习感想 next to that essay, keeping the PDF sent as the 情况汇报', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const files: [string, Blob, string][] = [
      ['report_file', blob(pdf()), '情况汇报.pdf'],
      ['essay_1_file', blob(pdf()), '感想一.pdf'],
    ];
    const outcome = await receiveSubmission(postRequest('/baosong/', formData(completeFields(auth.unitId, auth.code), files)), context);
    if (outcome.kind !== 'invalid') throw new Error(`expected invalid, got ${outcome.kind}`);
    expect(outcome.errors['essay_1_file']).toContain('感想一.pdf”是 PDF');
    expect(outcome.stagedFiles.report_file?.name).toBe('情况汇报.pdf');
    expect(outcome.stagedFiles.essay_1_file).toBeUndefined();
    expect(outcome.values['report_body']).toContain('专题会议');
  });

  it('refuses a body that is not a form, with a Chinese message', async () => {
    const context = testContext();
    const request = new Request('http://localhost/baosong/', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    const outcome = await receiveSubmission(request, context);
    expect(outcome).toMatchObject({ kind: 'refused', status: 415 });
  });
});

describe('the deadline', () => {
  const deadline = '2030-06-01T18:00';
  const at = (iso: string) => new Date(iso);

  it('counts a submission one second before the deadline as on time', async () => {
    const context = testContext({ deadline, now: at('2030-06-01T09:59:59Z') });
    const auth = await unitWithCode(context);
    const { body } = await submitJson(context, withPhoto(completeFields(auth.unitId, auth.code), await uploadPhoto(context, auth)));
    expect(receiptOf(context, String(body['receiptUrl']))!.late).toBe(false);
  });

  it('accepts a submission one second late and marks it 逾期 when the campaign accepts late ones', async () => {
    const context = testContext({ deadline, now: at('2030-06-01T10:00:01Z') });
    const auth = await unitWithCode(context);
    const { status, body } = await submitJson(context, withPhoto(completeFields(auth.unitId, auth.code), await uploadPhoto(context, auth)));
    expect(status).toBe(200);
    expect(receiptOf(context, String(body['receiptUrl']))!.late).toBe(true);
  });

  it('refuses a late submission, keeping what was typed, when the campaign takes nothing late', async () => {
    const context = testContext({ deadline, latePolicy: 'refuse', now: at('2030-06-01T10:00:01Z') });
    const auth = await unitWithCode(context);
    const outcome = await receiveSubmission(postRequest('/baosong/', formData(completeFields(auth.unitId, auth.code))), context);
    expect(outcome).toMatchObject({ kind: 'invalid', status: 403 });
    if (outcome.kind === 'invalid') {
      expect(outcome.formError).toContain('2030年6月1日 18:00（下班前）截止');
      expect(outcome.values['contact_person']).toBe('王明');
    }
    expect(count(context, 'versions')).toBe(0);
  });
});

describe('reopening the current version to revise it', () => {
  it('gives back the values and stages the photos and files again under new tokens', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const token = await uploadPhoto(context, auth);
    await submitJson(context, withPhoto(completeFields(auth.unitId, auth.code), token), [
      ['report_file', blob(await docx('情况汇报全文')), '情况汇报.docx'],
    ]);

    const body = new URLSearchParams({ unit_id: String(auth.unitId), code: auth.code });
    const response = await reopenApi(new Request('http://localhost/api/submissions/current', { method: 'POST', body }), context);
    expect(response.status).toBe(200);
    const reopened = (await response.json()) as Extract<ReopenResult, { values: unknown }>;
    expect(reopened.values).toMatchObject({
      contact_person: '王明',
      activity_1_date: '2023-02-15',
      activity_1_participants: '45',
      activity_2_date: '2023-02-20',
      activity_2_form: '其他',
      activity_2_form_other: '读书分享会',
      activity_2_enterprise: '1',
      essay_2_author: '张强',
    });
    expect(reopened.revising).toMatchObject({ number: 'BS2030-0001', versionNo: 1, submittedAtIso: '2030-06-01T10:00:00+08:00' });
    expect(reopened.stagedPhotos).toHaveLength(1);
    expect(reopened.stagedPhotos[0]!.token).not.toBe(token);
    expect(reopened.stagedFiles.report_file?.name).toBe('情况汇报.docx');

    const resubmit: [string, string][] = [
      ...withPhoto(completeFields(auth.unitId, auth.code), reopened.stagedPhotos[0]!.token),
      ['report_file_token', reopened.stagedFiles.report_file!.token],
    ];
    expect((await submitJson(context, resubmit)).status).toBe(200);
    const submission = findSubmissionByUnit(context.db, auth.unitId)!;
    const [v1, v2] = [loadVersion(context.db, submission.id, 1)!, loadVersion(context.db, submission.id, 2)!];
    expect(v2.photos[0]!.file.id).toBe(v1.photos[0]!.file.id);
    expect(v2.reportFile?.id).toBe(v1.reportFile?.id);
    expect(findFile(context.db, v2.reportFile!.id)?.originalName).toBe('情况汇报.docx');
  });

  it('tells a unit that has sent nothing yet to fill in the form', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const body = new URLSearchParams({ unit_id: String(auth.unitId), code: auth.code });
    const response = await reopenApi(new Request('http://localhost/api/submissions/current', { method: 'POST', body }), context);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain('还没有报送过');
  });

  it('refuses to reopen with a wrong code', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const body = new URLSearchParams({ unit_id: String(auth.unitId), code: 'WRONGCODE2' });
    const response = await reopenApi(new Request('http://localhost/api/submissions/current', { method: 'POST', body }), context);
    expect(response.status).toBe(401);
  });
});
