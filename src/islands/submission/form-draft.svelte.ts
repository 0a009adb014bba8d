/**
 * Keeps the form's draft on the device: saved a moment after every change and when the page is
 * hidden, restored after a reload or a crash, cleared only once the server has confirmed the
 * submission. Also owns the idempotency key, which must outlive a reload in the middle of a submit
 * (so the retry is recognised) but change as soon as the content changes.
 */
import { untrack } from 'svelte';
import { DRAFT_VERSION, draftHasContent, type SubmissionDraft } from '#shared/submission/draft.ts';
import { randomKey } from '#shared/random-key.ts';
import type { FormValues } from '#shared/submission/form-values.ts';
import { clearDraft, deleteBlob, loadDraft, saveBlob, saveDraftMeta } from './draft-store.ts';
import { attachmentToDraft, photoToDraft, restoreDraftItems } from './draft-items.ts';
import type { PhotoItem, UploadItem } from './upload-item.ts';
import { forgetCode } from './code-memory.ts';

export type DraftState = 'none' | 'saving' | 'saved' | 'restored' | 'unavailable';

export interface FormContent {
  values: FormValues;
  photos: PhotoItem[];
  attachments: Record<string, UploadItem>;
}

export interface RestoredDraft {
  values: FormValues;
  photos: PhotoItem[];
  attachments: Record<string, UploadItem>;
}

const SAVE_DELAY_MS = 600;
const clock = (date: Date) => {
  const pad = (n: number) => (n < 10 ? '0' : '') + n;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
};

export class FormDraft {
  state = $state<DraftState>('none');
  savedAt = $state('');
  idempotencyKey = $state('');

  #namespace: string;
  #read: () => FormContent;
  #ready = false;
  #keyUsed = false;
  #contentAtSubmit = '';
  #restoredContent = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(namespace: string, idempotencyKey: string, read: () => FormContent) {
    this.#namespace = namespace;
    this.idempotencyKey = idempotencyKey;
    this.#read = read;
    $effect(() => {
      const content = this.#content();
      untrack(() => this.#changed(content));
    });
    $effect(() => {
      const flush = () => {
        if (document.visibilityState === 'hidden') void this.#saveNow();
      };
      document.addEventListener('visibilitychange', flush);
      window.addEventListener('pagehide', flush);
      return () => {
        document.removeEventListener('visibilitychange', flush);
        window.removeEventListener('pagehide', flush);
      };
    });
  }

  /** The draft's content without the key: what decides whether the key is still valid. */
  #content(): string {
    const { values, photos, attachments } = this.#read();
    return JSON.stringify({
      values,
      photos: photos.map(photoToDraft),
      attachments: Object.keys(attachments).map((field) => [field, attachmentToDraft(attachments[field]!)]),
    });
  }

  #changed(content: string): void {
    if (!this.#ready) return;
    if (this.#keyUsed && content !== this.#contentAtSubmit) {
      this.idempotencyKey = randomKey();
      this.#keyUsed = false;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#saveNow(), SAVE_DELAY_MS);
  }

  #snapshot(): SubmissionDraft {
    const { values, photos, attachments } = this.#read();
    const byField: SubmissionDraft['attachments'] = {};
    for (const field of Object.keys(attachments)) byField[field] = attachmentToDraft(attachments[field]!);
    return {
      version: DRAFT_VERSION,
      savedAt: new Date().toISOString(),
      // Through JSON: IndexedDB cannot clone Svelte's state proxies.
      values: JSON.parse(JSON.stringify(values)) as FormValues,
      photos: photos.map(photoToDraft),
      attachments: byField,
      idempotencyKey: this.idempotencyKey,
      keyUsed: this.#keyUsed,
    };
  }

  async #saveNow(): Promise<void> {
    if (!this.#ready) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const snapshot = this.#snapshot();
    if (!draftHasContent(snapshot)) return;
    const ok = await saveDraftMeta(this.#namespace, snapshot);
    if (!ok) {
      this.state = 'unavailable';
      return;
    }
    if (this.state !== 'restored' || this.#content() !== this.#restoredContent) {
      this.state = 'saved';
      this.savedAt = clock(new Date());
    }
  }

  /**
   * Reads the stored draft (unless the server's own values take precedence) and hands it over,
   * then starts saving. Nothing is saved before, so an empty form never overwrites a draft.
   */
  async start(restore: boolean, apply: (draft: RestoredDraft) => void): Promise<void> {
    const stored = restore ? await loadDraft(this.#namespace) : undefined;
    if (stored && draftHasContent(stored)) {
      const items = await restoreDraftItems(this.#namespace, stored);
      apply({ values: stored.values, ...items });
      this.idempotencyKey = stored.idempotencyKey;
      this.#keyUsed = stored.keyUsed;
      this.#contentAtSubmit = this.#content();
      this.#restoredContent = this.#contentAtSubmit;
      this.state = 'restored';
      this.savedAt = clock(new Date(stored.savedAt));
    }
    this.#ready = true;
    // Text typed while the page was still loading is saved now, not at the next keystroke.
    this.#changed(this.#content());
  }

  /** Keeps a file's bytes with the draft so a reload does not lose the photo. */
  storeItem(item: UploadItem): void {
    if (!item.blob) return;
    const id = item.id;
    void saveBlob(this.#namespace, id, { blob: item.blob, ...(item.preview ? { preview: item.preview } : {}) }).then((ok) => {
      // The item may have left the form meanwhile; then its bytes must not linger either.
      const live = this.#find(id);
      if (live) live.stored = ok;
      else void deleteBlob(this.#namespace, id);
    });
  }

  #find(id: string): UploadItem | undefined {
    const { photos, attachments } = this.#read();
    return (
      photos.find((photo) => photo.id === id) ??
      Object.keys(attachments)
        .map((f) => attachments[f]!)
        .find((item) => item.id === id)
    );
  }

  forgetItem(id: string): void {
    void deleteBlob(this.#namespace, id);
  }

  /** Just before the submit leaves: a reload from here on retries with the same key. */
  async markSubmitted(): Promise<void> {
    this.#keyUsed = true;
    this.#contentAtSubmit = this.#content();
    await this.#saveNow();
  }

  /** After the server confirmed the submission. */
  async clear(): Promise<void> {
    this.#ready = false;
    if (this.#timer) clearTimeout(this.#timer);
    await clearDraft(this.#namespace);
    forgetCode(this.#namespace);
  }

  /** The 清除草稿 button: the stored draft and the form's content go; the liaison starts afresh. */
  async discard(reset: () => void): Promise<void> {
    if (!window.confirm('清除后，本页填写的文字和照片以及本机保存的草稿都将删除，且无法恢复。确定清除吗？')) return;
    await this.clear();
    reset();
    this.idempotencyKey = randomKey();
    this.#keyUsed = false;
    this.state = 'none';
    this.#ready = true;
  }
}
