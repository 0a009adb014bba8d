/**
 * The fields of the final submit (POST /api/submissions) built from the island's state: the same
 * names as the plain form, with photos and attachments sent as the tokens /api/uploads returned.
 */
import { FIELD, photoCaptionField, photoTokenField } from './fields.ts';
import type { FormValues } from './form-values.ts';
import { stagedFileTokenField, type FileFieldName } from './form.ts';

export interface PayloadInput {
  values: FormValues;
  code: string;
  /** The grant from the uploads or the reopen, '' when there is none (the code is checked then). */
  grant: string;
  idempotencyKey: string;
  /** In the order the liaison arranged them. */
  photos: { token: string; caption: string }[];
  /** Token per file field; fields without an attachment are absent. */
  attachmentTokens: Partial<Record<FileFieldName, string>>;
}

/** [name, value] pairs, ready to append to a FormData; repeated names for activity_forms. */
export function submitEntries(input: PayloadInput): [string, string][] {
  const entries: [string, string][] = [];
  const skip = new Set<string>([FIELD.code, FIELD.grant, FIELD.idempotencyKey]);
  for (const name of Object.keys(input.values)) {
    if (skip.has(name) || /^photo_(caption|token)_\d+$/.test(name)) continue;
    const value = input.values[name];
    if (Array.isArray(value)) for (const item of value) entries.push([name, item]);
    else if (value !== undefined) entries.push([name, value]);
  }
  entries.push([FIELD.code, input.code.trim()]);
  if (input.grant) entries.push([FIELD.grant, input.grant]);
  entries.push([FIELD.idempotencyKey, input.idempotencyKey]);
  input.photos.forEach((photo, index) => {
    entries.push([photoTokenField(index + 1), photo.token]);
    entries.push([photoCaptionField(index + 1), photo.caption.trim()]);
  });
  for (const field of Object.keys(input.attachmentTokens) as FileFieldName[]) {
    const token = input.attachmentTokens[field];
    if (token) entries.push([stagedFileTokenField(field), token]);
  }
  return entries;
}
