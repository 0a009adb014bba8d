/**
 * 采用 marks beside 优秀: a unit's 情况汇报, its 工作信息 and single photos, taken up for the report
 * upward (情况汇总.docx) and for publicity. A mark belongs to the version it was made on, so a
 * revision starts unmarked and the organiser decides again on what the unit changed.
 */
import type { DatabaseSync } from 'node:sqlite';

export type AdoptionItem = 'report' | 'info' | `photo:${number}`;

export const ADOPTION_LABEL = { report: '情况汇报', info: '工作信息', photo: '照片' } as const;

export function parseItem(text: string): AdoptionItem | undefined {
  if (text === 'report' || text === 'info') return text;
  const match = /^photo:(\d{1,12})$/.exec(text);
  return match ? `photo:${Number(match[1])}` : undefined;
}

/** What an item is on this version, or undefined when the version has no such thing to adopt. */
export function itemLabel(db: DatabaseSync, versionId: number, item: AdoptionItem): string | undefined {
  if (item === 'report' || item === 'info') {
    const column = item === 'report' ? 'report_body' : 'info_text';
    const row = db.prepare(`SELECT TRIM(${column}) <> '' AS present FROM versions WHERE id = ?`).get(versionId) as
      { present: number } | undefined;
    return row?.present === 1 ? ADOPTION_LABEL[item] : undefined;
  }
  const photo = db.prepare('SELECT position, caption FROM photos WHERE id = ? AND version_id = ?').get(Number(item.slice(6)), versionId) as
    { position: number; caption: string } | undefined;
  return photo ? `第 ${photo.position} 张照片（${photo.caption}）` : undefined;
}

/** Marks or withdraws; doing it twice changes nothing. */
export function setAdopted(db: DatabaseSync, versionId: number, item: AdoptionItem, adopted: boolean, by: string, now = new Date()): void {
  if (adopted) {
    db.prepare('INSERT OR IGNORE INTO adoptions (version_id, item, adopted_at, adopted_by) VALUES (?, ?, ?, ?)').run(
      versionId,
      item,
      now.toISOString(),
      by,
    );
  } else {
    db.prepare('DELETE FROM adoptions WHERE version_id = ? AND item = ?').run(versionId, item);
  }
}

export function adoptedItems(db: DatabaseSync, versionId: number): Set<string> {
  const rows = db.prepare('SELECT item FROM adoptions WHERE version_id = ?').all(versionId) as { item: string }[];
  return new Set(rows.map((row) => row.item));
}

/** An adopted 情况汇报 or 工作信息 of a unit's current version, for the 情况汇总. */
export interface AdoptedPassage {
  /** 'r<versionId>' or 'i<versionId>': what the export page's pick posts. */
  key: string;
  unitName: string;
  kind: '情况汇报' | '工作信息';
  text: string;
}

export function adoptedPassages(db: DatabaseSync): AdoptedPassage[] {
  const rows = db
    .prepare(
      `SELECT a.version_id, a.item, u.name, v.report_body, v.info_text FROM adoptions a
       JOIN submissions s ON s.current_version_id = a.version_id JOIN units u ON u.id = s.unit_id
       JOIN versions v ON v.id = a.version_id
       WHERE u.active = 1 AND a.item IN ('report', 'info') ORDER BY u.sort_order, u.id, a.item DESC`,
    )
    .all() as { version_id: number; item: string; name: string; report_body: string; info_text: string }[];
  return rows.map((r) =>
    r.item === 'report'
      ? { key: `r${r.version_id}`, unitName: r.name, kind: '情况汇报', text: r.report_body }
      : { key: `i${r.version_id}`, unitName: r.name, kind: '工作信息', text: r.info_text },
  );
}

/** An adopted photo of a unit's current version, with the file to print it from. */
export interface AdoptedPhoto {
  unitName: string;
  caption: string;
  fileRelPath: string;
  width: number;
  height: number;
}

export function adoptedPhotos(db: DatabaseSync): AdoptedPhoto[] {
  const rows = db
    .prepare(
      `SELECT u.name, p.caption, f.rel_path, p.width, p.height FROM adoptions a
       JOIN submissions s ON s.current_version_id = a.version_id JOIN units u ON u.id = s.unit_id
       JOIN photos p ON a.item = 'photo:' || p.id AND p.version_id = a.version_id JOIN files f ON f.id = p.file_id
       WHERE u.active = 1 ORDER BY u.sort_order, u.id, p.position`,
    )
    .all() as { name: string; caption: string; rel_path: string; width: number; height: number }[];
  return rows.map((r) => ({ unitName: r.name, caption: r.caption, fileRelPath: r.rel_path, width: r.width, height: r.height }));
}
