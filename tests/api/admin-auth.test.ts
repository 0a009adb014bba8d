import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshStore } from '../support/seed-submissions.ts';
import { hashPassword, isPasswordHash, verifyPassword } from '#server/admin/passwords.ts';
import { parseAdminUsers, parseOrganisersYaml } from '#server/admin/organisers.ts';
import { ensureInitialAdmin, INITIAL_PASSWORD_FILE } from '#server/admin/initial-admin.ts';
import { activeAccounts } from '#server/admin/accounts.ts';
import { attemptLogin, userSlowDown } from '#server/admin/login.ts';
import { slowDownMs } from '#server/http/rate-limit.ts';
import { ABSOLUTE_TIMEOUT_MS, findSession, IDLE_TIMEOUT_MS } from '#server/admin/sessions.ts';

const minutes = (n: number) => n * 60 * 1000;

/** The configuration with one organiser, lishuhu, whose password is given. */
const oneOrganiser = async (password: string) => ({
  organisers: [{ username: 'lishuhu', passwordHash: await hashPassword(password) }],
  problems: [],
});

describe('organiser passwords', () => {
  it('are stored as a scrypt hash that never contains the password and checks only the right one', async () => {
    const hash = await hashPassword('水利-2023-secret');
    expect(hash).toMatch(/^scrypt\.16384\.8\.1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(hash).not.toContain('secret');
    expect(await verifyPassword('水利-2023-secret', hash)).toBe(true);
    expect(await verifyPassword('水利-2023-Secret', hash)).toBe(false);
  });

  it('refuse every password when the stored value is not a hash', async () => {
    expect(isPasswordHash('plain-password')).toBe(false);
    expect(await verifyPassword('plain-password', 'plain-password')).toBe(false);
    expect(await verifyPassword('x', undefined)).toBe(false);
  });
});

describe('organiser accounts from the configuration', () => {
  it('reads ADMIN_USERS as name:hash pairs separated by semicolons', async () => {
    const [a, b] = [await hashPassword('a'), await hashPassword('b')];
    const config = parseAdminUsers(` lishuhu:${a} ; wang:${b};`);
    expect(config.organisers.map((o) => o.username)).toEqual(['lishuhu', 'wang']);
    expect(config.problems).toEqual([]);
  });

  it('refuses a user name carrying an invisible character, which no one could type at the login', async () => {
    const hash = await hashPassword('a');
    const config = parseAdminUsers(`li\u200bshuhu:${hash};wang\u202e:${hash};王明:${hash}`);
    expect(config.organisers.map((o) => o.username)).toEqual(['王明']);
    expect(config.problems).toHaveLength(2);
    expect(config.problems[0]).toContain('看不见的字符');
    const cli = spawnSync(process.execPath, ['src/cli/admin.ts', 'add', 'li\u200bshuhu'], { input: 'a-long-password\n', encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('看不见的字符');
    expect(cli.stdout).not.toContain('$');
  });

  it('skips a plain password in the YAML file and says why in Chinese', async () => {
    const good = await hashPassword('ok');
    const config = parseOrganisersYaml(
      `organisers:\n  - username: zhang\n    password: 123456\n  - username: li\n    password_hash: ${good}\n  - username: bad\n    password_hash: nothash\n`,
    );
    expect(config.organisers.map((o) => o.username)).toEqual(['li']);
    expect(config.problems.join('\n')).toContain('明文口令');
    expect(config.problems.join('\n')).toContain('“bad”的口令散列格式不对');
  });
});

describe('the initial admin account on a fresh start', () => {
  it('is created once with a random password written to the data folder and the log, and only its hash stored', async () => {
    const { db, dataDir } = freshStore();
    const logged: string[] = [];
    await ensureInitialAdmin(db, dataDir, [], (m) => logged.push(m));
    await ensureInitialAdmin(db, dataDir, [], (m) => logged.push(m));
    const file = join(dataDir, INITIAL_PASSWORD_FILE);
    expect(existsSync(file)).toBe(true);
    const password = /^口令：(\S+)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    expect(password).toHaveLength(14);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(password);
    const stored = JSON.stringify(db.prepare('SELECT * FROM meta').all());
    expect(stored).not.toContain(password);
    const outcome = await attemptLogin(db, { username: 'admin', password, ip: '10.0.0.1' }, { organisers: [], problems: [] });
    expect(outcome.ok).toBe(true);
  });

  it('is not created, and stops working, once organisers are configured', async () => {
    const { db, dataDir } = freshStore();
    const configured = await oneOrganiser('pw');
    await ensureInitialAdmin(db, dataDir, configured.organisers);
    expect(existsSync(join(dataDir, INITIAL_PASSWORD_FILE))).toBe(false);
    await ensureInitialAdmin(db, dataDir, [], () => {});
    expect(activeAccounts(db, configured).map((a) => a.username)).toEqual(['lishuhu']);
  });
});

describe('signing in', () => {
  const setup = async () => {
    const store = freshStore();
    return { ...store, config: await oneOrganiser('right-password') };
  };

  it('answers a wrong password with a Chinese message and logs the failure with the address', async () => {
    const { db, config } = await setup();
    const outcome = await attemptLogin(db, { username: 'lishuhu', password: 'wrong', ip: '10.0.0.9' }, config);
    expect(outcome).toEqual({ ok: false, status: 401, message: '用户名或口令不正确。' });
    const log = db.prepare('SELECT username, action, ip FROM audit_log').all();
    expect(log).toEqual([{ username: 'lishuhu', action: 'login_failed', ip: '10.0.0.9' }]);
  });

  it('pauses sign-in from an address after ten failures, even with the right password', async () => {
    const { db, config } = await setup();
    const now = new Date('2023-02-20T01:00:00Z');
    for (let i = 0; i < 10; i++) {
      await attemptLogin(db, { username: 'lishuhu', password: `guess-${i}`, ip: '10.0.0.66' }, config, now);
    }
    const blocked = await attemptLogin(db, { username: 'lishuhu', password: 'right-password', ip: '10.0.0.66' }, config, now);
    expect(blocked.ok).toBe(false);
    expect(blocked.ok === false && blocked.status).toBe(429);
    expect(blocked.ok === false && blocked.message).toMatch(/登录失败次数过多.*15 分钟后再试/);
    const later = new Date(now.getTime() + minutes(16));
    expect((await attemptLogin(db, { username: 'lishuhu', password: 'right-password', ip: '10.0.0.66' }, config, later)).ok).toBe(true);
  });

  it('cannot be locked by others: after 11 failures from 11 addresses the right password from a fresh address signs in', async () => {
    const { db, config } = await setup();
    const now = new Date('2023-02-20T01:00:00Z');
    for (let i = 0; i < 11; i++) {
      const outcome = await attemptLogin(db, { username: 'lishuhu', password: `guess-${i}`, ip: `10.0.8.${i}` }, config, now);
      expect(outcome.ok === false && outcome.status).toBe(401);
    }
    expect(slowDownMs(db, userSlowDown('lishuhu'), now)).toBe(500);
    expect((await attemptLogin(db, { username: 'lishuhu', password: 'right-password', ip: '10.0.9.1' }, config, now)).ok).toBe(true);
  });

  it('lets no more than ten guesses through when they are all sent at the same moment', async () => {
    const { db, config } = await setup();
    const now = new Date('2023-02-20T01:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attemptLogin(db, { username: 'lishuhu', password: `guess-${i}`, ip: '10.0.0.77' }, config, now)),
    );
    const statuses = outcomes.map((outcome) => (outcome.ok ? 200 : outcome.status));
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
  });

  it('does not count a successful sign-in against the address', async () => {
    const { db, config } = await setup();
    const now = new Date('2023-02-20T01:00:00Z');
    for (let i = 0; i < 12; i++) {
      expect((await attemptLogin(db, { username: 'lishuhu', password: 'right-password', ip: '10.0.0.78' }, config, now)).ok).toBe(true);
    }
  });

  it('asks for both fields when one is empty', async () => {
    const { db, config } = await setup();
    expect(await attemptLogin(db, { username: ' ', password: 'x', ip: '' }, config)).toEqual({
      ok: false,
      status: 400,
      message: '请填写用户名和口令。',
    });
  });
});

describe('organiser sessions', () => {
  const start = new Date('2023-02-20T01:00:00Z');
  /** A fresh store with lishuhu signed in at start, and the cookie the browser got. */
  const signedIn = async () => {
    const { db } = freshStore();
    const outcome = await attemptLogin(db, { username: 'lishuhu', password: 'pw', ip: '' }, await oneOrganiser('pw'), start);
    if (!outcome.ok) throw new Error('login failed');
    return { db, cookie: outcome.session.cookieValue };
  };

  it('end after 30 minutes without a request and are removed from the database', async () => {
    const { db, cookie } = await signedIn();
    expect(findSession(db, cookie, new Date(start.getTime() + minutes(29)))?.username).toBe('lishuhu');
    expect(findSession(db, cookie, new Date(start.getTime() + minutes(29) + IDLE_TIMEOUT_MS + 1))).toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM admin_sessions').get()).toEqual({ n: 0 });
  });

  it('end after the absolute limit however busy the organiser is, and store only a hash of the cookie', async () => {
    const { db, cookie } = await signedIn();
    expect(JSON.stringify(db.prepare('SELECT * FROM admin_sessions').all())).not.toContain(cookie);
    let t = start.getTime();
    while (t < start.getTime() + ABSOLUTE_TIMEOUT_MS - minutes(20)) {
      t += minutes(20);
      expect(findSession(db, cookie, new Date(t))).not.toBeNull();
    }
    expect(findSession(db, cookie, new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS + 1))).toBeNull();
  });
});
