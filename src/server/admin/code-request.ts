import type { DatabaseSync } from 'node:sqlite';
import { integer } from '#server/db/row.ts';
import { issueCodes, type IssuedCode } from '#server/campaign/codes.ts';
import { activeUnitIds } from './unit-list.ts';

export type CodeMode = 'missing' | 'selected' | 'all';

export type CodeOutcome = { ok: true; issued: IssuedCode[]; mode: CodeMode } | { ok: false; message: string };

/**
 * 报送码 for the units the organiser chose. Regenerating replaces codes already handed out, so it
 * needs the confirmation box; issuing to units without a code does not.
 */
export async function issueRequestedCodes(
  db: DatabaseSync,
  form: { mode: string; unitIds: readonly string[]; confirmed: boolean },
): Promise<CodeOutcome> {
  const mode = form.mode as CodeMode;
  if (mode === 'missing') {
    const issued = await issueCodes(db);
    return issued.length > 0
      ? { ok: true, issued, mode }
      : { ok: false, message: '所有单位都已有报送码，没有需要生成的。如需补发，请勾选单位后“重新生成”。' };
  }
  if (mode !== 'selected' && mode !== 'all') return { ok: false, message: '请选择要执行的操作。' };
  const ids =
    mode === 'all'
      ? activeUnitIds(
          db,
          db
            .prepare('SELECT id FROM units WHERE active = 1')
            .all()
            .map((row) => String(integer(row, 'id'))),
        )
      : activeUnitIds(db, form.unitIds);
  if (ids.length === 0) return { ok: false, message: '没有选中任何单位。请在单位列表中勾选要重新生成报送码的单位。' };
  if (!form.confirmed) {
    return { ok: false, message: '重新生成会让这些单位原来的报送码立即失效。请勾选“我知道重新生成后……”后再提交。' };
  }
  return { ok: true, issued: await issueCodes(db, ids), mode };
}
