/**
 * The one check of who is sending: a unit proves itself with its 报送码 once per form session and
 * then with the grant it got back (#server/submissions/unit-grant.ts). Uploads, reopening and the
 * final submit all ask here; the plain form, which has no grant, sends the code with the whole form.
 */
import { FIELD } from '#shared/submission/fields.ts';
import { normaliseCode, verifyUnitCode, type CodeCheck } from '#server/campaign/codes.ts';
import { findUnit, type Unit } from '#server/campaign/units.ts';
import { contactOf, type SubmissionContext } from './context.ts';
import { grantAllows, issueGrant } from './unit-grant.ts';

export interface UnitCredentials {
  unitId: string;
  code: string;
  /** '' when the sender has none (the plain form, the first upload). */
  grant: string;
}

export type UnitAuth = { ok: true; unit: Unit; grant: string } | Extract<CodeCheck, { ok: false }>;

export const GRANT_EXPIRED =
  '报送验证已过期（超过 1 小时没有操作，或组织方更换了报送码），请重新输入报送码。已上传的照片和文件都还在，不会丢失。';

export async function authenticateUnit(context: SubmissionContext, credentials: UnitCredentials): Promise<UnitAuth> {
  const { db, now } = context;
  const posted = credentials.unitId.trim();
  const unitId = /^\d{1,9}$/.test(posted) ? Number(posted) : 0;
  if (credentials.grant && unitId && grantAllows(db, credentials.grant, unitId, now)) {
    const unit = findUnit(db, unitId);
    if (unit) return { ok: true, unit, grant: issueGrant(db, unit.id, now) };
  }
  if (credentials.grant && normaliseCode(credentials.code) === '') {
    return { ok: false, status: 401, field: FIELD.code, message: GRANT_EXPIRED };
  }
  const check = await verifyUnitCode(db, {
    unitId: credentials.unitId,
    code: credentials.code,
    address: context.address,
    now,
    contact: contactOf(context),
  });
  return check.ok ? { ok: true, unit: check.unit, grant: issueGrant(db, check.unit.id, now) } : check;
}
