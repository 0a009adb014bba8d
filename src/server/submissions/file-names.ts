/**
 * What a stored file is called when it is downloaded: made from what the site knows about it (the
 * unit, the photo's caption, the essay's title), never from the name it had on the sender's device,
 * which may be CON.jpg, .htaccess, carry bidi overrides or run to hundreds of characters.
 */
import type { DatabaseSync } from 'node:sqlite';
import { essayFileNumber } from '#shared/submission/fields.ts';

interface Row {
  unit: string;
  label: string;
}

const KIND_LABELS: Record<string, string> = {
  photo: '照片',
  report_file: '情况汇报',
  info_file: '工作信息',
};

const kindLabel = (kind: string): string => {
  const essay = essayFileNumber(kind);
  return essay ? `学习感想${essay}` : (KIND_LABELS[kind] ?? '附件');
};

const QUERIES: { sql: string; label: (row: Record<string, unknown>) => string }[] = [
  {
    sql: `SELECT u.name AS unit, p.position AS position, p.caption AS caption, p.thumb_file_id = ?1 AS thumb
          FROM photos p JOIN versions v ON v.id = p.version_id JOIN submissions s ON s.id = v.submission_id JOIN units u ON u.id = s.unit_id
          WHERE p.file_id = ?1 OR p.thumb_file_id = ?1 ORDER BY p.id DESC LIMIT 1`,
    label: (row) => `照片${String(row['position'])}-${String(row['caption'])}${row['thumb'] ? '-缩略图' : ''}`,
  },
  {
    sql: `SELECT u.name AS unit, e.title AS title FROM essays e JOIN versions v ON v.id = e.version_id
          JOIN submissions s ON s.id = v.submission_id JOIN units u ON u.id = s.unit_id
          WHERE e.file_id = ?1 ORDER BY e.id DESC LIMIT 1`,
    label: (row) => `学习感想-${String(row['title'])}`,
  },
  {
    sql: `SELECT u.name AS unit, v.report_file_id = ?1 AS report FROM versions v JOIN submissions s ON s.id = v.submission_id
          JOIN units u ON u.id = s.unit_id WHERE v.report_file_id = ?1 OR v.info_file_id = ?1 ORDER BY v.id DESC LIMIT 1`,
    label: (row) => (row['report'] ? '情况汇报' : '工作信息'),
  },
  {
    sql: `SELECT u.name AS unit, st.kind AS kind, st.thumb_file_id = ?1 AS thumb FROM staged_uploads st JOIN units u ON u.id = st.unit_id
          WHERE st.file_id = ?1 OR st.thumb_file_id = ?1 ORDER BY st.created_at DESC LIMIT 1`,
    label: (row) => `${kindLabel(String(row['kind']))}${row['thumb'] ? '-缩略图' : ''}`,
  },
];

/** 某某县水利局-照片2-2月15日集中学习, 某某县水利局-情况汇报 …; 文件12 for a file nothing points at. */
export function fileStem(db: DatabaseSync, fileId: number): string {
  for (const query of QUERIES) {
    const row = db.prepare(query.sql).get(fileId) as (Row & Record<string, unknown>) | undefined;
    if (row) return `${row.unit}-${query.label(row)}`;
  }
  return `文件${fileId}`;
}
