/**
 * What the /baosong/ page renders: a blank form (GET), the receipt redirect after a plain post
 * that was stored, the same form with messages and everything kept after one that was not, or the
 * unit's current version reopened for revising (plain post to ?intent=reopen).
 */
import { submissionShape } from '#shared/submission/shape.ts';
import { randomBytes } from 'node:crypto';
import { toBeijingIso } from '#shared/campaign/deadline.ts';
import { activityWindowFor } from '#shared/submission/activities.ts';
import type { SubmissionFormProps } from '#shared/submission/form.ts';
import { contactOf, type SubmissionContext } from './context.ts';
import { SERVER_TROUBLE, reopenFromForm } from './http.ts';
import { receiveSubmission } from './receive.ts';
import { listUnits } from '#server/campaign/units.ts';

export type FormPage =
  | { kind: 'redirect'; location: string }
  | { kind: 'form'; status: number; props: SubmissionFormProps; reopenError?: string; receiptUrl?: string };

/** The form as a unit first sees it. */
export function blankProps(context: SubmissionContext): SubmissionFormProps {
  const { campaign } = context;
  return {
    units: listUnits(context.db).map((unit) => ({ id: unit.id, name: unit.name, category: unit.category })),
    categories: campaign.categories,
    deadlineIso: toBeijingIso(campaign.deadlineAt),
    deadlineLabel: campaign.deadline.label,
    latePolicy: campaign.latePolicy,
    nowIso: context.now.toISOString(),
    photoMin: campaign.requirements.photos.min,
    ...submissionShape(campaign.requirements, activityWindowFor(campaign.activitiesFrom, context.now)),
    values: {},
    errors: {},
    stagedPhotos: [],
    stagedFiles: {},
    idempotencyKey: randomBytes(16).toString('hex'),
    draftNamespace: campaign.id,
    organiserContact: contactOf(context),
  };
}

/** formPage, but a fault of the server itself still shows the form with a Chinese message. */
export async function safeFormPage(request: Request, context: SubmissionContext): Promise<FormPage> {
  try {
    return await formPage(request, context);
  } catch (fault) {
    console.error('submission page failed:', fault);
    return { kind: 'form', status: 500, props: { ...blankProps(context), formError: SERVER_TROUBLE } };
  }
}

export async function formPage(request: Request, context: SubmissionContext): Promise<FormPage> {
  const blank = blankProps(context);
  if (request.method !== 'POST') return { kind: 'form', status: 200, props: blank };

  if (new URL(request.url).searchParams.get('intent') === 'reopen') {
    const reopened = await reopenFromForm(request, context);
    if (!reopened.ok) return { kind: 'form', status: reopened.status, props: blank, reopenError: reopened.error };
    const { values, stagedPhotos, stagedFiles, revising, receiptUrl } = reopened.reopened;
    return { kind: 'form', status: 200, props: { ...blank, values, stagedPhotos, stagedFiles, revising }, receiptUrl };
  }

  const outcome = await receiveSubmission(request, context);
  if (outcome.kind === 'stored') return { kind: 'redirect', location: outcome.receiptUrl };
  if (outcome.kind === 'refused') return { kind: 'form', status: outcome.status, props: { ...blank, formError: outcome.message } };
  const { status, errors, formError, values, stagedPhotos, stagedFiles, refusedPhotos, idempotencyKey } = outcome;
  return {
    kind: 'form',
    status,
    props: { ...blank, values, errors, ...(formError ? { formError } : {}), stagedPhotos, stagedFiles, refusedPhotos, idempotencyKey },
  };
}
