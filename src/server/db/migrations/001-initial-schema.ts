import type { Migration } from '../migration.ts';

/**
 * The schema as the first release created it. It keeps `IF NOT EXISTS` because a database made by
 * that release has these tables but `user_version` 0: running this step over it changes nothing
 * and only records the version, so existing rows are kept. Never edit this step; add a new one.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Units come from content/campaign (sample) or the organiser's CSV/XLSX import.
CREATE TABLE IF NOT EXISTS units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL,
  contact_person TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  -- scrypt hash of the unit's 报送码; NULL until a code is issued. The plain code is shown once.
  code_hash TEXT,
  code_issued_at TEXT,
  active INTEGER NOT NULL DEFAULT 1
);

-- Every stored file, content-addressed below DATA_DIR. A row exists only once the file is durable.
CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  rel_path TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  original_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_sha ON files(sha256);

-- Photos and attachments sent one by one by the enhanced form before the final submit.
CREATE TABLE IF NOT EXISTS staged_uploads (
  token TEXT PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files(id),
  thumb_file_id INTEGER REFERENCES files(id),
  width INTEGER,
  height INTEGER,
  created_at TEXT NOT NULL
);

-- One row per unit that has ever submitted; versions hold the content.
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL UNIQUE REFERENCES units(id),
  -- 回执编号, printed on the receipt
  number TEXT NOT NULL UNIQUE,
  first_submitted_at TEXT NOT NULL,
  current_version_id INTEGER
);

CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  version_no INTEGER NOT NULL,
  -- A retried submit carries the same key and returns the stored version instead of a duplicate.
  idempotency_key TEXT NOT NULL UNIQUE,
  submitted_at TEXT NOT NULL,
  late INTEGER NOT NULL DEFAULT 0,
  contact_person TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  activity_dates TEXT NOT NULL,
  -- JSON array of 专题会/座谈会/交流会/集中学习/其他
  activity_forms TEXT NOT NULL,
  participants TEXT NOT NULL,
  report_body TEXT NOT NULL,
  report_file_id INTEGER REFERENCES files(id),
  info_text TEXT NOT NULL DEFAULT '',
  info_file_id INTEGER REFERENCES files(id),
  UNIQUE (submission_id, version_no)
);

CREATE TABLE IF NOT EXISTS photos (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  position INTEGER NOT NULL,
  caption TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files(id),
  thumb_file_id INTEGER NOT NULL REFERENCES files(id),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS essays (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  author TEXT NOT NULL,
  author_position TEXT NOT NULL,
  body TEXT NOT NULL,
  file_id INTEGER REFERENCES files(id)
);

-- 优秀学习感想 chosen by the organisers; withdrawing deletes the row.
CREATE TABLE IF NOT EXISTS featured_essays (
  essay_id INTEGER PRIMARY KEY REFERENCES essays(id),
  featured_at TEXT NOT NULL,
  featured_by TEXT NOT NULL
);

-- Sliding-window counters for code guessing and organiser logins, kept across restarts.
CREATE TABLE IF NOT EXISTS rate_events (
  bucket TEXT NOT NULL,
  at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rate_events_bucket ON rate_events(bucket, at_ms);

CREATE TABLE IF NOT EXISTS admin_sessions (
  -- sha256 of the cookie value; the cookie itself is never stored
  id_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT ''
);
`;

export const initialSchema: Migration = {
  version: 1,
  description: '首版数据结构',
  up: (db) => db.exec(SCHEMA),
};
