import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site.ts';

let site: RunningSite;

beforeAll(async () => {
  site = await startSite(inject('siteDir'));
});

afterAll(async () => {
  await site?.stop();
});

describe('the status line', () => {
  it('names the status a page sets, not the "OK" it started from', async () => {
    const missing = await fetch(`${site.url}/baosong/huizhi/BS2099-0099/`);
    expect(missing.status).toBe(404);
    expect(missing.statusText).toBe('Not Found');
  });
});

describe('a page that fails on the server', () => {
  it('shows a Chinese page that says the saved materials are safe, not an empty response or a stack trace', async () => {
    // A table gone missing (a botched hand repair of the database) makes every page that lists units fail.
    const db = new DatabaseSync(join(site.dataDir, 'baosong.sqlite'));
    db.exec('ALTER TABLE units RENAME TO units_moved_away');
    db.close();
    const response = await fetch(`${site.url}/youxiu/`);
    expect(response.status).toBe(500);
    expect(response.statusText).toBe('Internal Server Error');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<h1>页面暂时打不开</h1>');
    expect(html).toContain('已经填写或报送的材料不受影响');
    expect(html).not.toMatch(/units_moved_away|no such table|SqliteError|at \w+ \(/);
    // The fault is still in the server's own log, for the IT staff.
    expect(site.output()).toContain('no such table');
  });
});
