import type { APIRoute } from 'astro';
import { answerSafely, reopenApi } from '#server/submissions/http.ts';

export const prerender = false;

/** unit_id + code → the unit's current version with its files staged again, for revising. */
export const POST: APIRoute = ({ request, locals }) => answerSafely(() => reopenApi(request, locals));
