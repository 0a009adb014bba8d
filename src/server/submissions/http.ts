/**
 * The JSON endpoints of the enhanced form: the final submit (POST /api/submissions) and reopening
 * the current version (POST /api/submissions/current). Each takes a real Request and answers with
 * a Response, so tests call them exactly as the server does.
 */
import type { ReopenResult, SubmitResult } from '#shared/submission/form.ts';
import { FIELD } from '#shared/submission/fields.ts';
import { lateRefusal, type SubmissionContext } from './context.ts';
import { authenticateUnit } from './unit-auth.ts';
import { receiveSubmission } from './receive.ts';
import { reopenCurrent } from './reopen.ts';
import { readCappedForm } from '#server/http/capped-body.ts';

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** POST /api/submissions → 200 {receiptUrl} | 4xx {errors, formError}. */
export async function submitApi(request: Request, context: SubmissionContext): Promise<Response> {
  const outcome = await receiveSubmission(request, context);
  if (outcome.kind === 'stored') return json({ receiptUrl: outcome.receiptUrl } satisfies SubmitResult);
  if (outcome.kind === 'refused') return json({ errors: {}, formError: outcome.message } satisfies SubmitResult, outcome.status);
  const body: SubmitResult = { errors: outcome.errors, ...(outcome.formError ? { formError: outcome.formError } : {}) };
  return json(body, outcome.status);
}

const SMALL_FORM_BYTES = 16 * 1024;

/** A small urlencoded or multipart body (unit and code), read with a hard size cap. */
export async function readSmallForm(request: Request): Promise<FormData | undefined> {
  const form = await readCappedForm(request, SMALL_FORM_BYTES);
  return form === 'too-large' ? undefined : form;
}

export type CheckedReopen =
  { ok: true; reopened: NonNullable<ReturnType<typeof reopenCurrent>> & { grant: string } } | { ok: false; status: number; error: string };

/** Checks unit and code from a small form, then reopens the unit's current version. */
export async function reopenFromForm(request: Request, context: SubmissionContext): Promise<CheckedReopen> {
  const form = await readSmallForm(request);
  if (!form) return { ok: false, status: 400, error: '请选择报送单位并填写报送码。' };
  const late = lateRefusal(context);
  if (late) return { ok: false, status: 403, error: late };
  const check = await authenticateUnit(context, {
    unitId: String(form.get(FIELD.unitId) ?? ''),
    code: String(form.get(FIELD.code) ?? ''),
    grant: String(form.get(FIELD.grant) ?? ''),
  });
  if (!check.ok) return { ok: false, status: check.status, error: check.message };
  const reopened = reopenCurrent(context, check.unit.id);
  if (!reopened) return { ok: false, status: 404, error: `${check.unit.name}还没有报送过材料，请直接填写下面的表单。` };
  return { ok: true, reopened: { ...reopened, grant: check.grant } };
}

/** POST /api/submissions/current → 200 ReopenResult | 4xx {error}. */
export async function reopenApi(request: Request, context: SubmissionContext): Promise<Response> {
  const result = await reopenFromForm(request, context);
  if (!result.ok) return json({ error: result.error } satisfies ReopenResult, result.status);
  return json(result.reopened satisfies ReopenResult);
}

export const SERVER_TROUBLE = '服务器暂时出了问题，这次没有保存成功；之前已保存的内容不受影响。请稍后再试，多次不成功请联系组织方。';

/**
 * Runs a handler so that a fault of the server itself (a full disk, a bug) still answers in
 * Chinese and in the shape the form reads, and is logged for the operator; never a stack trace.
 */
export async function answerSafely(work: () => Promise<Response>, shape: 'error' | 'submit' = 'error'): Promise<Response> {
  try {
    return await work();
  } catch (fault) {
    console.error('submission endpoint failed:', fault);
    return json(shape === 'submit' ? { errors: {}, formError: SERVER_TROUBLE } : { error: SERVER_TROUBLE }, 500);
  }
}
