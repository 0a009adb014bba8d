import type { APIRoute } from 'astro';
import { database, transaction } from '#server/db/database.ts';
import { audit } from '#server/admin/audit.ts';
import { itemLabel, parseItem, setAdopted } from '#server/review/adoption.ts';
import { reviewTarget } from '#server/review/decisions.ts';
import { clientIp, requireAdmin } from '#server/http/request-info.ts';

export const prerender = false;

const notFound = () =>
  new Response(JSON.stringify({ error: '找不到要标为采用的材料。请返回报送详情页刷新后再试。' }), {
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/** 采用 / 撤回采用 an item of the unit's current version: fields version_id, item, action = mark | withdraw. */
export const POST: APIRoute = async (context) => {
  const session = requireAdmin(context.locals);
  const db = database();
  const unitId = /^\d{1,9}$/.test(context.params['id'] ?? '') ? Number(context.params['id']) : 0;
  const form = await context.request.formData().catch(() => new FormData());
  const versionText = String(form.get('version_id') ?? '');
  const item = parseItem(String(form.get('item') ?? ''));
  const action = String(form.get('action') ?? '');
  if (!item || !/^\d{1,12}$/.test(versionText) || (action !== 'mark' && action !== 'withdraw')) return notFound();
  const back = (query: string) => new Response(null, { status: 303, headers: { location: `/admin/units/${unitId}/?${query}` } });
  return transaction(db, () => {
    const target = reviewTarget(db, unitId, Number(versionText));
    const label = target ? itemLabel(db, target.versionId, item) : undefined;
    if (!target || !label) return notFound();
    // A mark on a replaced version would adopt what the unit has since changed.
    if (!target.isCurrent) return back('adopt_error=stale');
    const mark = action === 'mark';
    setAdopted(db, target.versionId, item, mark, session.username);
    audit(db, {
      username: session.username,
      action: mark ? 'adopt' : 'unadopt',
      detail: `${target.unitName} 第 ${target.versionNo} 版 ${label}`,
      ip: clientIp(context),
    });
    return back(`done=${mark ? 'adopted' : 'unadopted'}`);
  });
};
