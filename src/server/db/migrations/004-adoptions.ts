import type { Migration } from '../migration.ts';

/** 采用 marks: a unit's 情况汇报, 工作信息 or single photos taken up for the report upward and publicity. */
export const adoptions: Migration = {
  version: 4,
  description: '采用标记',
  up: (db) =>
    db.exec(`
-- item: 'report', 'info' or 'photo:<photos.id>'; withdrawing deletes the row.
CREATE TABLE adoptions (
  version_id INTEGER NOT NULL REFERENCES versions(id),
  item TEXT NOT NULL,
  adopted_at TEXT NOT NULL,
  adopted_by TEXT NOT NULL,
  PRIMARY KEY (version_id, item)
);
`),
};
