import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';

const projectRoot = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * Builds the real site into a folder of its own, so concurrent test runs never share a dist/.
 * TEST_SITE_DIR reuses a build made earlier (handy while writing a browser test); a build with
 * settings of its own (`env`, read at build time) is always made anew.
 */
export async function buildSite(env: Record<string, string> = {}): Promise<string> {
  const reuse = process.env['TEST_SITE_DIR'];
  if (reuse && Object.keys(env).length === 0 && existsSync(join(reuse, 'server/entry.mjs'))) return resolve(reuse);
  mkdirSync(join(projectRoot, '.test-build'), { recursive: true });
  const outDir = mkdtempSync(join(projectRoot, '.test-build', 'site-'));
  await run(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...process.env, ...env, ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return outDir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningSite {
  url: string;
  /** The process started (the server itself when MALLOC_ARENA_MAX is set, else its launcher). */
  pid: number;
  dataDir: string;
  /** Everything the server printed so far (access log, errors). */
  output(): string;
  /** Ends the server process at once, as a power cut or the OOM killer would (kill -9). */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the built site the way `npm start` serves it, with its own empty data folder; `cwd` is
 * the folder it runs in (the project by default).
 */
export async function startSite(siteDir: string, env: Record<string, string> = {}, cwd = projectRoot): Promise<RunningSite> {
  const port = await freePort();
  const dataDir = env['DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'baosong-data-'));
  const child = spawn(process.execPath, [join(projectRoot, 'src/cli/serve.ts'), siteDir], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`site exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`site did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    dataDir,
    output: () => output,
    crash: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
