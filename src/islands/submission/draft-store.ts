/**
 * The draft in IndexedDB (idb-keyval): one small record with text and photo metadata, rewritten on
 * every change, and one record per photo or attachment holding its bytes, written once.
 * Some engines (private windows, old X5 builds) refuse IndexedDB or Blobs in it; every call
 * reports failure instead of throwing so the form keeps working, only without a draft.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { draftBlobKey, draftMetaKey, parseDraft, type SubmissionDraft } from '#shared/submission/draft.ts';
import { readArrayBuffer } from './read-blob.ts';

export interface StoredBlob {
  blob: Blob;
  /** A small JPEG shown in the list before the server's thumbnail exists. */
  preview?: Blob;
}

/** Where the drafts live: one IndexedDB database with one object store. */
export const DRAFT_DATABASE = { name: 'baosong-drafts', store: 'drafts' } as const;

let store: UseStore | undefined;
function draftStore(): UseStore {
  store ??= createStore(DRAFT_DATABASE.name, DRAFT_DATABASE.store);
  return store;
}

/** Engines that cannot store a Blob in IndexedDB get its bytes instead. */
interface BlobAsBytes {
  bytes: ArrayBuffer;
  type: string;
}
type Storable = Blob | BlobAsBytes;
const revive = (value: Storable | undefined): Blob | undefined =>
  value === undefined ? undefined : value instanceof Blob ? value : new Blob([value.bytes], { type: value.type });

export async function saveDraftMeta(namespace: string, draft: SubmissionDraft): Promise<boolean> {
  try {
    await set(draftMetaKey(namespace), draft, draftStore());
    return true;
  } catch {
    return false;
  }
}

export async function loadDraft(namespace: string): Promise<SubmissionDraft | undefined> {
  try {
    return parseDraft(await get(draftMetaKey(namespace), draftStore()));
  } catch {
    return undefined;
  }
}

export async function saveBlob(namespace: string, id: string, value: StoredBlob): Promise<boolean> {
  const key = draftBlobKey(namespace, id);
  try {
    await set(key, value, draftStore());
    return true;
  } catch {
    try {
      const asBytes = async (blob: Blob): Promise<BlobAsBytes> => ({ bytes: await readArrayBuffer(blob), type: blob.type });
      await set(
        key,
        { blob: await asBytes(value.blob), ...(value.preview ? { preview: await asBytes(value.preview) } : {}) },
        draftStore(),
      );
      return true;
    } catch {
      return false;
    }
  }
}

export async function loadBlob(namespace: string, id: string): Promise<StoredBlob | undefined> {
  try {
    const raw = (await get(draftBlobKey(namespace, id), draftStore())) as { blob?: Storable; preview?: Storable } | undefined;
    const blob = revive(raw?.blob);
    if (!blob) return undefined;
    const preview = revive(raw?.preview);
    return preview ? { blob, preview } : { blob };
  } catch {
    return undefined;
  }
}

export async function deleteBlob(namespace: string, id: string): Promise<void> {
  try {
    await del(draftBlobKey(namespace, id), draftStore());
  } catch {
    // Nothing to free, or storage is gone: either way the draft no longer points at it.
  }
}

/** Removes the draft and every blob stored for it, including ones a crash left behind. */
export async function clearDraft(namespace: string): Promise<void> {
  const blobPrefix = draftBlobKey(namespace, '');
  try {
    const all = await keys(draftStore());
    const mine = all.filter((key) => typeof key === 'string' && (key === draftMetaKey(namespace) || key.startsWith(blobPrefix)));
    await Promise.all(mine.map((key) => del(key, draftStore())));
  } catch {
    // Storage is gone: there is nothing left to clear.
  }
}
