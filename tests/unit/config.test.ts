import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from '#server/config/config.ts';
import { loadCampaign } from '#server/campaign/campaign.ts';

interface ReadmeRow {
  names: string[];
  defaultCell: string;
  description: string;
}

/** The rows of the README's 配置 table: variable names, default, description. */
function readmeRows(): ReadmeRow[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('配置'));
  if (!section) throw new Error('README has no 配置 section');
  return section
    .split('\n')
    .filter((line) => /^\| `[A-Z_]+`/.test(line))
    .map((line) => {
      const [names = '', defaultCell = '', description = ''] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return { names: [...names.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!), defaultCell, description };
    });
}

const codeLiteral = (cell: string): string | undefined => /^`([^`]*)`$/.exec(cell)?.[1];

describe('the configuration module', () => {
  it('names in Chinese what is wrong with each bad value, all at once', () => {
    let message = '';
    try {
      loadConfig({
        PORT: 'abc',
        PHOTO_CONCURRENCY: '0',
        PUBLIC_URL: 'xuexi.example',
        LATE_POLICY: 'maybe',
        CAMPAIGN_DEADLINE: '31/12/2026',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('PORT 应为 1–65535 之间的整数，现在是 abc');
    expect(message).toContain('PHOTO_CONCURRENCY 应为 1–16 之间的整数，现在是 0');
    expect(message).toContain('PUBLIC_URL 应为以 http:// 或 https:// 开头的完整网址');
    expect(message).toContain('LATE_POLICY 只能是 refuse');
    expect(message).toContain('CAMPAIGN_DEADLINE 应写成 2026-12-31T18:00');
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT 应为 1–65535 之间的整数，现在是 70000/);
  });

  it('refuses a certificate without its key', () => {
    expect(() => loadConfig({ SERVER_CERT_PATH: '/etc/ssl/site.pem' })).toThrow(/SERVER_CERT_PATH 和 SERVER_KEY_PATH 要同时设置/);
  });

  it('reads PUBLIC_URL as the origin, whatever the path or trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://xuexi.example.gov.cn/' }).PUBLIC_URL?.origin).toBe('https://xuexi.example.gov.cn');
    expect(loadConfig({ PUBLIC_URL: ' http://10.1.2.3:4321/baosong ' }).PUBLIC_URL?.origin).toBe('http://10.1.2.3:4321');
  });

  it('treats a blank variable as unset', () => {
    const settings = loadConfig({ PORT: '', HOST: '  ', PUBLIC_URL: '' });
    expect(settings.PORT).toBe(4321);
    expect(settings.HOST).toBe('localhost');
    expect(settings.PUBLIC_URL).toBeUndefined();
  });
});

describe('starting the server with a bad setting', () => {
  it('stops with the Chinese message and no stack trace', async () => {
    const root = new URL('../..', import.meta.url);
    const failed = await promisify(execFile)(process.execPath, ['src/cli/serve.ts', 'dist'], {
      cwd: root,
      env: { ...process.env, PORT: 'abc', MALLOC_ARENA_MAX: '' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('PORT 应为 1–65535 之间的整数，现在是 abc');
    expect(failed.stderr).not.toMatch(/\bat \S+ \(|Error:/);
  });
});

describe('the README configuration table', () => {
  const rows = readmeRows();
  const defaults = loadConfig({});
  const shape = configSchema.shape;
  type Name = keyof typeof shape;
  const isName = (name: string): name is Name => name in shape;

  it('lists exactly the variables the configuration module reads', () => {
    expect(rows.flatMap((row) => row.names).sort()).toEqual(Object.keys(shape).sort());
  });

  it('gives each variable the default the module uses', () => {
    const campaign = loadCampaign({ config: {} });
    for (const row of rows) {
      for (const name of row.names) {
        if (!isName(name)) continue;
        const value = defaults[name];
        const literal = codeLiteral(row.defaultCell);
        if (typeof value === 'number') expect(literal, name).toBe(String(value));
        else if (name === 'HOST') expect(literal, name).toBe(value);
        else if (typeof value === 'string') expect(literal && resolve(literal), name).toBe(value);
        else if (name === 'LATE_POLICY') expect(literal, name).toBe(campaign.latePolicy);
        else if (name === 'CAMPAIGN_DEADLINE')
          expect(row.defaultCell, name).toContain(`\`${campaign.deadline.date}T${campaign.deadline.time}\``);
        // Without a default the README says in words what happens instead, never a value.
        else expect(literal, name).toBeUndefined();
      }
    }
  });

  it('describes each variable as the module does', () => {
    for (const row of rows) {
      for (const name of row.names) {
        if (isName(name)) expect(row.description.startsWith(shape[name].description ?? '—'), name).toBe(true);
      }
    }
  });
});
