/**
 * `npm run codes`: issues a 报送码 to every unit that has none and prints them as CSV (单位,报送码),
 * UTF-8 with a byte-order mark so that Excel opens the Chinese names correctly.
 * `npm run codes -- --all` replaces every unit's code (old codes stop working at once).
 * A code is shown only here, once: save the output, e.g. `npm run codes > 报送码.csv`.
 */
import { loadCampaign } from '../server/campaign.ts';
import { issueCodes } from '../server/codes.ts';
import { dataDir, openDatabase } from '../server/db.ts';
import { listUnits, seedUnits } from '../server/units.ts';

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const all = process.argv.includes('--all');
const campaign = loadCampaign();
const db = openDatabase(dataDir());
seedUnits(db, campaign);

const issued = await issueCodes(db, all ? listUnits(db).map((unit) => unit.id) : undefined);
process.stdout.write('\uFEFF单位,报送码\r\n');
for (const { unit, code } of issued) process.stdout.write(`${csvCell(unit.name)},${code}\r\n`);

if (issued.length === 0) {
  console.error('所有单位都已有报送码，没有生成新的。要全部重新生成（旧码随即作废），请运行：npm run codes -- --all');
} else {
  console.error(`已为 ${issued.length} 个单位生成报送码。报送码只显示这一次，请妥善保存并分别发给各单位。`);
}
if (campaign.units.sample) {
  console.error('注意：当前单位名单是示例数据（content/campaign/units.yaml 中 sample: true），并非正式名单。');
}
db.close();
