/**
 * Sends one multipart request with XMLHttpRequest: fetch cannot report upload progress, and on a
 * weak uplink a bar that moves is what keeps a liaison from closing the page.
 */

export interface XhrResult {
  /** 0 when the network failed (no answer at all). */
  status: number;
  /** The parsed JSON answer, or undefined when the body was not JSON. */
  body: unknown;
}

export interface XhrUpload {
  done: Promise<XhrResult>;
  abort(): void;
}

/** A stalled upload (no progress for this long) is abandoned and retried. */
const STALL_MS = 60_000;

export function postForm(url: string, form: FormData, onProgress: (fraction: number) => void): XhrUpload {
  const xhr = new XMLHttpRequest();
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  const armStallTimer = () => {
    if (stallTimer) clearTimeout(stallTimer);
    stallTimer = setTimeout(() => xhr.abort(), STALL_MS);
  };
  const done = new Promise<XhrResult>((resolve) => {
    const finish = (status: number) => {
      if (stallTimer) clearTimeout(stallTimer);
      let body: unknown;
      try {
        body = status === 0 ? undefined : JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status, body });
    };
    xhr.upload.onprogress = (event) => {
      armStallTimer();
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => finish(xhr.status);
    xhr.onerror = () => finish(0);
    xhr.onabort = () => finish(0);
    xhr.ontimeout = () => finish(0);
  });
  xhr.open('POST', url);
  xhr.setRequestHeader('Accept', 'application/json');
  armStallTimer();
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}
