import type { APIRoute } from 'astro';
import { handleReview } from '#server/admin/review-request.ts';
import { requireAdmin } from '#server/admin/require-admin.ts';

export const prerender = false;

/** 通过 / 退回修改 the unit's current version: fields decision, comment, version_id; redirects back to the unit. */
export const POST: APIRoute = async (context) => {
  const session = requireAdmin(context.locals);
  const unitId = /^\d{1,9}$/.test(context.params['id'] ?? '') ? Number(context.params['id']) : 0;
  const fields = await context.request.formData().catch(() => new FormData());
  const outcome = handleReview(context.locals.db, unitId, fields, { username: session.username, ip: context.locals.address });
  if (outcome.kind === 'not-found') {
    return new Response(JSON.stringify({ error: '找不到这个单位的这份报送材料。请返回报送进度页刷新后再试。' }), {
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  }
  return new Response(null, { status: 303, headers: { location: outcome.location } });
};
