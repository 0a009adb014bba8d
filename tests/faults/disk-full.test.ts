import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/database.ts';
import { absolutePath } from '#server/files/store.ts';
import {
  browserPhoto,
  consoleCookie,
  fillDisk,
  smallDisk,
  submitWithTokens,
  unitCodes,
  uploadPhoto,
  type SmallDisk,
  type UnitAuth,
} from '../support/faults.ts';
import { startSite, type RunningSite } from '../support/site.ts';
import { inject } from 'vitest';

// Generous bounds that tell an answer from a hang (the site once held a request for 308 s).
const ANSWER_WITHIN = () => AbortSignal.timeout(60_000);

let disk: SmallDisk;
let site: RunningSite;
let units: UnitAuth[];
let cookie: string;
let filler: string;
let receiptUrl: string;

beforeAll(async () => {
  disk = await smallDisk(40);
  site = await startSite(inject('siteDir'), {
    DATA_DIR: disk.dir,
    MIN_FREE_MB: '5',
    CAMPAIGN_DEADLINE: '2099-12-31T18:00',
    ADMIN_USERS: '',
  });
  units = await unitCodes(site.url, disk.dir, 3);
  cookie = consoleCookie(disk.dir);
  const staged = (await (await uploadPhoto(site.url, units[0]!, await browserPhoto(1))).json()) as { token: string };
  const stored = (await (await submitWithTokens(site.url, units[0]!, [staged.token])).json()) as { receiptUrl: string };
  receiptUrl = stored.receiptUrl;
  filler = fillDisk(disk.dir);
});

afterAll(async () => {
  await site?.stop();
  await disk?.unmount();
});

describe('a full disk', () => {
  it('answers a unit’s photo upload at once with 存储空间不足 instead of holding the connection', async () => {
    const response = await uploadPhoto(site.url, units[1]!, await browserPhoto(2), ANSWER_WITHIN());
    expect(response.status).toBe(507);
    expect(((await response.json()) as { error: string }).error).toContain('存储空间不足');
  });

  it('answers the final submit with 存储空间不足 when the photo comes with it', async () => {
    const body = new FormData();
    body.append('unit_id', String(units[2]!.unitId));
    body.append('code', units[2]!.code);
    body.append('photo_1', await browserPhoto(3), 'IMG.jpg');
    const response = await fetch(`${site.url}/api/submissions`, {
      method: 'POST',
      body,
      headers: { origin: site.url, accept: 'application/json' },
      signal: ANSWER_WITHIN(),
    });
    expect(response.status).toBe(507);
    expect(JSON.stringify(await response.json())).toContain('存储空间不足');
  });

  it('shows as 503 on /healthz', async () => {
    const response = await fetch(`${site.url}/healthz`, { signal: ANSWER_WITHIN() });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'degraded' });
  });

  it('leaves the console reading and exporting', async () => {
    const board = await fetch(`${site.url}/admin/`, { headers: { cookie }, signal: ANSWER_WITHIN() });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('卫辉市水利局');
    const xlsx = await fetch(`${site.url}/admin/export/${encodeURIComponent('汇总表.xlsx')}`, {
      headers: { cookie },
      signal: ANSWER_WITHIN(),
    });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const receipt = await fetch(new URL(receiptUrl, site.url), { signal: ANSWER_WITHIN() });
    expect(receipt.status).toBe(200);
  });

  it('damages nothing stored, and the site takes uploads again by itself once space returns', async () => {
    rmSync(filler);
    const db = openDatabase(disk.dir);
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const files = db.prepare('SELECT rel_path, sha256 FROM files').all() as { rel_path: string; sha256: string }[];
      expect(files.length).toBeGreaterThan(0);
      for (const file of files)
        expect(
          createHash('sha256')
            .update(readFileSync(absolutePath(disk.dir, file.rel_path)))
            .digest('hex'),
        ).toBe(file.sha256);
    } finally {
      db.close();
    }
    expect((await uploadPhoto(site.url, units[1]!, await browserPhoto(4))).status).toBe(200);
    expect((await fetch(`${site.url}/healthz`)).status).toBe(200);
  });
});
