/**
 * Turns the posted photo and attachment slots into staged uploads of the authenticated unit:
 * new files are checked and stored (each failure becomes a Chinese message, the rest go on),
 * tokens are looked up and must belong to the unit. Nothing that passed is ever dropped.
 */
import { photoCaptionField } from '#shared/submission/fields.ts';
import { ERROR_KEY, type FileFieldName } from '#shared/submission/form.ts';
import { FileRefused } from '#server/files/sniff.ts';
import type { SubmissionContext } from './context.ts';
import type { AttachmentSlot, PhotoSlot } from './form-data.ts';
import { PHOTO_KIND, findStaged, stageAttachment, stagePhoto, type StagedUpload } from './staging.ts';

export interface ResolvedPhoto {
  staged: StagedUpload;
  caption: string;
}

export interface ResolvedSlots {
  photos: ResolvedPhoto[];
  attachments: Partial<Record<FileFieldName, StagedUpload>>;
  /** Keyed by attachment field or ERROR_KEY.photos. */
  errors: Record<string, string>;
  /** The photos that were not kept, with the caption typed for each, to be offered again. */
  refusedPhotos: { caption: string; message: string }[];
}

const messageOf = (error: unknown, fallback: string) => (error instanceof FileRefused ? error.message : fallback);

async function resolvePhoto(context: SubmissionContext, unitId: number, slot: PhotoSlot): Promise<StagedUpload | string> {
  if (slot.file) {
    try {
      return await stagePhoto(context.db, context.dataDir, unitId, slot.file, context.now);
    } catch (error) {
      return messageOf(error, `照片“${slot.file.filename}”没有保存成功，请重新上传。`);
    }
  }
  const staged = findStaged(context.db, slot.token ?? '', unitId, context.now);
  return staged && staged.kind === PHOTO_KIND ? staged : `第 ${slot.n} 张照片已失效（可能换了报送单位），请重新选择这张照片。`;
}

async function resolveAttachment(
  context: SubmissionContext,
  unitId: number,
  slot: AttachmentSlot,
): Promise<StagedUpload | string | undefined> {
  const kept = slot.token ? findStaged(context.db, slot.token, unitId, context.now) : undefined;
  const keptOk = kept && kept.kind === slot.field ? kept : undefined;
  if (slot.file) {
    try {
      return await stageAttachment(context.db, context.dataDir, unitId, slot.field, slot.file, context.now);
    } catch (error) {
      const message = messageOf(error, `文件“${slot.file.filename}”没有保存成功，请重新上传。`);
      return keptOk ? `${message}（已保留之前上传的“${keptOk.originalName}”。）` : message;
    }
  }
  if (slot.token && !keptOk) return '之前上传的文件已失效（可能换了报送单位），请重新选择文件。';
  return keptOk;
}

/** Stages what needs staging; photo errors are gathered under ERROR_KEY.photos since slots renumber. */
export async function resolveSlots(
  context: SubmissionContext,
  unitId: number,
  photoSlots: PhotoSlot[],
  attachmentSlots: AttachmentSlot[],
): Promise<ResolvedSlots> {
  const errors: Record<string, string> = {};
  const photoResults = await Promise.all(photoSlots.map((slot) => resolvePhoto(context, unitId, slot)));
  const photos: ResolvedPhoto[] = [];
  const photoErrors: string[] = [];
  const refusedPhotos: ResolvedSlots['refusedPhotos'] = [];
  photoResults.forEach((result, i) => {
    if (typeof result === 'string') {
      photoErrors.push(result);
      refusedPhotos.push({ caption: photoSlots[i]!.caption, message: result });
    } else photos.push({ staged: result, caption: photoSlots[i]!.caption });
  });
  if (photoErrors.length) errors[ERROR_KEY.photos] = photoErrors.join(' ');

  const attachments: Partial<Record<FileFieldName, StagedUpload>> = {};
  for (const slot of attachmentSlots) {
    const result = await resolveAttachment(context, unitId, slot);
    if (typeof result === 'string') {
      errors[slot.field] = result;
      // A refused replacement leaves the kept file in place.
      const kept = slot.token ? findStaged(context.db, slot.token, unitId, context.now) : undefined;
      if (kept && kept.kind === slot.field) attachments[slot.field] = kept;
    } else if (result) attachments[slot.field] = result;
  }
  return { photos, attachments, errors, refusedPhotos };
}

/** photo_caption_N renumbered to the photos' new order (the gaps of refused files closed). */
export function renumberedCaptions(photos: ResolvedPhoto[]): Record<string, string> {
  const captions: Record<string, string> = {};
  photos.forEach((photo, i) => (captions[photoCaptionField(i + 1)] = photo.caption));
  return captions;
}
