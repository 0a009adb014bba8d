/**
 * Loads the campaign configuration: content/campaign/campaign.yaml plus units.yaml, validated by
 * the one schema, with the deadline and late policy overridable from the environment so that a
 * new round (or a test) needs no file edits: CAMPAIGN_DEADLINE, LATE_POLICY and CAMPAIGN_DIR, read
 * and checked by #server/config/config.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { DEFAULT_DEADLINE_TIME, campaignSchema, type CampaignConfig } from '#shared/campaign/schema.ts';
import { beijingInstant } from '#shared/campaign/deadline.ts';
import { config, type Config } from '#server/config/config.ts';

export interface Campaign extends CampaignConfig {
  /** The deadline instant (deadline.date at deadline.time, Beijing). */
  deadlineAt: Date;
  /** Names of the environment variables that changed the files' values, for the console to show. */
  overriddenBy: string[];
}

/** The configuration cannot be used; the message says in Chinese what to fix. */
export class CampaignConfigError extends Error {
  override name = 'CampaignConfigError';
}

function readYaml(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CampaignConfigError(`找不到活动配置文件 ${path}`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new CampaignConfigError(`活动配置文件 ${path} 不是有效的 YAML：${(error as Error).message}`);
  }
}

/** The variables that override the files' values (#server/config/config.ts reads and checks them). */
export type CampaignOverrides = Pick<Config, 'CAMPAIGN_DIR' | 'CAMPAIGN_DEADLINE' | 'LATE_POLICY'>;

function applyOverrides(raw: object, overrides: Partial<CampaignOverrides>): { raw: Record<string, unknown>; overriddenBy: string[] } {
  const config: Record<string, unknown> = { ...raw };
  const overriddenBy: string[] = [];
  const deadline = overrides.CAMPAIGN_DEADLINE;
  if (deadline) {
    const current = (config['deadline'] ?? {}) as Record<string, unknown>;
    // The notice's words (下班前) name the hour they were written for: a deadline moved to another
    // hour would otherwise read as 12:00（下班前）.
    const sameHour = deadline.time === undefined || deadline.time === (current['time'] ?? DEFAULT_DEADLINE_TIME);
    config['deadline'] = { ...current, ...deadline, ...(sameHour ? {} : { label: '' }) };
    overriddenBy.push('CAMPAIGN_DEADLINE');
  }
  if (overrides.LATE_POLICY) {
    config['latePolicy'] = overrides.LATE_POLICY;
    overriddenBy.push('LATE_POLICY');
  }
  return { raw: config, overriddenBy };
}

export interface LoadOptions {
  dir?: string;
  /** Defaults to the process's configuration. */
  config?: Partial<CampaignOverrides>;
}

/** The validated campaign. Throws CampaignConfigError with a Chinese explanation when it is unusable. */
export function loadCampaign(options: LoadOptions = {}): Campaign {
  const overrides = options.config ?? config();
  const dir = options.dir ?? overrides.CAMPAIGN_DIR ?? resolve('content/campaign');
  const base = readYaml(join(dir, 'campaign.yaml'));
  if (typeof base !== 'object' || base === null) throw new CampaignConfigError(`活动配置文件 ${dir}/campaign.yaml 是空的`);
  const units = readYaml(join(dir, 'units.yaml'));
  const { raw, overriddenBy } = applyOverrides({ ...base, units }, overrides);
  const parsed = campaignSchema.safeParse(raw, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    throw new CampaignConfigError(`活动配置（${dir}）有误：\n${z.prettifyError(parsed.error)}`);
  }
  let deadlineAt: Date;
  try {
    deadlineAt = beijingInstant(parsed.data.deadline.date, parsed.data.deadline.time);
  } catch {
    throw new CampaignConfigError(`截止日期 ${parsed.data.deadline.date} ${parsed.data.deadline.time} 不是真实存在的日期和时间`);
  }
  return { ...parsed.data, deadlineAt, overriddenBy };
}

/** 市水利局水利工程建设与监督科（李述虎，电话 2079642、18737374374）: who to call, for messages. */
export function contactLine(campaign: Pick<CampaignConfig, 'office' | 'contact'>): string {
  return `${campaign.office}（${campaign.contact.name}，电话 ${campaign.contact.phones.join('、')}）`;
}

let current: Campaign | undefined;

/** The campaign the running server uses: loaded once per process (the files and env change only with a restart). */
export function currentCampaign(): Campaign {
  current ??= loadCampaign();
  return current;
}
