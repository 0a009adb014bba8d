import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCodes } from '#server/campaign/codes.ts';
import { listUnits } from '#server/campaign/units.ts';
import { openDatabase } from '#server/db/database.ts';
import { DEFAULT_DEPLOY, nginxConfig, systemdUnit } from '#server/ops/deploy-config.ts';
import { completeFields } from '../api/support.ts';
import { curl, selfSignedCertificate, startNginx, type RunningNginx } from '../support/nginx.ts';
import { buildSite, freePort, startSite, type RunningSite } from '../support/site.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'baosong-deploy-'));
let site: RunningSite;
let nginx: RunningNginx;
let publicUrl: string;
let ca: string;
let nginxPort: number;

beforeAll(async () => {
  const certificate = await selfSignedCertificate(dir);
  ca = certificate.cert;
  nginxPort = await freePort();
  publicUrl = `https://localhost:${nginxPort}`;
  site = await startSite(await buildSite({ PUBLIC_URL: publicUrl }), { PUBLIC_URL: publicUrl });
  const settings = {
    ...DEFAULT_DEPLOY,
    publicUrl,
    upstreamPort: Number(new URL(site.url).port),
    certificate: certificate.cert,
    certificateKey: certificate.key,
  };
  nginx = await startNginx(nginxConfig(settings));
  for (let attempt = 0; ; attempt++) {
    const answer = await curl(ca, [`${publicUrl}/`]).catch(() => undefined);
    if (answer?.status === 200) break;
    if (attempt > 300) throw new Error(`nginx did not answer:\n${nginx.errorLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await nginx?.stop();
  await site?.stop();
});

/** The unit's fields and a photo as curl -F arguments, the way the plain form posts them. */
async function submissionArgs(origin: string): Promise<string[]> {
  await curl(ca, [`${publicUrl}/baosong/`]);
  const db = openDatabase(site.dataDir);
  const unit = listUnits(db).find((candidate) => candidate.name === '卫辉市水利局')!;
  const [issued] = await issueCodes(db, [unit.id]);
  db.close();
  const photo = join(dir, 'photo.jpg');
  writeFileSync(
    photo,
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2f6f4f' } })
      .jpeg()
      .toBuffer(),
  );
  const fields = completeFields(unit.id, issued!.code).flatMap(([name, value]) => ['--form-string', `${name}=${value}`]);
  return [
    '-H',
    `Origin: ${origin}`,
    ...fields,
    '--form-string',
    'photo_caption_1=专题学习会',
    '-F',
    `photo_1=@${photo};type=image/jpeg`,
    `${publicUrl}/baosong/`,
  ];
}

describe('the site behind Debian nginx with HTTPS, as deploy-config writes it', () => {
  it('accepts a unit’s submission posted from the public address and shows its receipt', async () => {
    const posted = await curl(ca, await submissionArgs(publicUrl));
    expect(posted.status).toBe(303);
    const location = /^location: (.+)$/im.exec(posted.headers)![1]!.trim();
    const receipt = await curl(ca, [new URL(location, publicUrl).href]);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toContain('卫辉市水利局');
  });

  it('refuses the same post from another site with a Chinese page', async () => {
    const refused = await curl(ca, await submissionArgs('https://evil.example'));
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('这次提交不是从本站页面发出的');
  });

  it('compresses pages with gzip', async () => {
    const page = await curl(ca, ['-H', 'Accept-Encoding: gzip', `${publicUrl}/gangyao/`]);
    expect(page.status).toBe(200);
    expect(page.headers).toMatch(/^content-encoding: gzip/im);
  });

  it('refuses a post larger than the site takes before reading it, in Chinese', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: nginxPort, servername: 'localhost', ca: readFileSync(ca) });
      let text = '';
      socket.on('secureConnect', () =>
        socket.write(
          `POST /baosong/ HTTP/1.1\r\nHost: localhost:${nginxPort}\r\nOrigin: ${publicUrl}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\n`,
        ),
      );
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('一次提交不能超过 200 MB');
  });

  it('writes a systemd unit that systemd accepts', async () => {
    const appDir = join(dir, 'app');
    mkdirSync(join(appDir, 'runtime'), { recursive: true });
    copyFileSync(process.execPath, join(appDir, 'runtime/node'));
    const unit = join(dir, 'xuexi-baosong.service');
    writeFileSync(unit, systemdUnit({ ...DEFAULT_DEPLOY, appDir, user: 'root', publicUrl }));
    const { stderr } = await run('systemd-analyze', ['verify', unit]);
    expect(stderr).not.toContain('xuexi-baosong.service:');
  });
});
