/**
 * What one answer from /api/uploads means for the file and for the liaison: kept (with its token),
 * wait for a corrected 报送码, refused for good, try again later, or give up and offer 重试.
 * Pure, so every branch is tested without a network.
 */
import { MAX_AUTO_RETRIES, isRetryableStatus, retryDelayMs } from './upload-backoff.ts';

export type UploadOutcome =
  | {
      kind: 'stored';
      token: string;
      thumbUrl: string | undefined;
      width: number | undefined;
      height: number | undefined;
      /** What to send instead of the 报送码 from now on, when the server gave one. */
      grant: string | undefined;
    }
  | { kind: 'credentials'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'retry'; attempt: number; delayMs: number; message: string }
  | { kind: 'gave-up'; message: string };

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const size = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : undefined);

/**
 * @param status HTTP status, 0 when the network failed
 * @param body the parsed JSON answer (anything: a proxy's error page parses to nothing)
 * @param retriesSoFar automatic retries already spent on this file
 * @param what 照片 or 文件, for the messages
 */
export function uploadOutcome(
  status: number,
  body: unknown,
  retriesSoFar: number,
  what: '照片' | '文件',
  random: number = Math.random(),
): UploadOutcome {
  const token = text(field(body, 'token'));
  if (status >= 200 && status < 300 && token) {
    return {
      kind: 'stored',
      token,
      thumbUrl: text(field(body, 'thumbUrl')),
      width: size(field(body, 'width')),
      height: size(field(body, 'height')),
      grant: text(field(body, 'grant')),
    };
  }
  const serverSays = text(field(body, 'error'));
  // A wrong code (401), a closed campaign (403) or a code locked after wrong tries (429): retrying
  // by itself would only lengthen the lock, so the file waits for the liaison to correct the code.
  if (status === 401 || status === 403 || status === 429) {
    return { kind: 'credentials', message: serverSays ?? '报送码与所选单位不符，请核对后重新填写。' };
  }
  if (!isRetryableStatus(status)) {
    return { kind: 'refused', message: serverSays ?? `服务器没有接收这个${what}（代码 ${status}）。请删去后换一个，或联系组织方。` };
  }
  const attempt = retriesSoFar + 1;
  if (attempt <= MAX_AUTO_RETRIES) {
    return { kind: 'retry', attempt, delayMs: retryDelayMs(attempt, random), message: `网络不稳定，正在自动重试（第 ${attempt} 次）……` };
  }
  return { kind: 'gave-up', message: `多次上传没有成功。请检查网络后点“重试”；${what}已保存在本机，不会丢失。` };
}
