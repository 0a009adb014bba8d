/**
 * Essays sent as Word files, through the plain form as a liaison would: the receipt counts the
 * text read out of a readable .docx and says, in Chinese, why an old .doc renamed .docx could not be read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCodes } from '#server/campaign/codes.ts';
import { listUnits } from '#server/campaign/units.ts';
import { openDatabase } from '#server/db/database.ts';
import { completeFields, formData } from '../support/api-context.ts';
import { desktop } from '../support/browser.ts';
import { wordFile } from '../support/export-fixture.ts';
import { HOSTILE_DOCX } from '../support/hostile-docx.ts';
import { signInAsInitialAdmin } from '../support/initial-admin.ts';
import { useLiveSite } from '../support/live-site.ts';

const live = useLiveSite({ ADMIN_USERS: '' });
const UNIT = '获嘉县水利局';

async function postWordEssays(): Promise<string> {
  await fetch(`${live.site.url}/baosong/`);
  const db = openDatabase(live.site.dataDir);
  const unit = listUnits(db).find((candidate) => candidate.name === UNIT)!;
  const [issued] = await issueCodes(db, [unit.id]);
  db.close();
  const fields = completeFields(unit.id, issued!.code).map(
    ([name, value]) => [name, name === 'essay_1_body' || name === 'essay_2_body' ? '' : value] as [string, string],
  );
  const word = (bytes: Buffer) => new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' });
  const body = formData(fields, [
    ['essay_1_file', word(await wordFile(['以质量强国建设为引领', '第一段正文共十个字。'])), '学习体会.docx'],
    ['essay_2_file', word(HOSTILE_DOCX.oldDoc()), '几点体会.docx'],
  ]);
  const response = await fetch(`${live.site.url}/baosong/`, {
    method: 'POST',
    body,
    headers: { origin: live.site.url },
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`the submission was not accepted (${response.status}):\n${await response.text()}`);
  return new URL(response.headers.get('location')!, live.site.url).href;
}

let receiptUrl: string;
beforeAll(async () => {
  receiptUrl = await postWordEssays();
});

describe('essays sent as Word files', () => {
  it('are counted on the receipt from their text, and one that cannot be read says why', async () => {
    const page = await live.browser.newPage(desktop);
    await page.goto(receiptUrl);
    const essays = page.locator('.rc-essays li');
    expect(await essays.nth(0).innerText()).toContain('正文 20 字（从 Word 文件读取）');
    const second = await essays.nth(1).innerText();
    expect(second).toContain('几点体会.docx');
    expect(second).toContain('旧版 Word（.doc）');
    expect(second).toContain('另存为');
    await page.close();
  });

  it('show the organiser the text read from each file, why one could not be read, and both originals', async () => {
    const page = await live.browser.newPage(desktop);
    await signInAsInitialAdmin(page, live.site);
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();
    const [readable, unreadable] = [page.locator('.essay').nth(0), page.locator('.essay').nth(1)];
    expect(await readable.innerText()).toContain('以下正文从上传的 Word 文件读取，共 20 字。');
    expect(await readable.locator('.report-text').innerText()).toContain('第一段正文共十个字。');
    expect(await readable.getByRole('link', { name: '学习体会.docx' }).count()).toBe(1);
    expect(await unreadable.innerText()).toContain('（没有可显示的正文）');
    expect(await unreadable.locator('.text-note').innerText()).toContain('旧版 Word（.doc）');
    expect(await unreadable.getByRole('link', { name: '几点体会.docx' }).count()).toBe(1);
    await page.close();
  });
});
