/**
 * The units that report. They are copied from the campaign configuration into the database the
 * first time it opens, once: afterwards the organisers own the list (import, rename, deactivate)
 * and a restart never brings back a unit they removed nor duplicates one.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { CampaignConfig } from '#shared/campaign/schema.ts';
import { transaction } from '#server/db/database.ts';
import { flag, integer, text, type Row } from '#server/db/row.ts';

export interface Unit {
  id: number;
  name: string;
  category: string;
  sortOrder: number;
  /** Whether a 报送码 has been issued (the code itself is never stored). */
  hasCode: boolean;
  active: boolean;
}

const SEEDED_KEY = 'units_seeded_from_campaign';

const UNIT_COLUMNS = 'id, name, category, sort_order, code_hash IS NOT NULL AS has_code, active';

/** The row mapper of `units`. */
const unitFromRow = (row: Row): Unit => ({
  id: integer(row, 'id'),
  name: text(row, 'name'),
  category: text(row, 'category'),
  sortOrder: integer(row, 'sort_order'),
  hasCode: flag(row, 'has_code'),
  active: flag(row, 'active'),
});

/**
 * Copies the configured units into an empty database, once. Returns how many were added
 * (0 on every later call). Safe to call on every request.
 */
export function seedUnits(db: DatabaseSync, campaign: Pick<CampaignConfig, 'units'>): number {
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SEEDED_KEY)) return 0;
  return transaction(db, () => {
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SEEDED_KEY)) return 0;
    const insert = db.prepare('INSERT OR IGNORE INTO units (name, category, sort_order) VALUES (?, ?, ?)');
    let added = 0;
    campaign.units.list.forEach((unit, index) => {
      added += Number(insert.run(unit.name, unit.category, index + 1).changes);
    });
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SEEDED_KEY, new Date().toISOString());
    return added;
  });
}

/** Units in display order; inactive ones only when asked for. */
export function listUnits(db: DatabaseSync, options: { includeInactive?: boolean } = {}): Unit[] {
  const where = options.includeInactive ? '' : 'WHERE active = 1';
  return db.prepare(`SELECT ${UNIT_COLUMNS} FROM units ${where} ORDER BY sort_order, id`).all().map(unitFromRow);
}

export function findUnit(db: DatabaseSync, id: number): Unit | undefined {
  const row = db.prepare(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = ?`).get(id);
  return row ? unitFromRow(row) : undefined;
}
