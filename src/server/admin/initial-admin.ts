import type { DatabaseSync } from 'node:sqlite';
import { readMeta } from '#server/db/meta.ts';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from './passwords.ts';
import type { Organiser } from './organisers.ts';

/** Written into the data folder on first start; the password itself is never stored anywhere else. */
export const INITIAL_PASSWORD_FILE = '初始管理员密码.txt';
export const INITIAL_USERNAME = 'admin';
const META_KEY = 'initial_admin_hash';

// No 0/O, 1/l/I: the password is read off a screen or a printout and typed on a phone.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomPassword(length = 14): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** The account created on first start, or null when none was created (or configured accounts exist). */
export function initialAdmin(db: DatabaseSync): Organiser | null {
  const passwordHash = readMeta(db, META_KEY);
  return passwordHash === undefined ? null : { username: INITIAL_USERNAME, passwordHash };
}

function notice(password: string, file: string): string {
  return `组织方后台初始账号
用户名：${INITIAL_USERNAME}
口令：${password}
登录地址：/admin/login

这是首次启动时自动生成的临时账号，请尽快设置正式账号：
1. 运行 npm run admin -- add 用户名，按提示输入新口令，得到一行“用户名:散列”；
2. 把它写入环境变量 ADMIN_USERS，或写入 content/campaign/organisers.yaml；
3. 重启服务。配置了正式账号后，初始账号 admin 自动停用。
看过后请删除本文件（${file}）。
`;
}

/**
 * When no organiser is configured, makes sure the initial `admin` exists: a random password whose
 * hash goes into the database and whose plain text is written once to the data folder and the log.
 * Safe to call on every start and from concurrent requests: only the first insert wins.
 */
export async function ensureInitialAdmin(
  db: DatabaseSync,
  dataDir: string,
  configured: readonly Organiser[],
  log: (message: string) => void = console.log,
): Promise<void> {
  if (configured.length > 0 || initialAdmin(db)) return;
  const password = randomPassword();
  const hash = await hashPassword(password);
  const inserted = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(META_KEY, hash);
  if (Number(inserted.changes) !== 1) return;
  const file = join(dataDir, INITIAL_PASSWORD_FILE);
  writeFileSync(file, notice(password, file), { encoding: 'utf8', mode: 0o600 });
  log(`[组织方后台] 尚未配置组织方账号，已创建初始账号 ${INITIAL_USERNAME}，口令：${password}（已写入 ${file}，请尽快更换）`);
}
