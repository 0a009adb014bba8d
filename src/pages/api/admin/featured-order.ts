import type { APIRoute } from 'astro';
import { database } from '#server/db/database.ts';
import { audit } from '#server/admin/audit.ts';
import { listFeatured, setFeaturedOrder } from '#server/review/featured.ts';
import { clientIp, requireAdmin } from '#server/http/request-info.ts';
import { orderFromForm } from '#server/review/featured-order.ts';

export const prerender = false;

/**
 * The order of the 优秀 essays in the 汇编 and on /youxiu/: a number field rank_<essayId> per
 * essay, or a button move=<essayId>:up|down. Answers with a redirect back to the export page.
 */
export const POST: APIRoute = async (context) => {
  const session = requireAdmin(context.locals);
  const db = database();
  const form = await context.request.formData();
  const current = listFeatured(db).map((essay) => essay.essayId);
  const fields = new Map<string, string>();
  for (const [key, value] of form.entries()) if (typeof value === 'string') fields.set(key, value);
  const order = orderFromForm(current, fields);
  setFeaturedOrder(db, order);
  const titles = new Map(listFeatured(db).map((essay) => [essay.essayId, essay.title]));
  audit(db, {
    username: session.username,
    action: 'order_featured',
    detail: order.map((id, i) => `${i + 1}.《${titles.get(id) ?? id}》`).join(' '),
    ip: clientIp(context),
  });
  return new Response(null, { status: 303, headers: { location: '/admin/export/?done=order#order' } });
};
