/**
 * `npm run restore -- --from 备份目录`: restores a backup made by `npm run backup` into DATA_DIR,
 * which must be empty or not exist yet. The backup is verified first; nothing is overwritten.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '#server/db/database.ts';
import { BackupError, restore } from '#server/ops/backup.ts';

const USAGE = '用法：DATA_DIR=新的空数据目录 npm run restore -- --from 备份目录';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let from: string | undefined;
try {
  from = parseArgs({ options: { from: { type: 'string' } }, strict: true }).values.from;
} catch {
  fail(`无法识别的参数：${process.argv.slice(2).join(' ')}\n${USAGE}`, 2);
}
if (!from) fail(USAGE, 2);

try {
  const manifest = await restore(resolve(from), dataDir());
  console.log(
    `已恢复到 ${dataDir()}：${manifest.submissions} 个单位的报送，${manifest.files.length} 个文件（备份于 ${manifest.createdAt}）。用同一个 DATA_DIR 启动站点即可。`,
  );
} catch (error) {
  if (error instanceof BackupError) fail(error.message);
  throw error;
}
