/**
 * Signing in as the initial organiser account a fresh site makes when none is configured, reading its
 * password from the file the site wrote into its data folder, as the IT staff would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { INITIAL_PASSWORD_FILE } from '#server/admin/initial-admin.ts';

export const initialPassword = (dataDir: string): string =>
  /^口令：(\S+)$/m.exec(readFileSync(join(dataDir, INITIAL_PASSWORD_FILE), 'utf8'))![1]!;

/** Opens the console, is sent to the login form, signs in as admin and lands on the board. */
export async function signInAsInitialAdmin(page: Page, site: { url: string; dataDir: string }): Promise<void> {
  await page.goto(`${site.url}/admin/`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('口令').fill(initialPassword(site.dataDir));
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${site.url}/admin/`);
}
