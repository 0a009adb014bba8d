/**
 * `npm run export -- --out 目录`: writes 汇总表.xlsx, 汇总表.csv, 全部材料.zip,
 * 优秀学习感想汇编.docx and 工作简报.docx, each name carrying the Beijing date of the export
 * (汇总表-20230227.xlsx), from the data folder (DATA_DIR, default ./data) into 目录.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { CampaignConfigError, loadCampaign } from '#server/campaign/campaign.ts';
import { dataDir } from '#server/db/database.ts';
import { openDatabaseOrStop } from './open-database.ts';
import { seedUnits } from '#server/campaign/units.ts';
import { audit } from '#server/admin/audit.ts';
import { datedName, EXPORT_KINDS } from '#server/export/exports.ts';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let out: string | undefined;
try {
  out = parseArgs({ options: { out: { type: 'string', short: 'o' } } }).values.out;
} catch {
  fail('参数不正确。用法：npm run export -- --out 导出目录');
}
if (!out) fail('请用 --out 指定导出目录，例如：npm run export -- --out 导出');

const target = resolve(out);
const data = dataDir();
if (!existsSync(join(data, 'baosong.sqlite'))) fail(`数据目录 ${data} 中还没有数据库。请确认 DATA_DIR 指向站点使用的数据目录。`);

let campaign;
try {
  campaign = loadCampaign();
} catch (error) {
  fail(error instanceof CampaignConfigError ? error.message : `读取活动配置失败：${String(error)}`);
}

mkdirSync(target, { recursive: true });
const db = openDatabaseOrStop(data, '无法导出');
seedUnits(db, campaign);
const now = new Date();
for (const kind of EXPORT_KINDS) {
  const path = join(target, datedName(kind.name, now));
  const stream = createWriteStream(path);
  await kind.write({ db, dataDir: data, campaign, now }, stream);
  await finished(stream);
  console.log(`已导出 ${path}（${size(statSync(path).size)}）`);
}
audit(db, { username: '命令行', action: 'export', detail: `全部导出文件 → ${target}` });
db.close();
