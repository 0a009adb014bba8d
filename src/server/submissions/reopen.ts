/**
 * Reopening: the current version of a unit's submission turned back into the form's values, with
 * its photos and attachments staged under fresh tokens, so the unit can revise and send a new
 * version without uploading anything again.
 */
import { FIELD, essayField, photoCaptionField } from '#shared/submission/fields.ts';
import type { FileFieldName, Revising, StagedFile, StagedPhoto } from '#shared/submission/form.ts';
import type { FormValues } from '#shared/submission/form-values.ts';
import { toBeijingIso } from '#shared/campaign/deadline.ts';
import { cleanSingleLine } from '#shared/submission/clean-text.ts';
import type { SubmissionContext } from './context.ts';
import { findSubmissionByUnit, loadVersion } from './read.ts';
import { PHOTO_KIND, restage, stagedThumbUrl } from './staging.ts';
import { transaction } from '#server/db/database.ts';
import { receiptUrl } from './links.ts';
import type { FileRecord } from '#server/files/store.ts';
import { latestDecision, reviewNote } from './review-decisions.ts';
import { activityField, ACTIVITY_FORMS } from '#shared/submission/activities.ts';
import type { StoredActivity } from './activities.ts';

/**
 * The 台账 as the form's fields. A row carried over from the old free-text fields comes back with
 * its words in date, form and participants, where the form asks the unit to put them right.
 */
function activityValues(activities: readonly StoredActivity[]): Record<string, string> {
  const values: Record<string, string> = {};
  activities.forEach((activity, i) => {
    const field = (part: Parameters<typeof activityField>[1]) => activityField(i + 1, part);
    if (activity.legacy) {
      const first = (activity.forms[0] ?? '').replace(/^其他：.*$/, '其他');
      values[field('date')] = activity.datesText;
      values[field('form')] = (ACTIVITY_FORMS as readonly string[]).indexOf(first) >= 0 ? first : '';
      values[field('form_other')] = (activity.forms.find((form) => form.startsWith('其他：')) ?? '').slice(3);
      values[field('participants')] = activity.participantsText;
      return;
    }
    values[field('date')] = activity.date;
    values[field('form')] = activity.form;
    values[field('form_other')] = activity.formOther;
    values[field('leader')] = activity.leader;
    values[field('participants')] = String(activity.participants);
    values[field('enterprise')] = activity.enterprise ? '1' : '';
    values[field('practice')] = activity.practice;
  });
  return values;
}

export interface Reopened {
  values: FormValues;
  stagedPhotos: StagedPhoto[];
  stagedFiles: Partial<Record<FileFieldName, StagedFile>>;
  revising: Revising;
  /** The current version's receipt, for a unit that lost the link it was given. */
  receiptUrl: string;
}

/** The unit's current version ready to edit, or undefined when it has not submitted yet. */
export function reopenCurrent(context: SubmissionContext, unitId: number): Reopened | undefined {
  const { db, now } = context;
  const submission = findSubmissionByUnit(db, unitId);
  const version = submission ? loadVersion(db, submission.id) : undefined;
  if (!submission || !version) return undefined;

  // One-line fields are folded as on save, so text stored before that rule reopens as it will be saved.
  const line = cleanSingleLine;
  const values: FormValues = {
    [FIELD.unitId]: String(unitId),
    [FIELD.contactPerson]: line(version.contactPerson),
    [FIELD.contactPhone]: line(version.contactPhone),
    [FIELD.reportBody]: version.reportBody,
    [FIELD.infoText]: version.infoText,
  };
  Object.assign(values, activityValues(version.activities));
  for (const essay of version.essays) {
    values[essayField(essay.position, 'title')] = line(essay.title);
    values[essayField(essay.position, 'author')] = line(essay.author);
    values[essayField(essay.position, 'position')] = line(essay.authorPosition);
    values[essayField(essay.position, 'body')] = essay.body;
  }
  version.photos.forEach((photo, i) => (values[photoCaptionField(i + 1)] = line(photo.caption)));

  return transaction(db, () => {
    const stagedPhotos = version.photos.map((photo) => {
      const token = restage(
        db,
        { unitId, kind: PHOTO_KIND, fileId: photo.file.id, thumbFileId: photo.thumb.id, width: photo.width, height: photo.height },
        now,
      );
      return { token, thumbUrl: stagedThumbUrl(token), caption: photo.caption, width: photo.width, height: photo.height };
    });
    const stagedFiles: Partial<Record<FileFieldName, StagedFile>> = {};
    const keep = (field: FileFieldName, file: FileRecord | undefined) => {
      if (!file) return;
      const token = restage(db, { unitId, kind: field, fileId: file.id, thumbFileId: null, width: null, height: null }, now);
      stagedFiles[field] = { token, name: file.originalName, bytes: file.bytes };
    };
    keep(FIELD.reportFile, version.reportFile);
    keep(FIELD.infoFile, version.infoFile);
    for (const essay of version.essays) keep(essayField(essay.position, 'file') as FileFieldName, essay.file);
    const decision = latestDecision(db, submission.id);
    const revising: Revising = {
      number: submission.number,
      versionNo: version.versionNo,
      submittedAtIso: toBeijingIso(version.submittedAt),
      ...(decision ? { review: reviewNote(decision) } : {}),
    };
    return {
      values,
      stagedPhotos,
      stagedFiles,
      revising,
      receiptUrl: receiptUrl(db, submission.number),
    };
  });
}
