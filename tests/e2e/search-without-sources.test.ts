import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSite, type RunningSite } from '../support/site.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The reading code runs at build time only: a built site copied next to nothing but its campaign
 * settings (no seeds/, no notes, no glossary) still answers searches, with and without JavaScript.
 */
describe('a built site without its source documents', () => {
  let site: RunningSite;

  beforeAll(async () => {
    const copy = mkdtempSync(join(projectRoot, '.test-build', 'bare-'));
    cpSync(inject('siteDir'), join(copy, 'dist'), { recursive: true });
    cpSync(join(projectRoot, 'content/campaign'), join(copy, 'content/campaign'), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'));
    site = await startSite(join(copy, 'dist'), {}, copy);
  });
  afterAll(() => site?.stop());

  it('renders /search/?q= on the server with the 纲要 article first', async () => {
    const response = await fetch(`${site.url}/search/?q=${encodeURIComponent('首席质量官')}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-search-results');
    expect(html).toMatch(/href="\/gangyao\/#art-\d+"/);
  });

  it('serves the prerendered search data the browser indexes', async () => {
    const response = await fetch(`${site.url}/search-data.json`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('首席质量官');
  });
});
