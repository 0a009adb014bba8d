/**
 * The draft a unit's liaison is filling in, as kept in the browser's IndexedDB so that a reload,
 * a crash or a lost connection never loses typed text or chosen photos. Blobs are stored under
 * keys of their own (draftBlobKey) so that typing does not rewrite megabytes of photos.
 * The 报送码 is never part of the draft: a shared office PC must not keep it.
 */
import type { FormValues } from './form-values.ts';

export const DRAFT_VERSION = 1;

export interface DraftPhoto {
  /** Local id; also names the photo's blob record. */
  id: string;
  /** The file name on the device. */
  name: string;
  caption: string;
  /** True when a blob record exists (a server-staged photo of a reopened version has none). */
  hasBlob: boolean;
  /** The /api/uploads token, once the server holds the photo. */
  token?: string;
  /** The unit the token was issued for: a token is useless after the liaison changes unit. */
  tokenUnitId?: string;
  thumbUrl?: string;
  width?: number;
  height?: number;
}

export interface DraftAttachment {
  name: string;
  hasBlob: boolean;
  bytes?: number;
  token?: string;
  tokenUnitId?: string;
}

export interface SubmissionDraft {
  version: typeof DRAFT_VERSION;
  savedAt: string;
  values: FormValues;
  photos: DraftPhoto[];
  /** Keyed by file field name (report_file, info_file, essay_N_file). */
  attachments: Record<string, DraftAttachment>;
  idempotencyKey: string;
  /** True once a submit was sent with idempotencyKey: the next change must use a new key. */
  keyUsed: boolean;
}

export const draftMetaKey = (namespace: string): string => `draft:${namespace}`;
export const draftBlobKey = (namespace: string, id: string): string => `draft:${namespace}:blob:${id}`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const optionalNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function parseValues(raw: unknown): FormValues {
  const values: FormValues = {};
  if (!isRecord(raw)) return values;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return values;
}

function parsePhoto(raw: unknown): DraftPhoto | undefined {
  if (!isRecord(raw) || typeof raw['id'] !== 'string' || raw['id'] === '') return undefined;
  const photo: DraftPhoto = {
    id: raw['id'],
    name: optionalString(raw['name']) ?? '照片',
    caption: optionalString(raw['caption']) ?? '',
    hasBlob: raw['hasBlob'] === true,
  };
  const token = optionalString(raw['token']);
  if (token) {
    photo.token = token;
    const unit = optionalString(raw['tokenUnitId']);
    if (unit) photo.tokenUnitId = unit;
  }
  const thumbUrl = optionalString(raw['thumbUrl']);
  if (thumbUrl) photo.thumbUrl = thumbUrl;
  const width = optionalNumber(raw['width']);
  const height = optionalNumber(raw['height']);
  if (width && height) Object.assign(photo, { width, height });
  // A photo with neither bytes nor a server token cannot be shown or sent: drop it.
  return photo.hasBlob || photo.token ? photo : undefined;
}

function parseAttachment(raw: unknown): DraftAttachment | undefined {
  if (!isRecord(raw)) return undefined;
  const attachment: DraftAttachment = { name: optionalString(raw['name']) ?? '附件', hasBlob: raw['hasBlob'] === true };
  const bytes = optionalNumber(raw['bytes']);
  if (bytes !== undefined) attachment.bytes = bytes;
  const token = optionalString(raw['token']);
  if (token) {
    attachment.token = token;
    const unit = optionalString(raw['tokenUnitId']);
    if (unit) attachment.tokenUnitId = unit;
  }
  return attachment.hasBlob || attachment.token ? attachment : undefined;
}

/**
 * Reads a stored draft defensively: IndexedDB may hold a draft written by an older version of the
 * form or half-written by a crash. Anything unusable is dropped; undefined when nothing is left.
 */
export function parseDraft(raw: unknown): SubmissionDraft | undefined {
  if (!isRecord(raw) || raw['version'] !== DRAFT_VERSION) return undefined;
  const photos: DraftPhoto[] = [];
  if (Array.isArray(raw['photos'])) {
    for (const item of raw['photos']) {
      const photo = parsePhoto(item);
      if (photo) photos.push(photo);
    }
  }
  const attachments: Record<string, DraftAttachment> = {};
  if (isRecord(raw['attachments'])) {
    for (const field of Object.keys(raw['attachments'])) {
      const attachment = parseAttachment(raw['attachments'][field]);
      if (attachment) attachments[field] = attachment;
    }
  }
  const idempotencyKey = optionalString(raw['idempotencyKey']);
  if (!idempotencyKey) return undefined;
  return {
    version: DRAFT_VERSION,
    savedAt: optionalString(raw['savedAt']) ?? new Date(0).toISOString(),
    values: parseValues(raw['values']),
    photos,
    attachments,
    idempotencyKey,
    keyUsed: raw['keyUsed'] === true,
  };
}

/** Whether a draft holds anything the liaison typed or chose (an empty form is not worth restoring). */
export function draftHasContent(draft: SubmissionDraft): boolean {
  if (draft.photos.length > 0 || Object.keys(draft.attachments).length > 0) return true;
  return Object.keys(draft.values).some((key) => {
    const value = draft.values[key];
    return Array.isArray(value) ? value.length > 0 : (value ?? '').trim() !== '';
  });
}
