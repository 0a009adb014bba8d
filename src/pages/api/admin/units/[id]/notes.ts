import type { APIRoute } from 'astro';
import { audit } from '#server/admin/audit.ts';
import { addNote, readNote } from '#server/review/supervision.ts';
import { findUnit } from '#server/campaign/units.ts';
import { requireAdmin } from '#server/admin/require-admin.ts';

export const prerender = false;

/** Adds a 督导 note to the unit; redirects back to the unit's page, with the problem when there is one. */
export const POST: APIRoute = async (context) => {
  const session = requireAdmin(context.locals);
  const { db } = context.locals;
  const unitId = /^\d{1,9}$/.test(context.params['id'] ?? '') ? Number(context.params['id']) : 0;
  const unitName = unitId ? findUnit(db, unitId)?.name : undefined;
  if (!unitName) {
    return new Response(JSON.stringify({ error: '找不到这个单位。请返回报送进度页刷新后再试。' }), {
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  }
  const read = readNote(await context.request.formData().catch(() => new FormData()));
  const back = (query: string) => new Response(null, { status: 303, headers: { location: `/admin/units/${unitId}/?${query}#dudao` } });
  if (!read.ok) return back(`note_error=${read.problem}`);
  addNote(db, unitId, read.note, session.username);
  audit(db, {
    username: session.username,
    action: 'supervision_note',
    detail: `${unitName} ${read.note.checkedOn} ${read.note.method}：${read.note.findings}`,
    ip: context.locals.address,
  });
  return back('done=note');
};
