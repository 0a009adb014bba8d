import type { Migration } from '../migration.ts';

/**
 * 审核 decisions and the activity 台账. Versions stored before the 台账 existed become one row
 * each that keeps their free-text fields word for word (legacy_*), so they still show and export.
 */
export const reviewAndActivities: Migration = {
  version: 4,
  description: '审核决定与学习活动台账',
  up: (db) =>
    db.exec(`
-- 通过 / 退回修改, each on the version it was made on; nothing is ever updated or deleted, so the
-- history stays. A unit's review state is the latest decision on its current version.
CREATE TABLE review_decisions (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'return')),
  comment TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE INDEX review_decisions_version ON review_decisions(version_id, id);

-- The activity 台账: one row per study activity of a version, in the order the unit entered them.
-- A legacy row (activity_date and participants NULL) carries the old free-text fields in legacy_*.
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  position INTEGER NOT NULL,
  activity_date TEXT,
  -- 专题会/座谈会/交流会/集中学习/谈体会谈感想交流/其他; '' in a legacy row
  form TEXT NOT NULL DEFAULT '',
  form_other TEXT NOT NULL DEFAULT '',
  leader TEXT NOT NULL DEFAULT '',
  participants INTEGER,
  enterprise INTEGER NOT NULL DEFAULT 0,
  practice TEXT NOT NULL DEFAULT '',
  legacy_dates TEXT NOT NULL DEFAULT '',
  -- JSON array as versions.activity_forms held it
  legacy_forms TEXT NOT NULL DEFAULT '[]',
  legacy_participants TEXT NOT NULL DEFAULT '',
  UNIQUE (version_id, position)
);

INSERT INTO activities (version_id, position, legacy_dates, legacy_forms, legacy_participants)
SELECT id, 1, activity_dates, activity_forms, participants FROM versions
WHERE TRIM(activity_dates) <> '' OR activity_forms NOT IN ('', '[]') OR TRIM(participants) <> '';
`),
};
