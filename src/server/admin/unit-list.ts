import type { DatabaseSync } from 'node:sqlite';

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
    .all() as {
    id: number;
    name: string;
    category: string;
    contact_person: string;
    contact_phone: string;
    active: number;
    code_issued_at: string | null;
    submitted: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    category: r.category,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    active: r.active === 1,
    codeIssuedAt: r.code_issued_at,
    submitted: r.submitted === 1,
  }));
}

/** Ids posted by the checkboxes of the unit list, kept only when they name an active unit. */
export function activeUnitIds(db: DatabaseSync, posted: readonly string[]): number[] {
  const ids = [...new Set(posted.filter((v) => /^\d{1,9}$/.test(v)).map(Number))];
  const active = new Set((db.prepare('SELECT id FROM units WHERE active = 1').all() as { id: number }[]).map((r) => r.id));
  return ids.filter((id) => active.has(id));
}
