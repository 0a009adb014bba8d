import type { APIRoute } from 'astro';
import { database } from '#server/db/database.ts';
import { audit } from '#server/admin/audit.ts';
import { findAdoptionTarget, setAdopted } from '#server/review/adoption.ts';
import { clientIp, requireAdmin } from '#server/http/request-info.ts';

export const prerender = false;

const number = (value: FormDataEntryValue | null) => (typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : 0);

/** 采用 / 撤回采用 of a photo or a 工作信息: fields kind, id (the version), position (photos), action = adopt | withdraw. */
export const POST: APIRoute = async (context) => {
  const session = requireAdmin(context.locals);
  const db = database();
  const form = await context.request.formData();
  const action = String(form.get('action') ?? '');
  const target = findAdoptionTarget(db, String(form.get('kind') ?? ''), number(form.get('id')), number(form.get('position')));
  if (!target || (action !== 'adopt' && action !== 'withdraw')) {
    return new Response('找不到要采用的照片或工作信息，或操作不正确。请返回报送详情页刷新后再试。', {
      status: target ? 400 : 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const adopt = action === 'adopt';
  setAdopted(db, target, adopt, session.username);
  audit(db, {
    username: session.username,
    action: adopt ? 'adopt' : 'unadopt',
    detail: `${target.unitName} ${target.label}`,
    ip: clientIp(context),
  });
  const back = `/admin/units/${target.unitId}/?v=${target.versionNo}&done=${adopt ? 'adopted' : 'unadopted'}`;
  return new Response(null, { status: 303, headers: { location: back } });
};
