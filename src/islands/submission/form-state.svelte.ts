/**
 * Everything the form knows while a liaison fills it in: the typed values and 报送码, the files
 * on their way up, the messages to show, and the draft that keeps all of it on the device.
 * Built once per form from the server's props; the parts of the form read it and call its methods.
 */
import { untrack } from 'svelte';
import { attachmentAccepts, FIELD, namedAsAccepted } from '#shared/submission/fields.ts';
import type { FileFieldName, SubmissionFormProps } from '#shared/submission/form.ts';
import { LIMITS, formatMegabytes } from '#shared/limits.ts';
import { isLate } from '#shared/campaign/deadline.ts';
import { validateSubmission } from '#shared/submission/rules.ts';
import { materialsInForm, missingMaterials, type MissingMaterial } from '#shared/submission/completeness.ts';
import type { Credentials } from './upload-queue.svelte.ts';
import { FormFiles } from './form-files.svelte.ts';
import { FormDraft, type RestoredDraft } from './form-draft.svelte.ts';
import { stagedFileItem, stagedPhotoItem } from './draft-items.ts';
import { hasAnyValue, textValue, type FormValues } from '#shared/submission/form-values.ts';
import { ACTIVITY_MAX, ACTIVITY_PARTS, activityField, lastStartedRow } from '#shared/submission/activities.ts';
import { recallCode, rememberCode } from './code-memory.ts';

/** Uploads wait this long after the last keystroke in the code: a half-typed code is a failed guess. */
const CREDENTIALS_SETTLE_MS = 1200;

export class FormState {
  enhanced = $state(false);
  values = $state<FormValues>({});
  code = $state('');
  serverErrors = $state<Record<string, string>>({});
  localErrors = $state<Record<string, string>>({});
  formError = $state('');
  /** After the first 提交 every rule is checked live. */
  attempted = $state(false);
  revising = $state<SubmissionFormProps['revising']>(undefined);
  /** Rows of the activity 台账 the enhanced form shows (the plain form shows a fixed number). */
  activityRows = $state(1);
  /** The unit and code uploads are sent with. */
  committed = $state<Credentials>({ unitId: '', code: '' });

  readonly props: SubmissionFormProps;
  readonly files: FormFiles;
  readonly draft: FormDraft;

  readonly shownErrors = $derived({ ...this.serverErrors, ...this.localErrors });
  readonly lateRefused = $derived.by(
    () => this.props.latePolicy === 'refuse' && isLate(new Date(this.props.nowIso), new Date(this.props.deadlineIso)),
  );

  constructor(props: SubmissionFormProps) {
    this.props = props;
    this.values = { ...props.values };
    this.code = textValue(props.values, FIELD.code);
    this.serverErrors = { ...props.errors };
    this.formError = props.formError ?? '';
    this.revising = props.revising;
    this.syncActivityRows();
    this.committed = { unitId: textValue(props.values, FIELD.unitId), code: this.code.trim() };
    this.files = new FormFiles({
      credentials: () => (this.committed.unitId && this.committed.code ? this.committed : undefined),
      prepared: (item) => this.draft.storeItem(item),
      removed: (id) => this.draft.forgetItem(id),
    });
    const unitId = this.committed.unitId;
    props.stagedPhotos.forEach((photo, index) => this.files.photos.push(stagedPhotoItem(photo, `staged-${index}`, unitId)));
    for (const field of Object.keys(props.stagedFiles) as FileFieldName[]) {
      this.files.attachments[field] = stagedFileItem(field, props.stagedFiles[field]!, `file-${field}`, unitId);
    }
    this.draft = new FormDraft(props.draftNamespace, props.idempotencyKey, () => ({
      values: this.values,
      photos: this.files.photos,
      attachments: this.files.attachments,
    }));

    $effect(() => {
      const found = this.currentErrors();
      untrack(() => {
        if (this.attempted) this.localErrors = found;
        else for (const key of Object.keys(this.localErrors)) if (!found[key]) delete this.localErrors[key];
      });
    });
    $effect(() => {
      const next = { unitId: textValue(this.values, FIELD.unitId), code: this.code.trim() };
      const timer = setTimeout(() => this.commitCredentials(next), CREDENTIALS_SETTLE_MS);
      return () => clearTimeout(timer);
    });
  }

  /** Whether the server sent this form back with the liaison's own content (a refusal or a reopen). */
  cameFromServer(): boolean {
    const p = this.props;
    return Object.keys(p.errors).length > 0 || !!p.formError || !!p.revising || p.stagedPhotos.length > 0 || hasAnyValue(p.values);
  }

  /** Attachment fields that carry a file on its way up or already on the server. */
  private filesPresent(): Set<string> {
    const attachments = this.files.attachments;
    const present = this.enhanced
      ? Object.keys(attachments).filter((field) => attachments[field]!.status !== 'failed' || !!attachments[field]!.token)
      : Object.keys(this.props.stagedFiles);
    return new Set(present);
  }

  currentErrors(): Record<string, string> {
    return validateSubmission({
      values: { ...this.values, [FIELD.code]: this.code },
      photos: this.files.photos,
      filesPresent: this.filesPresent(),
      photoMax: this.props.photoMax,
      essayCount: this.props.essayCount,
      activityWindow: this.props.activityWindow,
    });
  }

