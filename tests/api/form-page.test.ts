import { describe, expect, it } from 'vitest';
import { answerSafely, submitApi } from '#server/submissions/http.ts';
import { blankProps, formPage, safeFormPage } from '#server/submissions/page.ts';
import { blob, completeFields, formData, jpeg, postRequest, testContext, unitWithCode } from '../support/api-context.ts';

describe('the /baosong/ page', () => {
  it('offers every unit grouped by category, the Beijing deadline and the requirements', () => {
    const context = testContext();
    const props = blankProps(context);
    expect(props.units).toHaveLength(22);
    expect(props.categories).toEqual(context.campaign.categories);
    expect(props.deadlineIso).toBe('2030-12-31T18:00:00+08:00');
    expect(props).toMatchObject({ photoMin: 1, photoMax: 20, essayCount: 2, latePolicy: 'accept', draftNamespace: 'zlqg-2023' });
    expect(props.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(props.organiserContact).toContain('李述虎');
  });

  it('sends a stored plain post to its receipt', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const fields = [...completeFields(auth.unitId, auth.code), ['photo_caption_1', '集中学习'] as [string, string]];
    const page = await formPage(postRequest('/baosong/', formData(fields, [['photo_1', blob(await jpeg(640, 480)), 'a.jpg']])), context);
    expect(page).toMatchObject({ kind: 'redirect' });
    if (page.kind === 'redirect') expect(page.location).toMatch(/^\/baosong\/huizhi\/BS2030-0001\/\?t=[\w-]{24}$/);
  });

  it('shows the form again with the messages and the kept photo when a plain post has errors', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const fields = completeFields(auth.unitId, auth.code).filter(([name]) => name !== 'activity_1_participants');
    const page = await formPage(postRequest('/baosong/', formData(fields, [['photo_1', blob(await jpeg(640, 480)), 'a.jpg']])), context);
    if (page.kind !== 'form') throw new Error('expected the form');
    expect(page.status).toBe(422);
    expect(page.props.errors['activity_1_participants']).toBe('第 1 项活动：请填写参加人数（整数），如 45。');
    expect(page.props.stagedPhotos).toHaveLength(1);
    expect(page.props.values['contact_person']).toBe('王明');
    expect(page.props.formError).toContain('不必重新上传');
  });

  it('reopens the current version for a plain post to ?intent=reopen, and says why not otherwise', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    const fields = [...completeFields(auth.unitId, auth.code), ['photo_caption_1', '集中学习'] as [string, string]];
    await formPage(postRequest('/baosong/', formData(fields, [['photo_1', blob(await jpeg(640, 480)), 'a.jpg']])), context);

    const reopen = (code: string) =>
      formPage(
        new Request('http://localhost/baosong/?intent=reopen', {
          method: 'POST',
          body: new URLSearchParams({ unit_id: String(auth.unitId), code }),
        }),
        context,
      );
    const page = await reopen(auth.code);
    if (page.kind !== 'form') throw new Error('expected the form');
    expect(page.props.revising).toMatchObject({ number: 'BS2030-0001', versionNo: 1 });
    expect(page.props.stagedPhotos[0]!.caption).toBe('集中学习');
    expect(page.receiptUrl).toMatch(/^\/baosong\/huizhi\/BS2030-0001\/\?t=/);

    const refused = await reopen('WRONGCODE2');
    expect(refused).toMatchObject({ kind: 'form', status: 401 });
    if (refused.kind === 'form') expect(refused.reopenError).toContain('报送码不正确');
  });

  it('answers in Chinese, never with a stack trace, when the server itself fails to store', async () => {
    const context = testContext();
    const auth = await unitWithCode(context);
    // A broken database: the photo rows of a version can no longer be written.
    context.db.exec('DROP TABLE photos');
    const fields = [...completeFields(auth.unitId, auth.code), ['photo_caption_1', '集中学习'] as [string, string]];
    const withPhoto = async () => formData(fields, [['photo_1', blob(await jpeg(320, 240)), 'a.jpg']]);

    const page = await safeFormPage(postRequest('/baosong/', await withPhoto()), context);
    expect(page).toMatchObject({ kind: 'form', status: 500 });
    if (page.kind === 'form') expect(page.props.formError).toContain('之前已保存的内容不受影响');

    const api = await answerSafely(async () => submitApi(postRequest('/api/submissions', await withPhoto()), context), 'submit');
    expect(api.status).toBe(500);
    expect(((await api.json()) as { formError: string }).formError).toContain('请稍后再试');
  });
});
