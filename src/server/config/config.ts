/**
 * Every environment variable the server and its command-line tools read, read here once and
 * checked by one schema. A bad value stops the start with a Chinese sentence naming the variable,
 * what it should be and what it is; the README's 配置 table is held to this schema by a test.
 */
import { resolve } from 'node:path';
import * as z from 'zod';
import { parsePublicUrl } from './public-url.ts';

/** A value, or undefined when the variable is unset or blank (`PORT= npm start` means the default). */
const present = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

type Reading<T> = { value: T } | { problem: string };

/**
 * A setting read from its text: `read` gives the value or a Chinese sentence saying what is wrong;
 * unset or blank means `fallback`. Every setting below is one of these, so they all fail alike.
 */
function setting<T, F>(fallback: F, read: (value: string) => Reading<T>) {
  return z.preprocess(
    present,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return fallback;
        const reading = read(value);
        if ('value' in reading) return reading.value;
        ctx.addIssue({ code: 'custom', message: reading.problem });
        return z.NEVER;
      }),
  );
}

const integer = (name: string, min: number, max: number, fallback: number) =>
  setting(fallback, (value) =>
    /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
      ? { value: Number(value) }
      : { problem: `${name} 应为 ${min}–${max} 之间的整数，现在是 ${value}` },
  );

const positive = (name: string, fallback: number) =>
  setting(fallback, (value) =>
    Number.isFinite(Number(value)) && Number(value) > 0 ? { value: Number(value) } : { problem: `${name} 应为正数，现在是 ${value}` },
  );

const text = () => z.preprocess(present, z.string().optional());
const path = (fallback: string) =>
  z.preprocess(
    present,
    z
      .string()
      .default(fallback)
      .transform((value) => resolve(value)),
  );

const DEADLINE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/;

/** The most photos a server may decode at once: each 24-MP decode holds about a hundred MB. */
export const MAX_PHOTO_CONCURRENCY = 16;

export const configSchema = z.object({
  HOST: z.preprocess(present, z.string().default('localhost')).describe('监听地址。'),
  PORT: integer('PORT', 1, 65535, 4321).describe('监听端口。'),
  DATA_DIR: path('./data').describe('数据库（SQLite）和上传文件所在目录'),
  CAMPAIGN_DEADLINE: setting(undefined, (value): Reading<{ date: string; time?: string }> => {
    const match = DEADLINE.exec(value);
    return match?.[1]
      ? { value: { date: match[1], ...(match[2] ? { time: match[2] } : {}) } }
      : { problem: `CAMPAIGN_DEADLINE 应写成 2026-12-31T18:00（北京时间），现在是 ${value}` };
  }).describe('新的截止时间（北京时间）'),
  LATE_POLICY: setting(undefined, (value): Reading<'refuse' | 'accept'> =>
    value === 'refuse' || value === 'accept'
      ? { value }
      : { problem: `LATE_POLICY 只能是 refuse（截止后不再接收）或 accept（接收并标记逾期），现在是 ${value}` },
  ).describe('`accept`：截止后仍接收'),
  CAMPAIGN_DIR: path('content/campaign').describe('另一个存放 `campaign.yaml`、`units.yaml` 的目录。'),
  ADMIN_USERS: text().describe('组织方账号'),
  ORGANISERS_FILE: path('content/campaign/organisers.yaml').describe('组织方账号文件的另一个位置。'),
  PUBLIC_URL: setting(undefined, (value) => {
    const parsed = parsePublicUrl(value);
    return 'origin' in parsed ? { value: parsed.origin } : { problem: parsed.problem };
  }).describe('站点对外的网址'),
  SERVER_CERT_PATH: text().describe('不经代理直接提供 HTTPS 时的证书和私钥文件。'),
  SERVER_KEY_PATH: text().describe('不经代理直接提供 HTTPS 时的证书和私钥文件。'),
  PHOTO_CONCURRENCY: integer('PHOTO_CONCURRENCY', 1, MAX_PHOTO_CONCURRENCY, 2).describe('同时解码的照片数。'),
  STAGED_UPLOAD_DAYS: positive('STAGED_UPLOAD_DAYS', 7).describe('已上传但一直没有随报送提交的照片和附件保留的天数'),
  MIN_FREE_MB: positive('MIN_FREE_MB', 200).describe('`DATA_DIR` 所在磁盘的剩余空间低于此值时'),
  AUDIT_KEEP_DAYS: positive('AUDIT_KEEP_DAYS', 365).describe('操作日志保留的天数'),
});

export type Config = z.output<typeof configSchema>;

/** Some variable has a value the server cannot use; the message lists each, in Chinese. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The configuration in `env`; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) {
    const { SERVER_CERT_PATH: cert, SERVER_KEY_PATH: key } = parsed.data;
    if ((cert === undefined) !== (key === undefined)) {
      throw new ConfigError('环境变量有误：\nSERVER_CERT_PATH 和 SERVER_KEY_PATH 要同时设置（证书和私钥），或都不设置。');
    }
    return parsed.data;
  }
  const lines = parsed.error.issues.map((issue) => issue.message);
  throw new ConfigError(`环境变量有误：\n${lines.join('\n')}`);
}

let current: Config | undefined;

/** The running process's configuration: the environment is read on first use and never again. */
export function config(): Config {
  current ??= loadConfig(process.env);
  return current;
}

/**
 * For the command-line entries: the configuration, or the Chinese message on stderr and exit code 1,
 * so that a typo in PORT reads as a sentence instead of a stack trace.
 */
export function configOrExit(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
