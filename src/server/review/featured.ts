import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '#server/db/database.ts';
import { findFile } from '#server/files/store.ts';
import { partText } from '#server/submissions/texts.ts';

/** An essay chosen as 优秀, as the public page and the compilation show it. */
export interface FeaturedEssay {
  essayId: number;
  title: string;
  /** The full text: as typed, or read from the uploaded Word file. */
  body: string;
  /** Why an uploaded Word file's text could not be read (Chinese), or ''. */
  textNote: string;
  author: string;
  authorPosition: string;
  unitName: string;
  unitCategory: string;
  featuredAt: string;
  /** An uploaded Word file, when the unit sent one instead of (or besides) pasted text. */
  fileId: number | null;
}

export interface EssayOwner {
  essayId: number;
  title: string;
  unitId: number;
  unitName: string;
  versionNo: number;
  featured: boolean;
}

export function essayOwner(db: DatabaseSync, essayId: number): EssayOwner | null {
  const row = db
    .prepare(
      `SELECT e.id, e.title, u.id AS unit_id, u.name, v.version_no, f.essay_id IS NOT NULL AS featured
       FROM essays e JOIN versions v ON v.id = e.version_id JOIN submissions s ON s.id = v.submission_id
       JOIN units u ON u.id = s.unit_id LEFT JOIN featured_essays f ON f.essay_id = e.id WHERE e.id = ?`,
    )
    .get(essayId) as { id: number; title: string; unit_id: number; name: string; version_no: number; featured: number } | undefined;
  return row
    ? {
        essayId: row.id,
        title: row.title,
        unitId: row.unit_id,
        unitName: row.name,
        versionNo: row.version_no,
        featured: row.featured === 1,
      }
    : null;
}

/** Marks or withdraws; doing it twice changes nothing (a double click, a resent form). */
export function setFeatured(db: DatabaseSync, essayId: number, featured: boolean, by: string, now = new Date()): void {
  if (featured) {
    db.prepare('INSERT OR IGNORE INTO featured_essays (essay_id, featured_at, featured_by) VALUES (?, ?, ?)').run(
      essayId,
      now.toISOString(),
      by,
    );
  } else {
    db.prepare('DELETE FROM featured_essays WHERE essay_id = ?').run(essayId);
  }
}

/**
 * Every 优秀 essay in the organisers' order (featured_order), and those not placed yet after them
 * in the order of the unit list, then the unit's own order of essays.
 */
export function listFeatured(db: DatabaseSync): FeaturedEssay[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.title, e.body, e.author, e.author_position, e.file_id, u.name, u.category, f.featured_at
       FROM featured_essays f JOIN essays e ON e.id = f.essay_id JOIN versions v ON v.id = e.version_id
       JOIN submissions s ON s.id = v.submission_id JOIN units u ON u.id = s.unit_id
       LEFT JOIN featured_order o ON o.essay_id = e.id
       ORDER BY o.rank IS NULL, o.rank, u.sort_order, u.id, v.version_no, e.position`,
    )
    .all() as {
    id: number;
    title: string;
    body: string;
    author: string;
    author_position: string;
    file_id: number | null;
    name: string;
    category: string;
    featured_at: string;
  }[];
  return rows.map((r) => {
    const text = partText(db, r.body, r.file_id === null ? undefined : findFile(db, r.file_id));
    return {
      essayId: r.id,
      title: r.title,
      body: text.text,
      textNote: text.note,
      author: r.author,
      authorPosition: r.author_position,
      unitName: r.name,
      unitCategory: r.category,
      featuredAt: r.featured_at,
      fileId: r.file_id,
    };
  });
}

/**
 * The organisers' order: essay ids first to last. Essays not listed keep their place after these;
 * ids that are not 优秀 (withdrawn meanwhile) are ignored.
 */
export function setFeaturedOrder(db: DatabaseSync, essayIds: readonly number[]): void {
  transaction(db, () => {
    db.prepare('DELETE FROM featured_order').run();
    const insert = db.prepare(
      'INSERT OR IGNORE INTO featured_order (essay_id, rank) SELECT essay_id, ? FROM featured_essays WHERE essay_id = ?',
    );
    essayIds.forEach((id, rank) => insert.run(rank + 1, id));
  });
}
