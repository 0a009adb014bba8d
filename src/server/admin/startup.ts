import { dataDir, openDatabase } from '#server/db/database.ts';
import { prepareAccounts } from './accounts.ts';

/**
 * Run by the server at start: when no organiser is configured, the initial admin is created now,
 * so its password is in the log and the data folder before anyone opens /admin/. The console's
 * guard does the same on first use when the built entry is started some other way.
 */
export async function prepareConsoleAtStart(): Promise<void> {
  const dir = dataDir();
  const db = openDatabase(dir);
  try {
    await prepareAccounts(db, dir);
  } catch (error) {
    console.error('[组织方后台] 无法准备组织方账号：', error);
  } finally {
    db.close();
  }
}
