/**
 * `npm run codes`: issues a 报送码 to every unit that has none and prints them as CSV (单位,报送码),
 * UTF-8 with a byte-order mark so that Excel opens the Chinese names correctly.
 * `npm run codes -- --all` replaces every unit's code (old codes stop working at once).
 * A code is shown only here, once: save it with `--out 报送码.csv`. Redirecting stdout also works with
 * `npm run --silent codes > 报送码.csv`; without --silent npm writes its banner ahead of the BOM.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { issueCodes } from '#server/campaign/codes.ts';
import { dataDir } from '#server/db/database.ts';
import { openDatabaseOrStop } from './open-database.ts';
import { CSV_BOM, csvLine } from '#server/export/summary-csv.ts';
import { listUnits, seedUnits } from '#server/campaign/units.ts';

const USAGE = `用法：npm run codes -- --out 报送码.csv          为还没有报送码的单位生成报送码，写入 CSV 文件
      npm run codes -- --all --out 报送码.csv    重新生成全部单位的报送码（旧码随即作废）
不加 --out 时 CSV 输出到屏幕；要重定向保存，请加 --silent：npm run --silent codes > 报送码.csv`;

// A mistyped option must not issue codes: each code is shown only once, so a stray run loses them.
let all = false;
let out: string | undefined;
try {
  const { values } = parseArgs({
    options: { all: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  all = values.all ?? false;
  out = values.out;
} catch {
  console.error(`无法识别的参数：${process.argv.slice(2).join(' ')}\n${USAGE}`);
  process.exit(2);
}

const campaign = loadCampaign();
const db = openDatabaseOrStop(dataDir(), '无法生成报送码');
seedUnits(db, campaign);

const issued = await issueCodes(db, all ? listUnits(db).map((unit) => unit.id) : undefined);
const csv = CSV_BOM + [csvLine(['单位', '报送码']), ...issued.map(({ unit, code }) => csvLine([unit.name, code]))].join('');
if (out) {
  try {
    writeFileSync(out, csv);
  } catch (error) {
    // The codes are already issued and hashed: without the file they are lost, so print them instead.
    console.error(`无法写入 ${out}（${(error as NodeJS.ErrnoException).code ?? '未知原因'}），报送码改为输出到屏幕，请立即复制保存：`);
    out = undefined;
  }
}
if (!out) process.stdout.write(csv);

if (issued.length === 0) {
  console.error('所有单位都已有报送码，没有生成新的。要全部重新生成（旧码随即作废），请运行：npm run codes -- --all');
} else {
  const where = out ? `，已写入 ${out}` : '';
  console.error(`已为 ${issued.length} 个单位生成报送码${where}。报送码只显示这一次，请妥善保存并分别发给各单位。`);
}
if (campaign.units.sample) {
  console.error('注意：当前单位名单是示例数据（content/campaign/units.yaml 中 sample: true），并非正式名单。');
}
db.close();
