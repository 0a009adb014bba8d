/**
 * Keeps DATA_DIR clean over the weeks of a campaign: temporary files of uploads cut off by a crash,
 * staged uploads a unit never submitted (their files too, and their tokens stop working), old audit
 * entries. Run once at start and then every hour by the server; pure database and file work.
 */
import { rm } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '#server/db/database.ts';
import { absolutePath, sweepTemp } from '#server/files/store.ts';
import type { OpsSettings } from './settings.ts';

/** A temporary file older than this belongs to no request still running (uploads time out sooner). */
export const TEMP_AGE_MS = 60 * 60 * 1000;

/** Every column that keeps a stored file alive once its row exists. */
const FILE_REFERENCES = [
  'SELECT file_id FROM staged_uploads',
  'SELECT thumb_file_id FROM staged_uploads WHERE thumb_file_id IS NOT NULL',
  'SELECT file_id FROM photos',
  'SELECT thumb_file_id FROM photos',
  'SELECT report_file_id FROM versions WHERE report_file_id IS NOT NULL',
  'SELECT info_file_id FROM versions WHERE info_file_id IS NOT NULL',
  'SELECT file_id FROM essays WHERE file_id IS NOT NULL',
].join(' UNION ');

export interface HousekeepingReport {
  tempFiles: number;
  stagedUploads: number;
  files: number;
  auditEntries: number;
}

/**
 * Drops expired staged uploads and every file row nothing points at any more, in one transaction;
 * then removes from disk the files no remaining row names (storage is content-addressed, so two rows
 * may share one file).
 */
export async function expireStaged(
  db: DatabaseSync,
  dataDir: string,
  settings: OpsSettings,
  now: Date,
): Promise<{ staged: number; files: number }> {
  const cutoff = new Date(now.getTime() - settings.stagedTtlMs).toISOString();
  const { staged, paths } = transaction(db, () => {
    const removed = Number(db.prepare('DELETE FROM staged_uploads WHERE created_at < ?').run(cutoff).changes);
    const orphans = db.prepare(`SELECT id, rel_path FROM files WHERE id NOT IN (${FILE_REFERENCES})`).all() as {
      id: number;
      rel_path: string;
    }[];
    const drop = db.prepare('DELETE FROM files WHERE id = ?');
    for (const orphan of orphans) drop.run(orphan.id);
    const stillUsed = db.prepare('SELECT 1 FROM files WHERE rel_path = ? LIMIT 1');
    const paths = [...new Set(orphans.map((orphan) => orphan.rel_path))].filter((path) => !stillUsed.get(path));
    return { staged: removed, paths };
  });
  for (const path of paths) await rm(absolutePath(dataDir, path), { force: true });
  return { staged, files: paths.length };
}

/** Audit entries are kept at least 180 days (settings enforce the floor); only older ones go. */
export function pruneAudit(db: DatabaseSync, settings: OpsSettings, now: Date): number {
  const cutoff = new Date(now.getTime() - settings.auditKeepMs).toISOString();
  return Number(db.prepare('DELETE FROM audit_log WHERE at < ?').run(cutoff).changes);
}

export interface HousekeepingOptions {
  /** Temporary files older than this are removed; 0 at start, when no request of this process runs. */
  tempAgeMs?: number;
  now?: Date;
}

export async function housekeeping(
  db: DatabaseSync,
  dataDir: string,
  settings: OpsSettings,
  options: HousekeepingOptions = {},
): Promise<HousekeepingReport> {
  const { tempAgeMs = TEMP_AGE_MS, now = new Date() } = options;
  const tempFiles = await sweepTemp(dataDir, tempAgeMs, now);
  const { staged, files } = await expireStaged(db, dataDir, settings, now);
  const auditEntries = pruneAudit(db, settings, now);
  return { tempFiles, stagedUploads: staged, files, auditEntries };
}
