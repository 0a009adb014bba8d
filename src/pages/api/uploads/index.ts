import type { APIRoute } from 'astro';
import { answerSafely } from '#server/submissions/http.ts';
import { uploadApi } from '#server/submissions/uploads.ts';

export const prerender = false;

/** One photo or attachment: unit_id, code, kind, file → {token, thumbUrl, width, height} | {error}. */
export const POST: APIRoute = ({ request, locals }) => answerSafely(() => uploadApi(request, locals));
