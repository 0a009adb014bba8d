/**
 * Uploads photos and attachments one at a time (a weak uplink shared by several files finishes
 * none of them), retries by itself with backoff after network failures, and waits for the unit
 * and 报送码 before sending anything: the server only takes files for a unit with a valid code.
 */
import { ENDPOINT } from '../../shared/submission-form.ts';
import { LIMITS, formatMegabytes } from '../../shared/limits.ts';
import { MAX_AUTO_RETRIES, isRetryableStatus, retryDelayMs } from '../../shared/upload-backoff.ts';
import { randomKey } from '../../shared/random-key.ts';
import { postForm, type XhrResult, type XhrUpload } from './upload-xhr.ts';
import { preparePhoto, type PreparedPhoto } from './prepare-photo.ts';
import { newUploadItem, type PhotoItem, type UploadItem } from './upload-item.ts';

export interface Credentials {
  unitId: string;
  code: string;
}

export interface QueueHooks {
  credentials(): Credentials | undefined;
  /** The bytes of an item are ready: keep them in the draft. */
  prepared(item: UploadItem): void;
  /** An item left the form: drop its bytes from the draft. */
  removed(id: string): void;
}

const PENDING = new Set(['preparing', 'waiting', 'uploading']);

export class UploadQueue {
  photos = $state<PhotoItem[]>([]);
  attachments = $state<Record<string, UploadItem>>({});
  /** The server refused the unit or 报送码; nothing is sent until they change. */
  credentialsError = $state('');

  #hooks: QueueHooks;
  #active: { id: string; upload: XhrUpload; credentials: Credentials } | undefined;
  #abortedOnPurpose = false;
  #wakeTimer: ReturnType<typeof setTimeout> | undefined;
  #idleWaiters: (() => void)[] = [];
  #preparing: Promise<void> = Promise.resolve();

