import type { Migration } from '../migration.ts';

/**
 * The text read out of each stored Word file, the organisers' 采用 marks on photos and 工作信息,
 * and their order of the 优秀 essays: tables of their own, keyed by what they describe, so the
 * rows of the first release never change.
 */
export const documentTextsAndAdoptions: Migration = {
  version: 2,
  description: '新增 Word 正文、采用标记和优秀感想顺序',
  up: (db) =>
    db.exec(`
-- The text of a stored .docx (files/docx-text.ts); error is the Chinese reason it could not be read ('' when it was).
CREATE TABLE document_texts (
  file_id INTEGER PRIMARY KEY REFERENCES files(id),
  text TEXT NOT NULL,
  chars INTEGER NOT NULL,
  error TEXT NOT NULL DEFAULT ''
);

-- Photos and 工作信息 adopted (采用) for /youxiu/ and 工作简报.docx.
-- kind is 'photo' (target_id = photos.id) or 'info' (target_id = versions.id).
CREATE TABLE adoptions (
  kind TEXT NOT NULL,
  target_id INTEGER NOT NULL,
  adopted_at TEXT NOT NULL,
  adopted_by TEXT NOT NULL,
  PRIMARY KEY (kind, target_id)
);

-- The organisers' order of the 优秀 essays in the 汇编 and on /youxiu/ (lower first).
CREATE TABLE featured_order (
  essay_id INTEGER PRIMARY KEY REFERENCES essays(id),
  rank INTEGER NOT NULL
);
`),
};
