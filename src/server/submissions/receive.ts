/**
 * Receives one submission (the plain form's post and the enhanced form's final submit alike):
 * parse the stream → check the deadline and the 报送码 → return the stored version for a retried
 * key → stage new files → apply the shared rules → store the version in one transaction.
 * Every way it can go wrong ends in an outcome carrying Chinese messages and everything typed.
 */
import { submissionShape, type SubmissionShape } from '#shared/submission/shape.ts';
import { randomBytes } from 'node:crypto';
import { isLate } from '#shared/campaign/deadline.ts';
import { LIMITS } from '#shared/limits.ts';
import { FIELD, essayField } from '#shared/submission/fields.ts';
import { essayHasContent } from '#shared/submission/completeness.ts';
import { activityWindowFor, rowStarted, toActivityRow } from '#shared/submission/activities.ts';
import { ERROR_KEY, type FileFieldName, type RefusedPhoto, type StagedFile, type StagedPhoto } from '#shared/submission/form.ts';
import { checkSubmission } from '#shared/submission/rules.ts';
import type { Submission } from '#shared/submission/schema.ts';
import { STORAGE_FULL, isDiskFull } from '#server/files/disk-full.ts';
import { tmpDir } from '#server/files/store.ts';
import { MultipartError, discardFiles, fieldValue, parseMultipart, type ParsedForm } from '#server/files/multipart.ts';
import { lateRefusal, numberPrefix, type SubmissionContext } from './context.ts';
import { attachmentSlots, fileLabelFor, fileLimitFor, formValues, isIdempotencyKey, photoSlots, refusedFileFor } from './form-data.ts';
import type { FormValues } from '#shared/submission/form-values.ts';
import { receiptUrl } from './links.ts';
import { authenticateUnit } from './unit-auth.ts';
import { renumberedCaptions, resolveSlots, type ResolvedSlots } from './slots.ts';
import { stagedThumbUrl } from './staging.ts';
import { findByIdempotencyKey, storeVersion, type StoredRef } from './store.ts';

export type ReceiveOutcome =
  | { kind: 'stored'; stored: StoredRef; receiptUrl: string }
  | {
      kind: 'invalid';
      status: number;
      errors: Record<string, string>;
      formError?: string;
      values: FormValues;
      stagedPhotos: StagedPhoto[];
      stagedFiles: Partial<Record<FileFieldName, StagedFile>>;
      refusedPhotos: RefusedPhoto[];
      idempotencyKey: string;
    }
  /** Nothing of the request could be read (too large, malformed): only a message. */
  | { kind: 'refused'; status: number; message: string };

const newKey = () => randomBytes(16).toString('hex');

function stagedForForm(slots: ResolvedSlots): { stagedPhotos: StagedPhoto[]; stagedFiles: Partial<Record<FileFieldName, StagedFile>> } {
  const stagedPhotos = slots.photos.map(({ staged, caption }) => ({
    token: staged.token,
    thumbUrl: stagedThumbUrl(staged.token),
    caption,
    ...(staged.width !== null && staged.height !== null ? { width: staged.width, height: staged.height } : {}),
  }));
  const stagedFiles: Partial<Record<FileFieldName, StagedFile>> = {};
  for (const [field, staged] of Object.entries(slots.attachments) as [FileFieldName, (typeof slots.attachments)[FileFieldName]][]) {
    if (staged) stagedFiles[field] = { token: staged.token, name: staged.originalName, bytes: staged.bytes };
  }
  return { stagedPhotos, stagedFiles };
}

export async function receiveSubmission(request: Request, context: SubmissionContext): Promise<ReceiveOutcome> {
  const { requirements } = context.campaign;
  const shape = submissionShape(requirements, activityWindowFor(context.campaign.activitiesFrom, context.now));
  let form: ParsedForm;
  try {
    form = await parseMultipart(request, {
      tmpDir: tmpDir(context.dataDir),
      fileLimit: fileLimitFor(shape, LIMITS),
      fileLabel: fileLabelFor(shape.essayCount),
      refusedFile: refusedFileFor(shape.photoMax),
    });
  } catch (error) {
    if (error instanceof MultipartError) return { kind: 'refused', status: error.status, message: error.message };
    throw error;
  }
  try {
    return await receiveParsed(form, context, shape);
  } catch (error) {
    if (isDiskFull(error)) return { kind: 'refused', status: 507, message: STORAGE_FULL };
    throw error;
  } finally {
    await discardFiles(form.files);
  }
}

