/**
 * Between the files on the form and their records in the draft: metadata goes into the draft
 * record, bytes into blob records (see draft-store.ts), and both come back after a reload.
 */
import type { DraftAttachment, DraftPhoto, SubmissionDraft } from '#shared/submission/draft.ts';
import type { StagedFile, StagedPhoto } from '#shared/submission/form.ts';
import { loadBlob } from './draft-store.ts';
import { newUploadItem, type PhotoItem, type UploadItem } from './upload-item.ts';

export function photoToDraft(item: PhotoItem): DraftPhoto {
  const photo: DraftPhoto = { id: item.id, name: item.name, caption: item.caption, hasBlob: item.stored };
  if (item.token) photo.token = item.token;
  if (item.tokenUnitId) photo.tokenUnitId = item.tokenUnitId;
  if (item.thumbUrl) photo.thumbUrl = item.thumbUrl;
  if (item.width && item.height) Object.assign(photo, { width: item.width, height: item.height });
  return photo;
}

export function attachmentToDraft(item: UploadItem): DraftAttachment {
  const attachment: DraftAttachment = { name: item.name, hasBlob: item.stored };
  if (item.blob) attachment.bytes = item.blob.size;
  if (item.token) attachment.token = item.token;
  if (item.tokenUnitId) attachment.tokenUnitId = item.tokenUnitId;
  return attachment;
}

/** A photo the server already holds (reopened version, or kept by a failed no-JS post). */
export function stagedPhotoItem(photo: StagedPhoto, id: string, unitId: string): PhotoItem {
  return {
    ...newUploadItem(id, 'photo', '已收到的照片'),
    caption: photo.caption,
    token: photo.token,
    tokenUnitId: unitId,
    thumbUrl: photo.thumbUrl,
    previewUrl: photo.thumbUrl,
    width: photo.width,
    height: photo.height,
    status: 'done',
    progress: 1,
  };
}

export function stagedFileItem(field: string, file: StagedFile, id: string, unitId: string): UploadItem {
  return { ...newUploadItem(id, field, file.name), token: file.token, tokenUnitId: unitId, status: 'done', progress: 1 };
}

async function restoreItem(
  namespace: string,
  id: string,
  kind: string,
  name: string,
  record: { hasBlob: boolean; token?: string; tokenUnitId?: string },
): Promise<UploadItem | undefined> {
  const stored = record.hasBlob ? await loadBlob(namespace, id) : undefined;
  if (!stored && !record.token) return undefined;
  const item = newUploadItem(id, kind, name);
  item.blob = stored?.blob;
  item.stored = !!stored;
  item.preview = stored?.preview;
  item.previewUrl = stored?.preview ? URL.createObjectURL(stored.preview) : undefined;
  item.token = record.token;
  item.tokenUnitId = record.tokenUnitId;
  item.status = record.token ? 'done' : 'waiting';
  item.progress = record.token ? 1 : 0;
  return item;
}

/** The files of a restored draft, with their bytes read back from IndexedDB. */
export async function restoreDraftItems(
  namespace: string,
  draft: SubmissionDraft,
): Promise<{ photos: PhotoItem[]; attachments: Record<string, UploadItem> }> {
  const photos: PhotoItem[] = [];
  for (const photo of draft.photos) {
    const item = await restoreItem(namespace, photo.id, 'photo', photo.name, photo);
    if (!item) continue;
    item.thumbUrl = photo.thumbUrl;
    item.previewUrl ??= photo.thumbUrl;
    item.width = photo.width;
    item.height = photo.height;
    photos.push({ ...item, caption: photo.caption });
  }
  const attachments: Record<string, UploadItem> = {};
  for (const field of Object.keys(draft.attachments)) {
    const record = draft.attachments[field]!;
    const item = await restoreItem(namespace, `file-${field}`, field, record.name, record);
    if (item) attachments[field] = item;
  }
  return { photos, attachments };
}
