import type { DatabaseSync } from 'node:sqlite';
import { integer } from '#server/db/row.ts';
import { transaction } from '#server/db/database.ts';
import type { ImportedUnit } from './unit-table.ts';

export interface ImportResult {
  added: number;
  updated: number;
  /** Units not in the file that were set inactive (only when asked). */
  deactivated: number;
}

export const UNITS_IMPORTED_KEY = 'units_imported_at';

/**
 * Writes a checked list in one transaction: known names are updated (and reactivated), new ones
 * added in file order. Units are never deleted: their submissions and codes stay attached.
 */
export function applyUnitImport(
  db: DatabaseSync,
  units: readonly ImportedUnit[],
  options: { deactivateMissing: boolean },
  now = new Date(),
): ImportResult {
  return transaction(db, () => {
    const find = db.prepare('SELECT id FROM units WHERE name = ?');
    const insert = db.prepare(
      'INSERT INTO units (name, category, contact_person, contact_phone, sort_order, active) VALUES (?, ?, ?, ?, ?, 1)',
    );
    const update = db.prepare(
      `UPDATE units SET category = ?, sort_order = ?, active = 1,
         contact_person = COALESCE(?, contact_person), contact_phone = COALESCE(?, contact_phone) WHERE id = ?`,
    );
    const result: ImportResult = { added: 0, updated: 0, deactivated: 0 };
    units.forEach((unit, index) => {
      const existing = find.get(unit.name);
      if (existing) {
        update.run(unit.category, index + 1, unit.contactPerson ?? null, unit.contactPhone ?? null, integer(existing, 'id'));
        result.updated++;
      } else {
        insert.run(unit.name, unit.category, unit.contactPerson ?? '', unit.contactPhone ?? '', index + 1);
        result.added++;
      }
    });
    if (options.deactivateMissing) {
      const names = units.map((u) => u.name);
      const placeholders = names.map(() => '?').join(',');
      result.deactivated = Number(
        db.prepare(`UPDATE units SET active = 0 WHERE active = 1 AND name NOT IN (${placeholders})`).run(...names).changes,
      );
    }
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(UNITS_IMPORTED_KEY, now.toISOString());
    return result;
  });
}