async function receiveParsed(form: ParsedForm, context: SubmissionContext, shape: SubmissionShape): Promise<ReceiveOutcome> {
  const values = formValues(form, shape);
  const postedKey = fieldValue(form, FIELD.idempotencyKey).trim();
  let idempotencyKey = isIdempotencyKey(postedKey) ? postedKey : newKey();
  const invalid = (status: number, errors: Record<string, string>, formError?: string, slots?: ResolvedSlots): ReceiveOutcome => ({
    kind: 'invalid',
    status,
    errors,
    ...(formError ? { formError } : {}),
    values,
    ...(slots ? stagedForForm(slots) : { stagedPhotos: [], stagedFiles: {} }),
    refusedPhotos: slots ? slots.refusedPhotos : [],
    idempotencyKey,
  });
  const dropped = form.files.length > 0 ? '本次选择的照片和附件没有保存，请改正后重新选择。' : '';

  const late = lateRefusal(context);
  if (late) return invalid(403, {}, late);

  const check = await authenticateUnit(context, {
    unitId: fieldValue(form, FIELD.unitId),
    code: fieldValue(form, FIELD.code),
    grant: fieldValue(form, FIELD.grant),
  });
  if (!check.ok) return invalid(check.status, { [check.field]: check.message }, `${check.message}${dropped}`);
  const unit = check.unit;

  const earlier = findByIdempotencyKey(context.db, idempotencyKey);
  if (earlier && earlier.unitId === unit.id) {
    return { kind: 'stored', stored: earlier, receiptUrl: receiptUrl(context.db, earlier.number) };
  }
  if (earlier) idempotencyKey = newKey();

  const slots = await resolveSlots(context, unit.id, photoSlots(form, shape.photoMax), attachmentSlots(form, shape.essayCount));
  for (const name of Object.keys(values)) if (/^photo_caption_\d+$/.test(name)) delete values[name];
  Object.assign(values, renumberedCaptions(slots.photos));

  const checked = checkSubmission({
    values,
    photos: slots.photos.map((photo) => ({ caption: photo.caption })),
    filesPresent: new Set(Object.keys(slots.attachments)),
    ...shape,
  });
  const errors = mergeErrors(form.errors, slots.errors, checked.ok ? {} : checked.errors);
  if (!checked.ok || Object.keys(errors).length > 0) {
    const kept = slots.photos.length + Object.keys(slots.attachments).length > 0 ? '已收到的照片和文件都已保存，不必重新上传。' : '';
    return invalid(422, errors, `还有内容需要修改，请查看标出的各项。${kept}`, slots);
  }
  return store(context, unit.id, idempotencyKey, checked.submission, slots);
}

/**
 * The first message per field wins (a field dropped for its length says so rather than "please fill
 * in"); every photo message is kept, joined, since photo slots renumber and have no field of their own.
 */
function mergeErrors(...sources: Record<string, string>[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of sources) {
    for (const [key, message] of Object.entries(source)) {
      const photo = key === ERROR_KEY.photos || /^photo_\d+$/.test(key);
      const target = photo ? ERROR_KEY.photos : key;
      if (merged[target] === undefined) merged[target] = message;
      else if (photo && !merged[target].includes(message)) merged[target] = `${merged[target]} ${message}`;
    }
  }
  return merged;
}

/** Stores what the schema parsed, with the files the slots resolved to. */
function store(
  context: SubmissionContext,
  unitId: number,
  idempotencyKey: string,
  submission: Submission,
  slots: ResolvedSlots,
): ReceiveOutcome {
  // Only the essays the unit wrote are stored, each at the position it was entered in, so a unit that
  // sends its second essay first still has 第 1 篇 listed as missing.
  const essays = submission.essays.flatMap((essay, index) => {
    if (!essayHasContent(essay)) return [];
    const n = index + 1;
    const fileId = slots.attachments[essayField(n, 'file') as FileFieldName]?.fileId ?? null;
    return [{ position: n, title: essay.title, author: essay.author, authorPosition: essay.position, body: essay.body, fileId }];
  });
  const stored = storeVersion(
    context.db,
    {
      unitId,
      idempotencyKey,
      contactPerson: submission.contactPerson,
      contactPhone: submission.contactPhone,
      activities: submission.activities.filter(rowStarted).map(toActivityRow),
      reportBody: submission.reportBody,
      reportFileId: slots.attachments.report_file?.fileId ?? null,
      infoText: submission.infoText,
      infoFileId: slots.attachments.info_file?.fileId ?? null,
      photos: slots.photos.map(({ staged }, i) => ({
        caption: submission.photos[i]?.caption ?? '',
        fileId: staged.fileId,
        thumbFileId: staged.thumbFileId ?? staged.fileId,
        width: staged.width ?? 0,
        height: staged.height ?? 0,
      })),
      essays,
    },
    { now: context.now, late: isLate(context.now, context.campaign.deadlineAt), numberPrefix: numberPrefix(context) },
  );
  return { kind: 'stored', stored, receiptUrl: receiptUrl(context.db, stored.number) };
}
