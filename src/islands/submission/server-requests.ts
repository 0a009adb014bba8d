/**
 * The island's two JSON conversations with the server besides uploads: the final submit (retried
 * with the same idempotency key, so a repeat never makes a second version) and the reopen of what
 * a unit already sent.
 */
import { ENDPOINT, type ReopenResult } from '#shared/submission/form.ts';
import { isRetryableStatus, retryDelayMs } from '#shared/submission/upload-backoff.ts';

export type SubmitOutcome =
  | { kind: 'ok'; receiptUrl: string }
  | { kind: 'invalid'; errors: Record<string, string>; formError: string }
  | { kind: 'failed'; message: string };

const SUBMIT_TRIES = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const toForm = (entries: [string, string][]): FormData => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const stringRecord = (value: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') out[key] = text;
  return out;
};

export async function sendSubmission(entries: [string, string][]): Promise<SubmitOutcome> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(ENDPOINT.submit, {
        method: 'POST',
        body: toForm(entries),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch {
      if (attempt < SUBMIT_TRIES) {
        await sleep(retryDelayMs(attempt, Math.random()));
        continue;
      }
      return { kind: 'failed', message: '网络连接中断，提交没有完成。填写的内容和照片都保存在本机，请恢复网络后再点“提交报送材料”。' };
    }
    const body = await readJson(response);
    if (typeof body['receiptUrl'] === 'string') return { kind: 'ok', receiptUrl: body['receiptUrl'] };
    if (response.ok && response.redirected) return { kind: 'ok', receiptUrl: response.url };
    const errors = stringRecord(body['errors']);
    const formError = typeof body['formError'] === 'string' ? body['formError'] : typeof body['error'] === 'string' ? body['error'] : '';
    if (Object.keys(errors).length > 0 || formError) return { kind: 'invalid', errors, formError };
    if (isRetryableStatus(response.status) && attempt < SUBMIT_TRIES) {
      await sleep(retryDelayMs(attempt, Math.random()));
      continue;
    }
    return {
      kind: 'failed',
      message: `提交没有成功（服务器返回代码 ${response.status}）。填写的内容和照片都保存在本机，请稍后再试；多次不成功请联系组织方。`,
    };
  }
}

/** Loads the current version of a unit's submission for revising; a Chinese error otherwise. */
export async function reopenSubmission(unitId: string, code: string): Promise<ReopenResult> {
  const form = new FormData();
  form.append('unit_id', unitId);
  form.append('code', code);
  try {
    const response = await fetch(ENDPOINT.reopen, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    const body = await readJson(response);
    if (typeof body['error'] === 'string') return { error: body['error'] };
    if (!response.ok || typeof body['values'] !== 'object' || !body['revising']) {
      return { error: `没能载入已报送的内容（服务器返回代码 ${response.status}），请稍后再试。` };
    }
    return body as unknown as ReopenResult;
  } catch {
    return { error: '网络连接中断，没能载入已报送的内容，请恢复网络后再试。' };
  }
}
