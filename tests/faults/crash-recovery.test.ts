import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { leftoverTempFiles } from '../api/support.ts';
import { openDatabase } from '#server/db/database.ts';
import { absolutePath } from '#server/files/store.ts';
import { browserPhoto, submitWithTokens, unitCodes, uploadPhoto, type UnitAuth } from '../support/faults.ts';
import { startSite, type RunningSite } from '../support/site.ts';

const CYCLES = 6;
const UNITS_IN_FLIGHT = 4;

interface Acknowledged {
  key: string;
  receiptUrl: string;
  photos: number;
}

/** One unit's whole flow: two photos one by one, then the final submit. Resolves only when acknowledged. */
async function submitOnce(site: RunningSite, auth: UnitAuth, seed: number): Promise<Acknowledged> {
  const tokens: string[] = [];
  for (const n of [0, 1]) {
    const response = await uploadPhoto(site.url, auth, await browserPhoto(seed * 2 + n));
    if (!response.ok) throw new Error(`upload ${response.status}`);
    tokens.push(((await response.json()) as { token: string }).token);
  }
  const key = `crash-${seed}-${Math.random().toString(36).slice(2, 10)}`;
  const response = await submitWithTokens(site.url, auth, tokens, key);
  if (!response.ok) throw new Error(`submit ${response.status}`);
  return { key, receiptUrl: ((await response.json()) as { receiptUrl: string }).receiptUrl, photos: tokens.length };
}

function checkStore(dataDir: string, acknowledged: Acknowledged[]): void {
  const db = openDatabase(dataDir);
  try {
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    for (const ack of acknowledged) {
      const row = db
        .prepare('SELECT (SELECT COUNT(*) FROM photos p WHERE p.version_id = v.id) AS photos FROM versions v WHERE v.idempotency_key = ?')
        .get(ack.key) as { photos: number } | undefined;
      expect(row, `acknowledged submission ${ack.key}`).toEqual({ photos: ack.photos });
    }
    const files = db.prepare('SELECT rel_path, sha256 FROM files').all() as { rel_path: string; sha256: string }[];
    for (const file of files) {
      expect(
        createHash('sha256')
          .update(readFileSync(absolutePath(dataDir, file.rel_path)))
          .digest('hex'),
      ).toBe(file.sha256);
    }
  } finally {
    db.close();
  }
}

describe('kill -9 while units submit photos', () => {
  it('loses no acknowledged submission, leaves no row without its file and no stray temporary file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baosong-crash-'));
    // MALLOC_ARENA_MAX set: the server runs in the process the test kills, not in a child of it.
    const env = { DATA_DIR: dataDir, MALLOC_ARENA_MAX: '2', CAMPAIGN_DEADLINE: '2099-12-31T18:00' };
    let site = await startSite(inject('siteDir'), env);
    const units = await unitCodes(site.url, dataDir, UNITS_IN_FLIGHT * 2);
    const acknowledged: Acknowledged[] = [];
    let interrupted = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let firstAck: () => void = () => undefined;
      const oneIn = new Promise<void>((resolve) => (firstAck = resolve));
      const flows = units.slice(0, UNITS_IN_FLIGHT + (cycle % 2) * UNITS_IN_FLIGHT).map((auth, n) =>
        submitOnce(site, auth, cycle * 100 + n).then(
          (ack) => {
            acknowledged.push(ack);
            firstAck();
          },
          () => {
            interrupted++;
          },
        ),
      );
      // Killed as soon as one unit has its receipt, with the others mid-upload or mid-submit.
      await Promise.race([oneIn, Promise.all(flows)]);
      await site.crash();
      await Promise.all(flows);

      site = await startSite(inject('siteDir'), env);
      expect(leftoverTempFiles(dataDir)).toEqual([]);
      checkStore(dataDir, acknowledged);
      for (const ack of acknowledged) expect((await fetch(new URL(ack.receiptUrl, site.url))).status).toBe(200);
    }
    await site.stop();
    expect(acknowledged.length).toBeGreaterThanOrEqual(CYCLES);
    // The kills landed while requests were in flight, not between them.
    expect(interrupted).toBeGreaterThan(0);
  });
});
