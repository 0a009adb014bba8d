/**
 * Reads the submission form's fields out of a parsed multipart body: the typed values (as the
 * form re-renders them), the photo slots (a new file or the token of a staged photo, with its
 * caption) and the attachment slots. Pure: no storage, no checks of the files themselves.
 */
import type { SubmissionShape } from '#shared/submission/shape.ts';
import { FIELD, essayField, photoCaptionField, photoFileField, photoTokenField } from '#shared/submission/fields.ts';
import { ACTIVITY_MAX, ACTIVITY_PARTS, activityField } from '#shared/submission/activities.ts';
import { fileFieldNames, stagedFileTokenField, type FileFieldName } from '#shared/submission/form.ts';
import type { FormValues } from '#shared/submission/form-values.ts';
import { fieldValue, type ParsedForm, type ReceivedFile } from '#server/files/multipart.ts';

const SINGLE_FIELDS: string[] = [FIELD.unitId, FIELD.code, FIELD.contactPerson, FIELD.contactPhone, FIELD.reportBody, FIELD.infoText];

/** Rows beyond the most a unit may send are read too, so that the schema can say there are too many. */
const ACTIVITY_ROWS_READ = ACTIVITY_MAX + 5;

/** The typed values, keyed by field name. */
export function formValues(form: ParsedForm, shape: SubmissionShape): FormValues {
  const values: FormValues = {};
  const names: string[] = [...SINGLE_FIELDS];
  for (let n = 1; n <= shape.essayCount; n++) {
    names.push(essayField(n, 'title'), essayField(n, 'author'), essayField(n, 'position'), essayField(n, 'body'));
  }
  for (let n = 1; n <= shape.photoMax; n++) names.push(photoCaptionField(n));
  for (let n = 1; n <= ACTIVITY_ROWS_READ; n++) for (const part of ACTIVITY_PARTS) names.push(activityField(n, part));
  for (const name of names) {
    if (form.fields.has(name)) values[name] = fieldValue(form, name);
  }
  return values;
}

/** The file field a photo file may arrive in, and its slot number; undefined for any other field. */
export function photoSlot(field: string, photoMax: number): number | undefined {
  const match = /^photo_(\d{1,2})$/.exec(field);
  const n = match ? Number(match[1]) : 0;
  return n >= 1 && n <= photoMax ? n : undefined;
}

export interface PhotoSlot {
  /** The slot number in the posted form (1-based, possibly with gaps). */
  n: number;
  file?: ReceivedFile;
  token?: string;
  caption: string;
}

/** The posted photos in slot order; a slot with a new file ignores any token. */
export function photoSlots(form: ParsedForm, photoMax: number): PhotoSlot[] {
  const slots: PhotoSlot[] = [];
  for (let n = 1; n <= photoMax; n++) {
    const file = form.files.find((received) => received.field === photoFileField(n));
    const token = fieldValue(form, photoTokenField(n)).trim();
    const caption = fieldValue(form, photoCaptionField(n));
    if (file) slots.push({ n, file, caption });
    else if (token) slots.push({ n, token, caption });
  }
  return slots;
}

export interface AttachmentSlot {
  field: FileFieldName;
  file?: ReceivedFile;
  /** The staged file the unit chose to keep (保留此文件), used when no new file is accepted. */
  token?: string;
}

export function attachmentSlots(form: ParsedForm, essayCount: number): AttachmentSlot[] {
  return fileFieldNames(essayCount).map((field) => {
    const file = form.files.find((received) => received.field === field);
    const token = fieldValue(form, stagedFileTokenField(field)).trim();
    return { field, ...(file ? { file } : {}), ...(token ? { token } : {}) };
  });
}

/** The most bytes a file part may carry, by field; 0 drops parts in fields the form does not have. */
export function fileLimitFor(shape: SubmissionShape, limits: { photoBytes: number; attachmentBytes: number }) {
  const attachments = new Set<string>(fileFieldNames(shape.essayCount));
  return (field: string): number => {
    if (photoSlot(field, shape.photoMax) !== undefined) return limits.photoBytes;
    return attachments.has(field) ? limits.attachmentBytes : 0;
  };
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

export const isIdempotencyKey = (key: string) => KEY_PATTERN.test(key);

/** What the form calls each file field, for messages about a file not taken. */
export function fileLabelFor(essayCount: number) {
  const attachments: Record<string, string> = { [FIELD.reportFile]: '情况汇报原件', [FIELD.infoFile]: '工作信息文件' };
  for (let n = 1; n <= essayCount; n++) attachments[essayField(n, 'file')] = `第 ${n} 篇学习感想的 Word 文档`;
  return (field: string): string => {
    const photo = /^photo_(\d{1,3})$/.exec(field);
    return photo ? `第 ${photo[1]} 张照片` : (attachments[field] ?? '文件');
  };
}

/** The message for a file in a field the form does not have: most often one photo too many. */
export function refusedFileFor(photoMax: number) {
  return (field: string, filename: string): string =>
    /^photo_\d+$/.test(field)
      ? `照片最多 ${photoMax} 张，“${filename}”没有收下。请删去多余的照片，或先提交，再通过“修改报送”替换照片。`
      : `“${filename}”不属于表单中的任何一项，没有收下。请从报送页面的表单选择文件。`;
}
