/**
 * The photos and attachments on the form, in the liaison's order: added, compressed, captioned,
 * moved, removed, replaced by a reopened version. Sending them is the upload queue's job.
 */
import { LIMITS, formatMegabytes } from '#shared/limits.ts';
import { MAX_AUTO_RETRIES } from '#shared/submission/upload-backoff.ts';
import { randomKey } from '#shared/random-key.ts';
import { preparePhoto, type PreparedPhoto } from './prepare-photo.ts';
import { newUploadItem, type PhotoItem, type UploadItem } from './upload-item.ts';
import { UploadQueue, type Credentials } from './upload-queue.svelte.ts';

export interface FileHooks {
  credentials(): Credentials | undefined;
  /** The bytes of an item are ready: keep them in the draft. */
  prepared(item: UploadItem): void;
  /** An item left the form: drop its bytes from the draft. */
  removed(id: string): void;
}

export class FormFiles {
  photos = $state<PhotoItem[]>([]);
  attachments = $state<Record<string, UploadItem>>({});
  readonly queue: UploadQueue;

  #hooks: FileHooks;
  #preparing: Promise<void> = Promise.resolve();

  constructor(hooks: FileHooks) {
    this.#hooks = hooks;
    this.queue = new UploadQueue({ credentials: hooks.credentials, items: () => this.all() });
  }

  all(): UploadItem[] {
    const attachments = Object.keys(this.attachments).map((field) => this.attachments[field]!);
    return [...this.photos, ...attachments];
  }

  find(id: string): UploadItem | undefined {
    return this.all().find((item) => item.id === id);
  }

  /** Photos chosen on the device: shown at once, compressed one by one, then uploaded. */
  addPhotos(files: File[]): void {
    for (const file of files) {
      const id = randomKey(8);
      this.photos.push({ ...newUploadItem(id, 'photo', file.name || '照片'), caption: '', status: 'preparing' });
      // One decode at a time: a phone holding several 24-MP bitmaps at once runs out of memory.
      this.#preparing = this.#preparing.then(() => this.#prepare(id, file));
    }
  }

  async #prepare(id: string, file: File): Promise<void> {
    let prepared: PreparedPhoto;
    try {
      prepared = await preparePhoto(file);
    } catch {
      prepared = { blob: file, name: file.name || '照片', downscaled: false };
    }
    const item = this.find(id);
    if (!item) return;
    item.blob = prepared.blob;
    item.name = prepared.name;
    if (prepared.preview) {
      item.preview = prepared.preview;
      item.previewUrl = URL.createObjectURL(prepared.preview);
    }
    item.width = prepared.width;
    item.height = prepared.height;
    if (prepared.blob.size > LIMITS.photoBytes) {
      item.status = 'failed';
      item.attempts = MAX_AUTO_RETRIES;
      item.refused = true;
      item.message = `这张照片有 ${formatMegabytes(prepared.blob.size)}，超过了 ${formatMegabytes(LIMITS.photoBytes)} 的上限，请删去后换一张。`;
    } else {
      item.status = 'waiting';
    }
    this.#hooks.prepared(item);
    this.queue.pump();
  }

  /** An attachment chosen for a file field; replaces the one before. */
  setAttachment(field: string, file: Blob, name: string): UploadItem {
    this.removeAttachment(field);
    // One record per field: a replaced attachment's bytes are overwritten, never left behind.
    const item = { ...newUploadItem(`file-${field}`, field, name), blob: file };
    this.attachments[field] = item;
    const live = this.attachments[field]!;
    this.#hooks.prepared(live);
    this.queue.pump();
    return live;
  }

  removeAttachment(field: string): void {
    const item = this.attachments[field];
    if (!item) return;
    this.#forget(item);
    delete this.attachments[field];
  }

  removePhoto(id: string): void {
    const index = this.photos.findIndex((photo) => photo.id === id);
    if (index < 0) return;
    this.#forget(this.photos[index]!);
    this.photos.splice(index, 1);
  }

  setCaption(id: string, caption: string): void {
    const photo = this.photos.find((item) => item.id === id);
    if (photo) photo.caption = caption;
  }

  /** A reopened version or a restored draft takes the place of whatever the form held. */
  replaceItems(photos: PhotoItem[], attachments: Record<string, UploadItem>): void {
    for (const item of this.all()) this.#forget(item);
    this.photos = photos;
    this.attachments = attachments;
    this.queue.pump();
  }

  /**
   * The final submit named tokens the server no longer knows (expired, or for another unit):
   * files whose bytes are still here go up again; the others must be chosen again.
   */
  tokensRefused(errorKeys: string[]): void {
    for (const key of errorKeys) {
      const photo = /^photo_token_(\d+)$/.exec(key);
      const file = /^(.+)_token$/.exec(key);
      const item = photo ? this.photos[Number(photo[1]) - 1] : file ? this.attachments[file[1]!] : undefined;
      if (item && item.blob)
        Object.assign(item, { token: undefined, tokenUnitId: undefined, status: 'waiting', attempts: 0, retryAt: 0, message: '' });
    }
    this.queue.pump();
  }

  movePhoto(id: string, step: -1 | 1): void {
    const index = this.photos.findIndex((photo) => photo.id === id);
    const target = index + step;
    if (index < 0 || target < 0 || target >= this.photos.length) return;
    const [moved] = this.photos.splice(index, 1);
    this.photos.splice(target, 0, moved!);
  }

  #forget(item: UploadItem): void {
    this.queue.abandon(item.id);
    if (item.previewUrl?.startsWith('blob:')) URL.revokeObjectURL(item.previewUrl);
    this.#hooks.removed(item.id);
  }
}
