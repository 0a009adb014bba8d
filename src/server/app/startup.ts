/**
 * What the server does once when it starts, never per request: the configured units are copied
 * into the database, leftovers of requests that died with an earlier process are swept, and the
 * console's first account is made (so its password is in the log before anyone opens /admin/).
 */
import type { DatabaseSync } from 'node:sqlite';
import { currentCampaign, type Campaign } from '#server/campaign/campaign.ts';
import { seedUnits } from '#server/campaign/units.ts';
import { config, type Config } from '#server/config/config.ts';
import { database, openDatabase } from '#server/db/database.ts';
import { sweepTemp } from '#server/files/store.ts';
import { pruneEvents } from '#server/http/rate-limit.ts';
import { prepareAccounts } from '#server/admin/accounts.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The serve command and the built site's bundle each hold their own copy of these modules in one
 * process; this process-wide mark lets the bundle know the command already did the start-up work.
 */
const STARTED = Symbol.for('xuexi-baosong.started');
const marks = globalThis as typeof globalThis & { [STARTED]?: string };

async function prepare(db: DatabaseSync, settings: Config, campaign: Campaign): Promise<void> {
  seedUnits(db, campaign);
  pruneEvents(db, DAY_MS, new Date());
  await sweepTemp(settings.DATA_DIR, DAY_MS);
  await prepareAccounts(db, settings.DATA_DIR);
  marks[STARTED] = settings.DATA_DIR;
}

/** Run by `npm start` / `npm run preview` before the first request is taken; throws CampaignConfigError. */
export async function prepareAtStart(): Promise<void> {
  const settings = config();
  const db = openDatabase(settings.DATA_DIR);
  try {
    await prepare(db, settings, currentCampaign());
  } finally {
    db.close();
  }
}

export interface AppState {
  config: Config;
  db: DatabaseSync;
  campaign: Campaign;
}

let state: Promise<AppState> | undefined;

/**
 * The process's shared parts for the middleware. The start-up work runs here only when nothing
 * did it before (astro dev, or the built entry started without the serve command).
 */
export function appState(): Promise<AppState> {
  state ??= (async () => {
    const settings = config();
    const db = database();
    const campaign = currentCampaign();
    if (marks[STARTED] !== settings.DATA_DIR) await prepare(db, settings, campaign);
    return { config: settings, db, campaign };
  })();
  return state;
}
