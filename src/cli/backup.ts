/**
 * `npm run backup -- --out 目录`: a consistent copy of DATA_DIR (database snapshot, stored files,
 * a manifest of SHA-256 checksums), safe to take while the site runs and units submit.
 * `npm run backup -- --verify 目录`: checks a backup file by file against its manifest.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '#server/db/database.ts';
import { BackupError, backup, verifyBackup } from '#server/ops/backup.ts';

const USAGE = `用法：npm run backup -- --out 备份目录      备份数据目录（DATA_DIR）到一个新的或空的目录
      npm run backup -- --verify 备份目录   校验一份备份是否完整、未损坏`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let values: { out?: string | undefined; verify?: string | undefined };
try {
  values = parseArgs({ options: { out: { type: 'string' }, verify: { type: 'string' } }, strict: true }).values;
} catch {
  fail(`无法识别的参数：${process.argv.slice(2).join(' ')}\n${USAGE}`, 2);
}
if (!values.out === !values.verify) fail(USAGE, 2);

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

try {
  if (values.out) {
    const manifest = await backup(dataDir(), resolve(values.out), version);
    const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
    console.log(
      `备份完成：${resolve(values.out)}，${manifest.submissions} 个单位的报送，${manifest.files.length} 个文件，共 ${(bytes / 1024 / 1024).toFixed(1)} MB。`,
    );
  } else if (values.verify) {
    const { manifest, problems } = await verifyBackup(resolve(values.verify));
    if (problems.length > 0) fail(`备份校验未通过（${problems.length} 处问题）：\n${problems.join('\n')}`);
    console.log(`备份完好：${manifest.files.length} 个文件与清单一致，数据库完整性检查通过（备份于 ${manifest.createdAt}）。`);
  }
} catch (error) {
  if (error instanceof BackupError) fail(error.message);
  throw error;
}
