/**
 * A unit that has already reported: browser tests of the receipt and the organiser console start
 * from one complete submission with a photo, posted through the plain form as a liaison would.
 */
import sharp from 'sharp';
import { issueCodes } from '#server/campaign/codes.ts';
import { openDatabase } from '#server/db/database.ts';
import { listUnits } from '#server/campaign/units.ts';
import { completeFields, formData } from '../support/api-context.ts';
import type { RunningSite } from './site.ts';

/**
 * Issues the unit its 报送码, posts a complete submission (photo captioned 2月15日专题学习会), returns
 * the receipt's address. `replace` swaps the values of named fields, e.g. a hostile essay title.
 */
export async function postCompleteSubmission(site: RunningSite, unitName: string, replace: Record<string, string> = {}): Promise<string> {
  // The server copies the units into its database on the first request.
  await fetch(`${site.url}/baosong/`);
  const db = openDatabase(site.dataDir);
  const unit = listUnits(db).find((candidate) => candidate.name === unitName)!;
  const [issued] = await issueCodes(db, [unit.id]);
  db.close();
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2f6f4f' } })
    .jpeg()
    .toBuffer();
  const fields = completeFields(unit.id, issued!.code).map(([name, value]) => [name, replace[name] ?? value] as [string, string]);
  const body = formData(
    [...fields, ['photo_caption_1', '2月15日专题学习会']],
    [['photo_1', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), '专题学习会.jpg']],
  );
  const response = await fetch(`${site.url}/baosong/`, { method: 'POST', body, headers: { origin: site.url }, redirect: 'manual' });
  if (response.status !== 303) throw new Error(`the submission was not accepted (${response.status}):\n${await response.text()}`);
  return new URL(response.headers.get('location')!, site.url).href;
}
