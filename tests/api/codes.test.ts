import { execFile } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, codeMatches, generateCode, issueCodes, unitSlowDown, verifyUnitCode } from '#server/campaign/codes.ts';
import { recordEvent, slowDownMs } from '#server/http/rate-limit.ts';
import { listUnits, seedUnits } from '#server/campaign/units.ts';
import { testContext, unitWithCode } from '../support/api-context.ts';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../..');

describe('报送码', () => {
  it('are 10 characters from an alphabet without 0, O, 1, I or L', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      expect(code).toHaveLength(CODE_LENGTH);
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]+$/);
    }
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL]/);
  });

  it('are stored only as scrypt hashes and issued to units that have none', async () => {
    const context = testContext();
    const issued = await issueCodes(context.db);
    expect(issued).toHaveLength(listUnits(context.db).length);
    const row = context.db.prepare('SELECT code_hash FROM units WHERE id = ?').get(issued[0]!.unit.id) as { code_hash: string };
    // The same format as organiser passwords (#server/secrets/scrypt-hash.ts).
    expect(row.code_hash).toMatch(/^scrypt\.16384\.8\.1\.[\w-]+\.[\w-]{43}$/);
    expect(row.code_hash).not.toContain(issued[0]!.code);
    expect(await issueCodes(context.db)).toEqual([]);
  });

  it('still accept a code whose hash the first release wrote, so codes already handed out keep working', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('ABCDEFGHJK', salt, 32, { N: 16384, r: 8, p: 1 });
    const legacy = ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await codeMatches('abcde fghjk', legacy)).toBe(true);
    expect(await codeMatches('ABCDEFGHJM', legacy)).toBe(false);
  });

  it('accept the right code typed in lower case with spaces', async () => {
    const context = testContext();
    const { unitId, code } = await unitWithCode(context);
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;
    const check = await verifyUnitCode(context.db, {
      unitId: String(unitId),
      code: typed,
      address: '10.0.0.1',
      now: context.now,
      contact: '市水利局',
    });
    expect(check.ok).toBe(true);
  });

  it('stop working once a new code is issued', async () => {
    const context = testContext();
    const { unitId, code } = await unitWithCode(context);
    const [renewed] = await issueCodes(context.db, [unitId]);
    const attempt = { unitId: String(unitId), address: '10.0.0.1', now: context.now, contact: '市水利局' };
    expect((await verifyUnitCode(context.db, { ...attempt, code })).ok).toBe(false);
    expect((await verifyUnitCode(context.db, { ...attempt, code: renewed!.code })).ok).toBe(true);
  });

  it('refuse a wrong code with a Chinese message that explains the alphabet', async () => {
    const context = testContext();
    const { unitId } = await unitWithCode(context);
    const check = await verifyUnitCode(context.db, {
      unitId: String(unitId),
      code: 'ABCDEFGHJK',
      address: '10.0.0.1',
      now: context.now,
      contact: '市水利局',
    });
    expect(check).toMatchObject({ ok: false, status: 401, field: 'code' });
    if (!check.ok) expect(check.message).toContain('报送码不正确');
  });

  it('tell a unit without a code whom to ask', async () => {
    const context = testContext();
    const unit = listUnits(context.db)[0]!;
    const check = await verifyUnitCode(context.db, {
      unitId: String(unit.id),
      code: 'ABCDEFGHJK',
      address: '10.0.0.1',
      now: context.now,
      contact: '市水利局水利工程建设与监督科（李述虎）',
    });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('李述虎');
  });

  it('cannot be locked for a unit by others: after 11 wrong codes from 11 addresses the right code from a fresh address works', async () => {
    const context = testContext();
    const { unitId, code } = await unitWithCode(context);
    const attempt = (guess: string, address: string) =>
      verifyUnitCode(context.db, { unitId: String(unitId), code: guess, address, now: context.now, contact: '市水利局' });
    for (let i = 0; i < 11; i++) expect(await attempt('WRONGCODE2', `10.0.1.${i}`)).toMatchObject({ ok: false, status: 401 });
    expect((await attempt(code, '10.0.2.1')).ok).toBe(true);
  });

  it('make every further attempt on a guessed-at unit wait longer, up to 3 seconds, instead of refusing it', async () => {
    const context = testContext();
    const { unitId } = await unitWithCode(context);
    const rule = unitSlowDown(unitId);
    expect(slowDownMs(context.db, rule, context.now)).toBe(0);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        verifyUnitCode(context.db, { unitId: String(unitId), code: 'WRONGCODE2', address: `10.0.3.${i}`, now: context.now, contact: '' }),
      ),
    );
    expect(guesses.every((check) => !check.ok && check.status === 401)).toBe(true);
    expect(slowDownMs(context.db, rule, context.now)).toBe(500);
    recordEvent(
      context.db,
      Array.from({ length: 40 }, () => rule.bucket),
      context.now,
    );
    expect(slowDownMs(context.db, rule, context.now)).toBe(3000);
    expect(slowDownMs(context.db, rule, new Date(context.now.getTime() + 16 * 60_000))).toBe(0);
  });

  it('let no more than 30 guesses from one address through when they are all sent at the same moment, and say when to retry', async () => {
    const context = testContext();
    const units = listUnits(context.db).slice(0, 4);
    await issueCodes(
      context.db,
      units.map((unit) => unit.id),
    );
    const checks = await Promise.all(
      Array.from({ length: 35 }, (_, i) =>
        verifyUnitCode(context.db, {
          unitId: String(units[i % 4]!.id),
          code: 'WRONGCODE2',
          address: '10.0.5.1',
          now: context.now,
          contact: '市水利局',
        }),
      ),
    );
    const statuses = checks.map((check) => (check.ok ? 200 : check.status));
    expect(statuses.filter((status) => status === 401)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const refused = checks.find((check) => !check.ok && check.status === 429);
    expect(refused && !refused.ok && refused.message).toMatch(/约 15 分钟后（北京时间 2030年6月1日 10:15 以后）/);
  });

  it('do not count the right code against the unit', async () => {
    const context = testContext();
    const { unitId, code } = await unitWithCode(context);
    for (let i = 0; i < 12; i++) {
      const check = await verifyUnitCode(context.db, { unitId: String(unitId), code, address: '10.0.4.1', now: context.now, contact: '' });
      expect(check.ok).toBe(true);
    }
  });

  it('are locked for an address after 30 wrong guesses across units', async () => {
    const context = testContext();
    const units = listUnits(context.db).slice(0, 4);
    await issueCodes(
      context.db,
      units.map((unit) => unit.id),
    );
    for (let i = 0; i < 30; i++) {
      await verifyUnitCode(context.db, {
        unitId: String(units[i % 4]!.id),
        code: 'WRONGCODE2',
        address: '10.9.9.9',
        now: context.now,
        contact: '',
      });
    }
    const next = await verifyUnitCode(context.db, {
      unitId: String(units[0]!.id),
      code: 'WRONGCODE2',
      address: '10.9.9.9',
      now: context.now,
      contact: '',
    });
    expect(next).toMatchObject({ ok: false, status: 429 });
    const elsewhere = await verifyUnitCode(context.db, {
      unitId: String(units[0]!.id),
      code: 'WRONGCODE2',
      address: '10.9.9.8',
      now: context.now,
      contact: '',
    });
    expect(elsewhere).toMatchObject({ ok: false, status: 401 });
  });

  it('are printed by npm run codes as an Excel-ready CSV, once per unit, and all anew with --all', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baosong-codes-'));
    const env = { ...process.env, DATA_DIR: dataDir };
    const first = await run(process.execPath, ['src/cli/codes.ts'], { cwd: projectRoot, env });
    expect(first.stdout.startsWith('\uFEFF单位,报送码\r\n')).toBe(true);
    const rows = first.stdout.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(22);
    expect(rows[0]).toMatch(/^卫辉市水利局,[A-HJKMNP-Z2-9]{10}$/);
    expect(first.stderr).toContain('示例数据');

    const again = await run(process.execPath, ['src/cli/codes.ts'], { cwd: projectRoot, env });
    expect(again.stdout).toBe('\uFEFF单位,报送码\r\n');
    expect(again.stderr).toContain('--all');

    const all = await run(process.execPath, ['src/cli/codes.ts', '--all'], { cwd: projectRoot, env });
    const renewed = all.stdout.trim().split('\r\n').slice(1);
    expect(renewed).toHaveLength(22);
    expect(renewed[0]).not.toBe(rows[0]);
  });

  it('are written to a file by npm run codes -- --out, and by the README redirect, with the BOM as the first bytes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baosong-codes-'));
    const env = { ...process.env, DATA_DIR: dataDir };
    const file = join(dataDir, '报送码.csv');
    const written = await run('npm', ['run', 'codes', '--', '--out', file], { cwd: projectRoot, env });
    expect(written.stderr).toContain(`已写入 ${file}`);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toHaveLength(24);

    const redirected = join(dataDir, 'redirected.csv');
    await run('sh', ['-c', `npm run --silent codes -- --all > '${redirected}'`], { cwd: projectRoot, env });
    expect(readFileSync(redirected, 'utf8').startsWith('\uFEFF单位,报送码\r\n')).toBe(true);
  });

  it('are not issued when npm run codes gets an option it does not know, and it says how to call it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baosong-codes-'));
    const env = { ...process.env, DATA_DIR: dataDir };
    const mistyped = await run(process.execPath, ['src/cli/codes.ts', '--alll'], { cwd: projectRoot, env }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(mistyped.stdout).toBe('');
    expect(mistyped.stderr).toContain('无法识别的参数：--alll');
    expect(mistyped.stderr).toContain('npm run codes -- --all');
    const first = await run(process.execPath, ['src/cli/codes.ts'], { cwd: projectRoot, env });
    expect(first.stdout.trim().split('\r\n').slice(1)).toHaveLength(22);
  });
});

describe('units', () => {
  it('are copied from the campaign once and never duplicated nor brought back', () => {
    const context = testContext();
    const before = listUnits(context.db).length;
    expect(before).toBe(context.campaign.units.list.length);
    context.db.prepare('DELETE FROM units WHERE name = ?').run('卫辉市水利局');
    expect(seedUnits(context.db, context.campaign)).toBe(0);
    expect(listUnits(context.db)).toHaveLength(before - 1);
  });

  it('come in the configured order with their categories', () => {
    const context = testContext();
    const units = listUnits(context.db);
    expect(units[0]).toMatchObject({ name: '卫辉市水利局', category: '县（市、区）水利局', hasCode: false });
    expect(units.at(-1)).toMatchObject({ category: '局属建管局' });
  });
});
