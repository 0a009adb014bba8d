import type { APIRoute } from 'astro';
import { answerSafely, submitApi } from '#server/submissions/http.ts';

export const prerender = false;

/** The enhanced form's final submit: the form's fields with photo_token_N → {receiptUrl} | {errors, formError}. */
export const POST: APIRoute = ({ request, locals }) => answerSafely(() => submitApi(request, locals), 'submit');
