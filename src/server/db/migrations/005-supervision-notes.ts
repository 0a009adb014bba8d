import type { Migration } from '../migration.ts';

/** 督导 notes: what the organiser found when checking on a unit, kept with the unit. */
export const supervisionNotes: Migration = {
  version: 5,
  description: '督导检查记录',
  up: (db) =>
    db.exec(`
CREATE TABLE supervision_notes (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  -- 检查时间: the day of the check, YYYY-MM-DD
  checked_on TEXT NOT NULL,
  -- 方式: 现场检查、电话督导 …
  method TEXT NOT NULL,
  findings TEXT NOT NULL DEFAULT '',
  requirements TEXT NOT NULL DEFAULT '',
  rectification TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX supervision_notes_unit ON supervision_notes(unit_id, checked_on);
`),
};