  /** What the notice asks for that this form does not carry yet, worded as the receipt will word it. */
  missing(): MissingMaterial[] {
    const { photoMin, essayCount } = this.props;
    const present = materialsInForm({
      values: this.values,
      photoCount: this.files.photos.length,
      filesPresent: this.filesPresent(),
      essayCount,
    });
    return missingMaterials(present, { photoMin, essayCount });
  }

  /** Whether anything was typed or chosen beyond the unit and its code (which a reopen keeps). */
  hasTypedContent(): boolean {
    const typed = Object.keys(this.values).filter((name) => name !== FIELD.unitId && name !== FIELD.code);
    return (
      typed.some((name) => hasAnyValue({ [name]: this.values[name] })) ||
      this.files.photos.length > 0 ||
      Object.keys(this.files.attachments).length > 0
    );
  }

  commitCredentials(next: Credentials = { unitId: textValue(this.values, FIELD.unitId), code: this.code.trim() }): void {
    if (next.unitId === this.committed.unitId && next.code === this.committed.code) return;
    this.committed = next;
    this.files.queue.credentialsChanged();
  }

  setValue(name: string, value: string | string[]): void {
    this.values[name] = value;
    delete this.serverErrors[name];
  }

  /** As many 台账 rows as the values fill, and at least one, after they were replaced wholesale. */
  syncActivityRows(): void {
    this.activityRows = Math.min(ACTIVITY_MAX, Math.max(1, lastStartedRow(this.values)));
  }

  addActivityRow(): void {
    if (this.activityRows < ACTIVITY_MAX) this.activityRows++;
  }

  /** Removes row n; the rows after it move up one, with their messages. */
  removeActivityRow(n: number): void {
    const moved = (from: number, to: number) => {
      for (const part of ACTIVITY_PARTS) {
        const source = activityField(from, part);
        const target = activityField(to, part);
        this.values[target] = textValue(this.values, source);
        for (const errors of [this.serverErrors, this.localErrors]) {
          if (errors[source] === undefined) delete errors[target];
          else errors[target] = errors[source];
        }
      }
    };
    for (let row = n; row < this.activityRows; row++) moved(row + 1, row);
    for (const part of ACTIVITY_PARTS) {
      const last = activityField(this.activityRows, part);
      delete this.values[last];
      delete this.serverErrors[last];
      delete this.localErrors[last];
    }
    this.activityRows = Math.max(1, this.activityRows - 1);
  }

  setCode(code: string): void {
    this.code = code;
    delete this.serverErrors[FIELD.code];
    rememberCode(this.props.draftNamespace, code);
  }

  /** Leaving a field that holds something shows its problem at once; empty fields wait for 提交. */
  checkOnLeave(key: string, value: string): void {
    if (this.attempted || value === '') return;
    const problem = this.currentErrors()[key];
    if (problem) this.localErrors[key] = problem;
  }

  pickAttachment(field: FileFieldName, file: File): void {
    if (!namedAsAccepted(field, file.name)) {
      this.localErrors[field] =
        attachmentAccepts(field) === 'word'
          ? '学习感想请上传 .docx 文件（其中的文字要编入汇编，PDF 不行）；旧版 .doc 请先在 Word 中“另存为” .docx。'
          : '只能上传 .docx 或 .pdf 文件；旧版 .doc 请先在 Word 中“另存为” .docx 或 PDF。';
      return;
    }
    if (file.size > LIMITS.attachmentBytes) {
      this.localErrors[field] =
        `文件有 ${formatMegabytes(file.size)}，超过了 ${formatMegabytes(LIMITS.attachmentBytes)} 的上限，请压缩其中的图片后再上传。`;
      return;
    }
    delete this.localErrors[field];
    delete this.serverErrors[field];
    this.files.setAttachment(field, file, file.name);
  }

  /** What a Field needs for one typed value. */
  textField(name: string) {
    return { name, value: textValue(this.values, name), onchange: (v: string) => this.setValue(name, v), error: this.shownErrors[name] };
  }

  /** What an AttachmentField needs for one file field. */
  attachment(field: FileFieldName) {
    return {
      field,
      enhanced: this.enhanced,
      staged: this.props.stagedFiles[field],
      item: this.files.attachments[field],
      error: this.shownErrors[field],
      onpick: (file: File) => this.pickAttachment(field, file),
      onremove: () => this.files.removeAttachment(field),
      onretry: () => this.files.queue.retry(`file-${field}`),
    };
  }

  /** After 清除草稿: an empty form, as if just opened. */
  reset(): void {
    this.values = {};
    this.files.replaceItems([], {});
    this.serverErrors = {};
    this.localErrors = {};
    this.formError = '';
    this.attempted = false;
    this.revising = undefined;
    this.activityRows = 1;
  }

  /** Puts a restored draft into the form without overwriting anything typed before it arrived. */
  restore(restored: RestoredDraft): void {
    for (const name of Object.keys(restored.values)) {
      if (!hasAnyValue({ [name]: this.values[name] })) this.values[name] = restored.values[name]!;
    }
    this.activityRows = Math.max(this.activityRows, Math.min(ACTIVITY_MAX, lastStartedRow(this.values)));
    if (this.files.photos.length === 0) this.files.replaceItems(restored.photos, restored.attachments);
    if (!this.code) this.code = recallCode(this.props.draftNamespace);
    this.files.queue.credentialsChanged();
  }
}
