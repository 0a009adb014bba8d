import { connect, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { leftoverTempFiles } from '../api/support.ts';
import { browserPhoto, submitWithTokens, unitCodes, uploadPhoto, type UnitAuth } from '../support/faults.ts';
import { startSite, type RunningSite } from '../support/site.ts';

let site: RunningSite;
let units: UnitAuth[];
const trickles: { socket: Socket; timer: NodeJS.Timeout }[] = [];

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baosong-slow-'));
  site = await startSite(inject('siteDir'), { DATA_DIR: dataDir, CAMPAIGN_DEADLINE: '2099-12-31T18:00' });
  units = await unitCodes(site.url, dataDir, 4);
});

afterAll(async () => {
  for (const { socket, timer } of trickles) {
    clearInterval(timer);
    socket.destroy();
  }
  await site?.stop();
});

/** A phone on a very weak uplink: a 2 MB photo upload sent a kilobyte every 100 ms. */
function trickleUpload(auth: UnitAuth): Promise<void> {
  const port = Number(new URL(site.url).port);
  const boundary = 'slowboundary';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="unit_id"\r\n\r\n${auth.unitId}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="code"\r\n\r\n${auth.code}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /api/uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${site.url}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n${head}`,
      );
      const chunk = Buffer.alloc(1024, 0xff);
      const timer = setInterval(() => socket.write(chunk), 100);
      trickles.push({ socket, timer });
      resolve();
    });
    socket.on('error', reject);
  });
}

describe('slow and vanishing clients', () => {
  it('keep no other unit waiting: while three phones trickle uploads, a fourth submits and pages load', async () => {
    for (const auth of units.slice(0, 3)) await trickleUpload(auth);
    // The trickled bytes are arriving: their temporary files exist.
    for (let attempt = 0; leftoverTempFiles(site.dataDir).length < 3; attempt++) {
      expect(attempt).toBeLessThan(600);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const upload = await uploadPhoto(site.url, units[3]!, await browserPhoto(9));
    expect(upload.status).toBe(200);
    const { token } = (await upload.json()) as { token: string };
    expect((await submitWithTokens(site.url, units[3]!, [token])).status).toBe(200);
    expect((await fetch(`${site.url}/gangyao/`)).status).toBe(200);
    expect((await fetch(`${site.url}/healthz`)).status).toBe(200);
  });

  it('leave no temporary file behind when they give up halfway', async () => {
    for (const { socket, timer } of trickles.splice(0)) {
      clearInterval(timer);
      socket.destroy();
    }
    for (let attempt = 0; leftoverTempFiles(site.dataDir).length > 0; attempt++) {
      expect(attempt, `left behind: ${leftoverTempFiles(site.dataDir).join(', ')}`).toBeLessThan(600);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(site.output()).toMatch(/"path":"\/api\/uploads","status":0/);
  });
});
