/**
 * The two things the enhanced form does with the server besides uploading files: the final submit
 * (after every file is up) and loading what the unit already sent, for revising.
 */
import { FIELD } from '#shared/submission/fields.ts';
import type { FileFieldName } from '#shared/submission/form.ts';
import type { MissingMaterial } from '#shared/submission/completeness.ts';
import { submitEntries } from '#shared/submission/payload.ts';
import { randomKey } from '#shared/random-key.ts';
import { stagedFileItem, stagedPhotoItem } from './draft-items.ts';
import { textValue } from '#shared/submission/form-values.ts';
import type { FormState } from './form-state.svelte.ts';
import { reopenSubmission, sendSubmission } from './server-requests.ts';

export type SubmitResult = { kind: 'receipt'; url: string } | { kind: 'problems' } | { kind: 'completing'; missing: MissingMaterial[] };

/**
 * Checks, asks before sending incomplete materials, waits for the uploads, sends, and says where to
 * go. `progress` narrates the long waits; `sendIncomplete` answers whether to send anyway.
 * The draft is marked before sending, so a reload mid-submit retries with the same key.
 */
export async function submitForm(
  form: FormState,
  progress: (note: string) => void,
  sendIncomplete: (missing: MissingMaterial[]) => Promise<boolean>,
): Promise<SubmitResult> {
  form.attempted = true;
  form.formError = '';
  form.localErrors = form.currentErrors();
  if (form.lateRefused) {
    form.formError = '报送已截止，系统不再接收。';
    return { kind: 'problems' };
  }
  if (Object.keys(form.shownErrors).length > 0) return { kind: 'problems' };
  const missing = form.missing();
  if (missing.length > 0 && !(await sendIncomplete(missing))) return { kind: 'completing', missing };

  const { files, draft } = form;
  const { queue } = files;
  form.commitCredentials();
  if (queue.busy()) progress('正在上传照片和附件，完成后自动提交……');
  queue.retryNow();
  await queue.whenSettled();
  const unsent = files.all().filter((item) => item.status !== 'done' || !item.token);
  if (unsent.length > 0) {
    form.formError = queue.credentialsError
      ? `文件没能上传：${queue.credentialsError}`
      : `还有 ${unsent.length} 个照片或附件没有上传成功（已在下方标出），请点“重试”，或删去后再提交。`;
    return { kind: 'problems' };
  }

  progress('正在提交……');
  await draft.markSubmitted();
  const attachmentTokens: Partial<Record<FileFieldName, string>> = {};
  for (const field of Object.keys(files.attachments) as FileFieldName[]) attachmentTokens[field] = files.attachments[field]!.token!;
  const outcome = await sendSubmission(
    submitEntries({
      values: form.values,
      code: form.code,
      grant: queue.grantFor(form.committed),
      idempotencyKey: draft.idempotencyKey,
      photos: files.photos.map((photo) => ({ token: photo.token!, caption: photo.caption })),
      attachmentTokens,
    }),
  );
  if (outcome.kind === 'ok') {
    progress('已提交，正在打开回执……');
    await draft.clear();
    return { kind: 'receipt', url: outcome.receiptUrl };
  }
  if (outcome.kind === 'invalid') {
    form.serverErrors = outcome.errors;
    form.formError = outcome.formError;
    files.tokensRefused(Object.keys(outcome.errors));
  } else {
    form.formError = outcome.message;
  }
  return { kind: 'problems' };
}

/** Loads the unit's current version into the form; the answer is what to tell the liaison. */
export async function reopenForm(form: FormState, confirmReplace: () => boolean): Promise<string> {
  const unitId = textValue(form.values, FIELD.unitId);
  const code = form.code.trim();
  if (!unitId || !code) return '请先选择单位并填写报送码。';
  const result = await reopenSubmission(unitId, code);
  if ('error' in result) return result.error;
  if (form.hasTypedContent() && !confirmReplace()) return '';
  form.values = { ...result.values, [FIELD.unitId]: unitId };
  form.syncActivityRows();
  const attachments: Record<string, ReturnType<typeof stagedFileItem>> = {};
  for (const field of Object.keys(result.stagedFiles) as FileFieldName[]) {
    attachments[field] = stagedFileItem(field, result.stagedFiles[field]!, `file-${field}`, unitId);
  }
  form.files.replaceItems(
    result.stagedPhotos.map((photo, index) => stagedPhotoItem(photo, `reopened-${index}-${randomKey(4)}`, unitId)),
    attachments,
  );
  form.revising = result.revising;
  form.committed = { unitId, code };
  form.files.queue.keepGrant({ unitId, code }, result.grant);
  const seeAbove = result.revising.review ? '组织方的审核意见显示在表单上方。' : '';
  return `已载入第 ${result.revising.versionNo} 版，修改后提交即保存为新版本。${seeAbove}`;
}
