/**
 * Backup and restore of DATA_DIR while the site runs. The database is copied with SQLite's
 * `VACUUM INTO`, one consistent snapshot even while units submit; then every stored file that
 * snapshot names is copied and checked against its content address; a manifest lists each file
 * of the backup with its SHA-256, so a copy can be verified on its own, later, elsewhere.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { dirname, join } from 'node:path';
import { DATABASE_FILE } from '#server/db/database.ts';
import { absolutePath } from '#server/files/store.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: 1;
  createdAt: string;
  version: string;
  submissions: number;
  files: ManifestEntry[];
}

/** A refusal with what to do about it; the CLI prints the message and exits non-zero. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await readdir(dir)).length === 0;
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies a file and flushes it, so a backup that says it is done is on the disk. */
async function durableCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
  await syncFile(to);
}

/** Files at the top of DATA_DIR besides the database (the initial password notice). */
async function looseFiles(dataDir: string): Promise<string[]> {
  const names = await readdir(dataDir, { withFileTypes: true });
  return names.filter((entry) => entry.isFile() && !entry.name.startsWith(DATABASE_FILE)).map((entry) => entry.name);
}

export async function backup(dataDir: string, outDir: string, version: string, now = new Date()): Promise<Manifest> {
  if (!existsSync(join(dataDir, DATABASE_FILE))) throw new BackupError(`数据目录 ${dataDir} 里没有数据库，请检查 DATA_DIR。`);
  if (!(await isEmptyOrMissing(outDir)))
    throw new BackupError(`备份目录 ${outDir} 不是空的。请指定一个新的或空的目录，以免覆盖以前的备份。`);
  await mkdir(outDir, { recursive: true });

  const snapshot = join(outDir, DATABASE_FILE);
  // Opened read-write like the server, so a WAL database is readable whether or not the server runs.
  const live = new DatabaseSync(join(dataDir, DATABASE_FILE));
  try {
    live.exec('PRAGMA busy_timeout = 10000');
    live.prepare('VACUUM INTO ?').run(snapshot);
  } finally {
    live.close();
  }
  await syncFile(snapshot);

  const copy = new DatabaseSync(snapshot, { readOnly: true });
  let stored: { rel_path: string; sha256: string }[];
  let submissions: number;
  try {
    stored = copy.prepare('SELECT DISTINCT rel_path, sha256 FROM files ORDER BY rel_path').all() as typeof stored;
    submissions = Number((copy.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n);
  } finally {
    copy.close();
  }

  const entries: ManifestEntry[] = [];
  for (const file of stored) {
    const from = absolutePath(dataDir, file.rel_path);
    if (!existsSync(from))
      throw new BackupError(`数据库登记的文件 ${file.rel_path} 不在数据目录中，备份未完成。请稍后重试；仍然如此时请检查磁盘。`);
    const to = absolutePath(outDir, file.rel_path);
    await durableCopy(from, to);
    const sha256 = await sha256Of(to);
    if (sha256 !== file.sha256) throw new BackupError(`文件 ${file.rel_path} 的内容与登记的校验值不符，备份未完成。请检查磁盘后重试。`);
    entries.push({ path: file.rel_path, sha256, bytes: (await stat(to)).size });
  }
  for (const name of await looseFiles(dataDir)) {
    await durableCopy(join(dataDir, name), join(outDir, name));
    entries.push({ path: name, sha256: await sha256Of(join(outDir, name)), bytes: (await stat(join(outDir, name))).size });
  }
  entries.push({ path: DATABASE_FILE, sha256: await sha256Of(snapshot), bytes: (await stat(snapshot)).size });

  const manifest: Manifest = { format: 1, createdAt: now.toISOString(), version, submissions, files: entries };
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await syncFile(join(outDir, MANIFEST_FILE));
  return manifest;
}

export interface VerifyResult {
  manifest: Manifest;
  /** Chinese descriptions of every problem found; empty when the backup is sound. */
  problems: string[];
}

async function readManifest(dir: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
    if (manifest.format !== 1 || !Array.isArray(manifest.files)) throw new Error('format');
    return manifest;
  } catch {
    throw new BackupError(`${dir} 里没有可读的 ${MANIFEST_FILE}，它不是本站生成的备份，或备份没有完成。`);
  }
}

/** Checks every file of a backup against its manifest, and the database's own integrity. */
export async function verifyBackup(dir: string): Promise<VerifyResult> {
  const manifest = await readManifest(dir);
  const problems: string[] = [];
  for (const entry of manifest.files) {
    if (entry.path.split('/').includes('..')) {
      problems.push(`清单中的路径 ${entry.path} 不合法`);
      continue;
    }
    const path = absolutePath(dir, entry.path);
    if (!existsSync(path)) problems.push(`缺少文件 ${entry.path}`);
    else if ((await sha256Of(path)) !== entry.sha256) problems.push(`文件 ${entry.path} 已损坏（校验值不符）`);
  }
  if (existsSync(join(dir, DATABASE_FILE))) {
    const db = new DatabaseSync(join(dir, DATABASE_FILE), { readOnly: true });
    try {
      const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
      if (rows[0]?.integrity_check !== 'ok') problems.push(`数据库完整性检查未通过：${rows.map((row) => row.integrity_check).join('；')}`);
    } catch (error) {
      problems.push(`数据库无法打开：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      db.close();
    }
  } else {
    problems.push(`缺少数据库文件 ${DATABASE_FILE}`);
  }
  return { manifest, problems };
}

/** Restores a verified backup into an empty (or new) DATA_DIR; never over existing data. */
export async function restore(fromDir: string, dataDir: string): Promise<Manifest> {
  if (!(await isEmptyOrMissing(dataDir))) {
    throw new BackupError(
      `数据目录 ${dataDir} 不是空的，为避免覆盖现有数据，没有恢复。请指定一个空目录作为 DATA_DIR，或先把现有数据目录移走。`,
    );
  }
  const { manifest, problems } = await verifyBackup(fromDir);
  if (problems.length > 0) throw new BackupError(`备份 ${fromDir} 校验未通过，没有恢复：\n${problems.join('\n')}`);
  await mkdir(dataDir, { recursive: true });
  for (const entry of manifest.files) await durableCopy(absolutePath(fromDir, entry.path), absolutePath(dataDir, entry.path));
  return manifest;
}
