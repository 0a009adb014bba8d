/**
 * Uploads photos and attachments one at a time (a weak uplink shared by several files finishes
 * none of them), retries by itself with backoff after network failures, and waits for the unit
 * and 报送码 before sending anything: the server only takes files for a unit with a valid code.
 */
import { ENDPOINT } from '#shared/submission/form.ts';
import { uploadOutcome } from '#shared/submission/upload-outcome.ts';
import { MAX_AUTO_RETRIES } from '#shared/submission/upload-backoff.ts';
import { postForm, type XhrResult, type XhrUpload } from './upload-xhr.ts';
import type { UploadItem } from './upload-item.ts';

export interface Credentials {
  unitId: string;
  code: string;
}

export interface QueueSource {
  credentials(): Credentials | undefined;
  /** Every file on the form, in the order they should go up. */
  items(): UploadItem[];
}

const PENDING = new Set(['preparing', 'waiting', 'uploading']);

export class UploadQueue {
  /** The server refused the unit or 报送码; nothing is sent until they change. */
  credentialsError = $state('');

  #source: QueueSource;
  #active: { id: string; upload: XhrUpload; credentials: Credentials } | undefined;
  /** The server's grant for the credentials it was given for: the code is then not checked again. */
  #grant: (Credentials & { grant: string }) | undefined;
  #abortedOnPurpose = false;
  #wakeTimer: ReturnType<typeof setTimeout> | undefined;
  #idleWaiters: (() => void)[] = [];

  constructor(source: QueueSource) {
    this.#source = source;
  }

  #find(id: string): UploadItem | undefined {
    return this.#source.items().find((item) => item.id === id);
  }

  /** The file left the form: stop sending it. */
  abandon(id: string): void {
    if (this.#active?.id !== id) return;
    this.#abortedOnPurpose = true;
    this.#active.upload.abort();
  }

  /** The 重试 button: a fresh round of automatic retries. */
  retry(id: string): void {
    const item = this.#find(id);
    if (!item || !item.blob) return;
    Object.assign(item, { status: 'waiting', attempts: 0, retryAt: 0, refused: false, message: '' });
    this.pump();
  }

  /** Back online, or the liaison pressed 提交: stop waiting out the backoff. */
  retryNow(): void {
    for (const item of this.#source.items()) if (item.status === 'waiting') item.retryAt = 0;
    this.pump();
  }

  /**
   * The unit or the 报送码 changed: a token issued for another unit is useless, and a refused
   * code may now be right.
   */
  credentialsChanged(): void {
    const credentials = this.#source.credentials();
    this.credentialsError = '';
    for (const item of this.#source.items()) {
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

  /** Keeps the grant the server gave for these credentials (a reopen, an upload). */
  keepGrant(credentials: Credentials, grant: string | undefined): void {
    if (grant) this.#grant = { ...credentials, grant };
  }

  /** The grant to send with these credentials, or '' when there is none for them. */
  grantFor(credentials: Credentials): string {
    const held = this.#grant;
    return held && held.unitId === credentials.unitId && held.code === credentials.code ? held.grant : '';
  }

  /** True while some file is still being compressed or sent (or will be retried). */
  busy(): boolean {
    return this.#source.items().some((item) => PENDING.has(item.status));
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
    const credentials = this.#source.credentials();
    const now = Date.now();
    const blocked = !credentials || this.credentialsError !== '';
    const items = this.#source.items();
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
    const grant = this.grantFor(credentials);
    if (grant) form.append('grant', grant);
    form.append('kind', item.kind);
    form.append('file', item.blob!, item.name);
    const id = item.id;
    const upload = postForm(ENDPOINT.upload, form, (fraction) => {
      const live = this.#find(id);
      if (live) live.progress = fraction;
    });
    this.#active = { id, upload, credentials };
    void upload.done.then((result) => {
      this.#active = undefined;
      const onPurpose = this.#abortedOnPurpose;
      this.#abortedOnPurpose = false;
      const live = this.#find(id);
      if (live) {
        if (onPurpose) Object.assign(live, { status: 'waiting', progress: 0 });
        else this.#finish(live, result, credentials);
      }
      this.pump();
    });
  }

  #finish(item: UploadItem, result: XhrResult, credentials: Credentials): void {
    const outcome = uploadOutcome(result.status, result.body, item.attempts, item.kind === 'photo' ? '照片' : '文件');
    switch (outcome.kind) {
      case 'stored':
        this.keepGrant(credentials, outcome.grant);
        Object.assign(item, {
          status: 'done',
          progress: 1,
          token: outcome.token,
          tokenUnitId: credentials.unitId,
          thumbUrl: outcome.thumbUrl,
          message: '',
        });
        if (outcome.width && outcome.height) Object.assign(item, { width: outcome.width, height: outcome.height });
        if (!item.previewUrl && item.thumbUrl) item.previewUrl = item.thumbUrl;
        return;
      case 'credentials':
        this.credentialsError = outcome.message;
        Object.assign(item, { status: 'waiting', progress: 0, retryAt: 0, message: '请先核对单位和报送码，改正后会自动上传。' });
        return;
      case 'refused':
        Object.assign(item, { status: 'failed', progress: 0, attempts: MAX_AUTO_RETRIES, refused: true, message: outcome.message });
        return;
      case 'retry':
        Object.assign(item, {
          status: 'waiting',
          progress: 0,
          attempts: outcome.attempt,
          retryAt: Date.now() + outcome.delayMs,
          message: outcome.message,
        });
        return;
      case 'gave-up':
        Object.assign(item, { status: 'failed', progress: 0, message: outcome.message });
    }
  }
}
