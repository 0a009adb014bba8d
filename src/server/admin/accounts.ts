import type { DatabaseSync } from 'node:sqlite';
import { loadOrganiserConfig, type Organiser, type OrganiserConfig } from './organisers.ts';
import { ensureInitialAdmin, initialAdmin } from './initial-admin.ts';

let cached: OrganiserConfig | undefined;

/** The configured accounts, read once per process; problems in the config are logged once. */
export function organiserConfig(): OrganiserConfig {
  if (!cached) {
    cached = loadOrganiserConfig();
    for (const problem of cached.problems) console.warn(`[组织方后台] ${problem}`);
  }
  return cached;
}

/** Configured accounts when there are any; otherwise the initial `admin` created on first start. */
export function activeAccounts(db: DatabaseSync, config: OrganiserConfig = organiserConfig()): Organiser[] {
  if (config.organisers.length > 0) return config.organisers;
  const initial = initialAdmin(db);
  return initial ? [initial] : [];
}

export function findAccount(db: DatabaseSync, username: string, config?: OrganiserConfig): Organiser | undefined {
  return activeAccounts(db, config).find((account) => account.username === username);
}

/** True while the console runs on the generated account, so the board can ask for a real one. */
export function usingInitialAccount(config: OrganiserConfig = organiserConfig()): boolean {
  return config.organisers.length === 0;
}

export async function prepareAccounts(db: DatabaseSync, dataDir: string, config: OrganiserConfig = organiserConfig()): Promise<void> {
  await ensureInitialAdmin(db, dataDir, config.organisers);
}
