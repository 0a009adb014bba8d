import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * Inside a network namespace of its own only loopback exists: the unpacked site must start and
 * answer with nothing from outside. The shell polls until it answers (at most three minutes).
 */
const OFFLINE_START = `
set -e
ip link set lo up
cd "$1"
HOST=127.0.0.1 PORT=4399 DATA_DIR="$2" ./start.sh > "$2.log" 2>&1 &
site=$!
for attempt in $(seq 1 180); do
  code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:4399/baosong/ || true)
  if [ "$code" = 200 ]; then
    curl -s http://127.0.0.1:4399/healthz
    kill $site; wait $site || true
    exit 0
  fi
  kill -0 $site 2>/dev/null || { cat "$2.log"; exit 1; }
  sleep 1
done
cat "$2.log"
exit 1
`;

describe('npm run bundle', () => {
  it('writes one linux-x64 archive that unpacks and starts with ./start.sh on a machine without network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baosong-bundle-test-'));
    const archive = join(dir, 'site.tar.gz');
    await run('npm', ['run', 'bundle', '--', '--out', archive], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
    expect(statSync(archive).size).toBeGreaterThan(50 * 1024 * 1024);

    await run('tar', ['-xzf', archive, '-C', dir]);
    const folder = readdirSync(dir).find((name) => name.endsWith('-linux-x64'))!;
    const unpacked = join(dir, folder);
    expect(readdirSync(unpacked)).toEqual(expect.arrayContaining(['start.sh', 'runtime', 'dist', 'node_modules', 'package.json']));
    const { stdout: version } = await run(join(unpacked, 'runtime/node'), ['--version']);
    expect(version).toMatch(/^v24\./);
    // Production dependencies only: the test and lint tools stay behind.
    expect(readdirSync(join(unpacked, 'node_modules'))).not.toContain('vitest');

    const { stdout } = await run('unshare', ['-n', 'bash', '-c', OFFLINE_START, 'offline', unpacked, join(dir, 'data')], {
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'ok', databaseWritable: true, version: '1.0.0' });
  });
});
