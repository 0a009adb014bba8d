/**
 * The exports' reads as they were before versions were read in batches, kept only so the bench can
 * measure the old cost in the same run: for each unit, its version, then each photo's two files,
 * each essay and its file, one query at a time (the N+1 pattern), and the summary table's three
 * queries per unit. Nothing in src/ calls this.
 */
import type { DatabaseSync } from 'node:sqlite';
import { integer, optionalInteger, text } from '#server/db/row.ts';
import { findFile } from '#server/files/store.ts';

const optionalFile = (db: DatabaseSync, id: number | null) => (id === null ? undefined : findFile(db, id));

/** What loadVersion did per unit: 3 queries, 2 per photo, 1 per essay file and attachment. */
export function loadVersionPerUnit(db: DatabaseSync, versionId: number): unknown {
  const row = db.prepare('SELECT * FROM versions WHERE id = ?').get(versionId);
  if (!row) return undefined;
  const photos = db
    .prepare('SELECT position, caption, file_id, thumb_file_id, width, height FROM photos WHERE version_id = ? ORDER BY position')
    .all(versionId)
    .map((photo) => ({
      caption: text(photo, 'caption'),
      file: findFile(db, integer(photo, 'file_id')),
      thumb: findFile(db, integer(photo, 'thumb_file_id')),
    }));
  const essays = db
    .prepare('SELECT position, title, author, author_position, body, file_id FROM essays WHERE version_id = ? ORDER BY position')
    .all(versionId)
    .map((essay) => ({ title: text(essay, 'title'), file: optionalFile(db, optionalInteger(essay, 'file_id')) }));
  return {
    reportFile: optionalFile(db, optionalInteger(row, 'report_file_id')),
    infoFile: optionalFile(db, optionalInteger(row, 'info_file_id')),
    photos,
    essays,
  };
}

/** What the summary table read per unit besides the progress query. */
export function summaryExtrasPerUnit(db: DatabaseSync, unitId: number): unknown {
  const current = db.prepare('SELECT current_version_id AS id FROM submissions WHERE unit_id = ?').get(unitId);
  const versionId = current ? integer(current, 'id') : null;
  if (versionId === null) return undefined;
  return {
    extras: db.prepare('SELECT activity_dates, activity_forms, participants FROM versions WHERE id = ?').get(versionId),
    essays: db
      .prepare(
        `SELECT e.title, e.author, f.essay_id IS NOT NULL AS featured FROM essays e
         LEFT JOIN featured_essays f ON f.essay_id = e.id WHERE e.version_id = ? ORDER BY e.position`,
      )
      .all(versionId),
  };
}
