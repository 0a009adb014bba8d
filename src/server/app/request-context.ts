/**
 * The one context every on-demand route reads from `Astro.locals`: set by src/middleware.ts, typed
 * once in src/env.d.ts. Handlers take it (or the part they need) as an argument, so tests pass
 * their own with a temporary database instead.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Campaign } from '#server/campaign/campaign.ts';
import type { Config } from '#server/config/config.ts';
import { appState } from './startup.ts';

export interface RequestContext {
  config: Config;
  db: DatabaseSync;
  /** DATA_DIR: the database and the stored files. */
  dataDir: string;
  campaign: Campaign;
  /** The request's clock: one instant for everything the request decides (late or not, expiry). */
  now: Date;
  /** The client's address, for rate limits and the audit log ('' when unknown). */
  address: string;
}

export async function requestContext(address: string, now = new Date()): Promise<RequestContext> {
  const { config, db, campaign } = await appState();
  return { config, db, dataDir: config.DATA_DIR, campaign, now, address };
}
