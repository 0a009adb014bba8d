import type { APIRoute } from 'astro';
import { audit } from '#server/admin/audit.ts';
import { essayOwner, setFeatured } from '#server/review/featured.ts';
import { requireAdmin } from '#server/admin/require-admin.ts';

export const prerender = false;

/** 评为优秀 / 撤回: form field `action` = mark | withdraw; answers with a redirect back to the submission. */
export const POST: APIRoute = async (context) => {
  const session = requireAdmin(context.locals);
  const { db } = context.locals;
  const id = /^\d{1,12}$/.test(context.params['id'] ?? '') ? Number(context.params['id']) : 0;
  const owner = id ? essayOwner(db, id) : null;
  const action = String((await context.request.formData()).get('action') ?? '');
  if (!owner || (action !== 'mark' && action !== 'withdraw')) {
    return new Response(JSON.stringify({ error: '找不到这篇学习感想，或操作不正确。请返回报送详情页刷新后再试。' }), {
      status: owner ? 400 : 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  }
  const mark = action === 'mark';
  setFeatured(db, owner.essayId, mark, session.username);
  audit(db, {
    username: session.username,
    action: mark ? 'feature' : 'unfeature',
    detail: `${owner.unitName}《${owner.title}》`,
    ip: context.locals.address,
  });
  const back = `/admin/units/${owner.unitId}/?v=${owner.versionNo}&done=${mark ? 'marked' : 'withdrawn'}#essay-${owner.essayId}`;
  return new Response(null, { status: 303, headers: { location: back } });
};
