/**
 * `npm run codes`: issues a 报送码 to every unit that has none and prints them as CSV (单位,报送码),
 * UTF-8 with a byte-order mark so that Excel opens the Chinese names correctly.
 * `npm run codes -- --all` replaces every unit's code (old codes stop working at once).
 * A code is shown only here, once: save the output, e.g. `npm run codes > 报送码.csv`.
 */
import { parseArgs } from 'node:util';
import { loadCampaign } from '#server/campaign/campaign.ts';
import { issueCodes } from '#server/campaign/codes.ts';
import { dataDir } from '#server/db/database.ts';
import { openDatabaseOrStop } from './open-database.ts';
import { CSV_BOM, csvLine } from '#server/export/summary-csv.ts';
import { listUnits, seedUnits } from '#server/campaign/units.ts';

const USAGE = `用法：npm run codes            为还没有报送码的单位生成报送码
      npm run codes -- --all   重新生成全部单位的报送码（旧码随即作废）
报送码以 CSV 输出，请重定向保存，如：npm run codes > 报送码.csv`;

// A mistyped option must not issue codes: each code is shown only once, so a stray run loses them.
let all = false;
try {
  const { values } = parseArgs({ options: { all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  all = values.all ?? false;
} catch {
  console.error(`无法识别的参数：${process.argv.slice(2).join(' ')}\n${USAGE}`);
  process.exit(2);
}

const campaign = loadCampaign();
const db = openDatabaseOrStop(dataDir(), '无法生成报送码');
seedUnits(db, campaign);

const issued = await issueCodes(db, all ? listUnits(db).map((unit) => unit.id) : undefined);
process.stdout.write(CSV_BOM + csvLine(['单位', '报送码']));
for (const { unit, code } of issued) process.stdout.write(csvLine([unit.name, code]));

if (issued.length === 0) {
  console.error('所有单位都已有报送码，没有生成新的。要全部重新生成（旧码随即作废），请运行：npm run codes -- --all');
} else {
  console.error(`已为 ${issued.length} 个单位生成报送码。报送码只显示这一次，请妥善保存并分别发给各单位。`);
}
if (campaign.units.sample) {
  console.error('注意：当前单位名单是示例数据（content/campaign/units.yaml 中 sample: true），并非正式名单。');
}
db.close();