  constructor(hooks: QueueHooks) {
    this.#hooks = hooks;
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
      item.message = `这张照片有 ${formatMegabytes(prepared.blob.size)}，超过了 ${formatMegabytes(LIMITS.photoBytes)} 的上限，请删去后换一张。`;
    } else {
      item.status = 'waiting';
    }
    this.#hooks.prepared(item);
    this.pump();
  }

  /** An attachment chosen for a file field; replaces the one before. */
  setAttachment(field: string, file: Blob, name: string): UploadItem {
    this.removeAttachment(field);
    // One record per field: a replaced attachment's bytes are overwritten, never left behind.
    const item = { ...newUploadItem(`file-${field}`, field, name), blob: file };
    this.attachments[field] = item;
    const live = this.attachments[field]!;
    this.#hooks.prepared(live);
    this.pump();
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
    this.pump();
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
      if (item && item.blob) Object.assign(item, { token: undefined, tokenUnitId: undefined, status: 'waiting', attempts: 0, retryAt: 0, message: '' });
    }
    this.pump();
  }

  movePhoto(id: string, step: -1 | 1): void {
    const index = this.photos.findIndex((photo) => photo.id === id);
    const target = index + step;
    if (index < 0 || target < 0 || target >= this.photos.length) return;
    const [moved] = this.photos.splice(index, 1);
    this.photos.splice(target, 0, moved!);
  }

  #forget(item: UploadItem): void {
    if (this.#active?.id === item.id) {
      this.#abortedOnPurpose = true;
      this.#active.upload.abort();
    }
    if (item.previewUrl?.startsWith('blob:')) URL.revokeObjectURL(item.previewUrl);
    this.#hooks.removed(item.id);
  }

  /** The 重试 button: a fresh round of automatic retries. */
  retry(id: string): void {
    const item = this.find(id);
    if (!item || !item.blob) return;
    Object.assign(item, { status: 'waiting', attempts: 0, retryAt: 0, message: '' });
    this.pump();
  }

  /** Back online, or the liaison pressed 提交: stop waiting out the backoff. */
  retryNow(): void {
    for (const item of this.all()) if (item.status === 'waiting') item.retryAt = 0;
    this.pump();
  }

  /**
   * The unit or the 报送码 changed: a token issued for another unit is useless, and a refused
   * code may now be right.
   */
  credentialsChanged(): void {
    const credentials = this.#hooks.credentials();
    this.credentialsError = '';
    for (const item of this.all()) {
      if (item.token && item.blob && credentials && item.tokenUnitId !== credentials.unitId) {
        Object.assign(item, { token: undefined, tokenUnitId: undefined, status: 'waiting', progress: 0, retryAt: 0 });
      }
    }
    const active = this.#active;
    if (active && (!credentials || active.credentials.unitId !== credentials.unitId || active.credentials.code !== credentials.code)) {
      this.#abortedOnPurpose = true;
      active.upload.abort();
    }
    this.pump();
  }

  /** True while some file is still being compressed or sent (or will be retried). */
  busy(): boolean {
    return this.all().some((item) => PENDING.has(item.status));
  }

  /** Resolves once nothing more can happen without the liaison: all sent, failed, or blocked. */
  whenSettled(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
      this.pump();
    });
  }

  pump(): void {
    if (this.#active) return;
    const credentials = this.#hooks.credentials();
    const now = Date.now();
    const blocked = !credentials || this.credentialsError !== '';
    const items = this.all();
    const next = blocked ? undefined : items.find((item) => item.status === 'waiting' && item.blob && item.retryAt <= now);
    if (next && credentials) {
      this.#start(next, credentials);
      return;
    }
    const later = blocked ? [] : items.filter((item) => item.status === 'waiting' && item.blob);
    if (later.length > 0) {
      const wakeAt = Math.min(...later.map((item) => item.retryAt));
      if (this.#wakeTimer) clearTimeout(this.#wakeTimer);
      this.#wakeTimer = setTimeout(() => this.pump(), Math.max(0, wakeAt - now));
      return;
    }
    if (items.some((item) => item.status === 'preparing')) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #start(item: UploadItem, credentials: Credentials): void {
    Object.assign(item, { status: 'uploading', progress: 0, message: '' });
    const form = new FormData();
    form.append('unit_id', credentials.unitId);
    form.append('code', credentials.code);
    form.append('kind', item.kind);
    form.append('file', item.blob!, item.name);
    const id = item.id;
    const upload = postForm(ENDPOINT.upload, form, (fraction) => {
      const live = this.find(id);
      if (live) live.progress = fraction;
    });
    this.#active = { id, upload, credentials };
    void upload.done.then((result) => {
      this.#active = undefined;
      const onPurpose = this.#abortedOnPurpose;
      this.#abortedOnPurpose = false;
      const live = this.find(id);
      if (live) {
        if (onPurpose) Object.assign(live, { status: 'waiting', progress: 0 });
        else this.#finish(live, result, credentials);
      }
      this.pump();
    });
  }

  #finish(item: UploadItem, result: XhrResult, credentials: Credentials): void {
    // The answer is an UploadResult when the server is ours and well; a proxy error page is not.
    const body = (typeof result.body === 'object' && result.body !== null ? result.body : {}) as Record<string, unknown>;
    if (result.status >= 200 && result.status < 300 && typeof body['token'] === 'string') {
      Object.assign(item, {
        status: 'done',
        progress: 1,
        token: body['token'],
        tokenUnitId: credentials.unitId,
        thumbUrl: typeof body['thumbUrl'] === 'string' ? body['thumbUrl'] : undefined,
        message: '',
      });
      if (typeof body['width'] === 'number' && typeof body['height'] === 'number') Object.assign(item, { width: body['width'], height: body['height'] });
      if (!item.previewUrl && item.thumbUrl) item.previewUrl = item.thumbUrl;
      return;
    }
    const serverSays = typeof body['error'] === 'string' ? body['error'] : '';
    // A wrong code (401), a closed campaign (403) or a code locked after too many wrong tries (429):
    // retrying by itself would only lengthen the lock, so uploads wait for the liaison.
    if (result.status === 401 || result.status === 403 || result.status === 429) {
      this.credentialsError = serverSays || '报送码与所选单位不符，请核对后重新填写。';
      Object.assign(item, { status: 'waiting', progress: 0, retryAt: 0, message: '请先核对单位和报送码，改正后会自动上传。' });
      return;
    }
    if (!isRetryableStatus(result.status)) {
      Object.assign(item, {
        status: 'failed',
        progress: 0,
        attempts: MAX_AUTO_RETRIES,
        message: serverSays || `服务器没有接收这个文件（代码 ${result.status}）。请删去后换一个文件，或联系组织方。`,
      });
      return;
    }
    item.attempts += 1;
    if (item.attempts <= MAX_AUTO_RETRIES) {
      Object.assign(item, {
        status: 'waiting',
        progress: 0,
        retryAt: Date.now() + retryDelayMs(item.attempts, Math.random()),
        message: `网络不稳定，正在自动重试（第 ${item.attempts} 次）……`,
      });
    } else {
      Object.assign(item, {
        status: 'failed',
        progress: 0,
        message: '多次上传没有成功。请检查网络后点“重试”；照片已保存在本机，不会丢失。',
      });
    }
  }
}
