import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isPasswordHash } from './passwords.ts';
import { config, type Config } from '#server/config/config.ts';

/** An account that may sign in to the organiser console. Only the password hash is ever held. */
export interface Organiser {
  username: string;
  passwordHash: string;
}

export interface OrganiserConfig {
  organisers: Organiser[];
  /** Chinese notes about entries that were skipped, for the server log. */
  problems: string[];
}

// No spaces (full-width ones included), no separators of ADMIN_USERS, and nothing invisible: a name
// pasted with a zero-width or direction mark could never be typed at the login.
const USERNAME = /^[^\s:;\p{C}]{1,32}$/u;
/** The same rule in words, for every message that refuses a name. */
export const USERNAME_RULE = '1–32 个字符，不能含空格、冒号、分号或看不见的字符';

export function isValidUsername(name: string): boolean {
  return USERNAME.test(name);
}

function accept(source: string, username: string, hash: string, into: OrganiserConfig): void {
  if (!isValidUsername(username)) {
    into.problems.push(`${source}：用户名“${username}”无效（${USERNAME_RULE}），已忽略。`);
  } else if (!isPasswordHash(hash)) {
    into.problems.push(`${source}：账号“${username}”的口令散列格式不对，已忽略。请用 npm run admin -- add ${username} 重新生成。`);
  } else {
    into.organisers = into.organisers.filter((o) => o.username !== username);
    into.organisers.push({ username, passwordHash: hash });
  }
}

/** ADMIN_USERS: `name:hash;name2:hash` (whitespace and newlines around entries are ignored). */
export function parseAdminUsers(value: string, into: OrganiserConfig = { organisers: [], problems: [] }): OrganiserConfig {
  for (const entry of value.split(/[;\n]/)) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    if (colon < 0) {
      into.problems.push('环境变量 ADMIN_USERS：每个账号应写成“用户名:散列”，用分号分隔；有一项缺少冒号，已忽略。');
      continue;
    }
    accept('环境变量 ADMIN_USERS', trimmed.slice(0, colon).trim(), trimmed.slice(colon + 1).trim(), into);
  }
  return into;
}

/** content/campaign/organisers.yaml: `organisers: [{ username, password_hash }]`. */
export function parseOrganisersYaml(text: string, into: OrganiserConfig = { organisers: [], problems: [] }): OrganiserConfig {
  const source = 'content/campaign/organisers.yaml';
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    into.problems.push(`${source} 不是有效的 YAML，其中的账号均未启用。`);
    return into;
  }
  const list = (data as { organisers?: unknown } | null)?.organisers ?? [];
  if (!Array.isArray(list)) {
    into.problems.push(`${source}：organisers 应是列表，其中的账号均未启用。`);
    return into;
  }
  for (const item of list) {
    const entry = (item ?? {}) as Record<string, unknown>;
    if ('password' in entry) {
      into.problems.push(`${source}：发现明文口令 password，已忽略该账号；只允许填写 password_hash。`);
      continue;
    }
    accept(source, String(entry['username'] ?? ''), String(entry['password_hash'] ?? ''), into);
  }
  return into;
}

/** The configured accounts: the YAML file first, then ADMIN_USERS, which wins for the same name. */
export function loadOrganiserConfig(settings: Pick<Config, 'ORGANISERS_FILE' | 'ADMIN_USERS'> = config()): OrganiserConfig {
  const organisers: OrganiserConfig = { organisers: [], problems: [] };
  if (existsSync(settings.ORGANISERS_FILE)) parseOrganisersYaml(readFileSync(settings.ORGANISERS_FILE, 'utf8'), organisers);
  if (settings.ADMIN_USERS) parseAdminUsers(settings.ADMIN_USERS, organisers);
  return organisers;
}
