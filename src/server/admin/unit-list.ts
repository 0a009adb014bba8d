import type { DatabaseSync } from 'node:sqlite';
import { flag, integer, optionalText, text } from '#server/db/row.ts';

/** A unit as the unit-list page shows it: contacts and whether a 报送码 is out (never the code). */
export interface UnitListEntry {
  id: number;
  name: string;
  category: string;
  contactPerson: string;
  contactPhone: string;
  active: boolean;
  codeIssuedAt: string | null;
  submitted: boolean;
}

export function unitList(db: DatabaseSync): UnitListEntry[] {
  const rows = db
    .prepare(
      `SELECT u.id, u.name, u.category, u.contact_person, u.contact_phone, u.active, u.code_issued_at,
         EXISTS (SELECT 1 FROM submissions s WHERE s.unit_id = u.id) AS submitted
       FROM units u ORDER BY u.active DESC, u.sort_order, u.id`,
    )
    .all();
  return rows.map((row) => ({
    id: integer(row, 'id'),
    name: text(row, 'name'),
    category: text(row, 'category'),
    contactPerson: text(row, 'contact_person'),
    contactPhone: text(row, 'contact_phone'),
    active: flag(row, 'active'),
    codeIssuedAt: optionalText(row, 'code_issued_at'),
    submitted: flag(row, 'submitted'),
  }));
}

/** Ids posted by the checkboxes of the unit list, kept only when they name an active unit. */
export function activeUnitIds(db: DatabaseSync, posted: readonly string[]): number[] {
  const ids = [...new Set(posted.filter((v) => /^\d{1,9}$/.test(v)).map(Number))];
  const active = new Set(
    db
      .prepare('SELECT id FROM units WHERE active = 1')
      .all()
      .map((row) => integer(row, 'id')),
  );
  return ids.filter((id) => active.has(id));
}
