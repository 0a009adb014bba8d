import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isDiskFull } from '#server/files/disk-full.ts';
import { testContext } from './support.ts';

async function caught(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('a full disk', () => {
  it('is recognised when the file system refuses a write (ENOSPC, as /dev/full gives)', async () => {
    expect(isDiskFull(await caught(() => writeFile('/dev/full', 'x')))).toBe(true);
  });

  it('is recognised when SQLite reports the database full', async () => {
    const { db } = testContext();
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    db.exec(`PRAGMA max_page_count = ${pages}`);
    const error = await caught(() => db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('filler', 'x'.repeat(1024 * 1024)));
    expect(isDiskFull(error)).toBe(true);
  });

  it('is not confused with other failures', async () => {
    expect(isDiskFull(await caught(() => writeFile('/nonexistent-folder/file', 'x')))).toBe(false);
    expect(isDiskFull(new Error('database or disk is full'))).toBe(false);
  });
});
