/**
 * Debian's nginx run as a test fixture: not a daemon, with its own prefix, pid file, logs and temp
 * folders in a temp dir, in front of a site on loopback; and a self-signed certificate from openssl.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const NGINX = '/usr/sbin/nginx';

export interface Certificate {
  cert: string;
  key: string;
}

/** A certificate for `localhost` and 127.0.0.1, valid for a day. */
export async function selfSignedCertificate(dir: string): Promise<Certificate> {
  const cert = join(dir, 'site.crt');
  const key = join(dir, 'site.key');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { cert, key };
}

export interface RunningNginx {
  errorLog: () => string;
  stop(): Promise<void>;
}

/** Wraps a server block (as deploy-config prints it) in a main config of its own and starts nginx. */
export async function startNginx(serverBlock: string): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'baosong-nginx-'));
  for (const dir of ['logs', 'tmp/body', 'tmp/proxy', 'tmp/fastcgi', 'tmp/uwsgi', 'tmp/scgi'])
    mkdirSync(join(prefix, dir), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log ${prefix}/logs/access.log;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
${serverBlock}
}
`,
  );
  await run(NGINX, ['-t', '-p', prefix, '-c', conf, '-e', `${prefix}/logs/error.log`]);
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', conf, '-e', `${prefix}/logs/error.log`, '-g', 'daemon off;'], {
    stdio: 'ignore',
  });
  const errorLog = () => {
    try {
      return readFileSync(join(prefix, 'logs/error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    errorLog,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGQUIT');
      }),
  };
}

export interface CurlResult {
  status: number;
  headers: string;
  body: string;
}

/** curl against the proxy, trusting only the test certificate. */
export async function curl(ca: string, args: string[]): Promise<CurlResult> {
  const dir = mkdtempSync(join(tmpdir(), 'baosong-curl-'));
  const headers = join(dir, 'headers');
  const body = join(dir, 'body');
  const { stdout } = await run(
    'curl',
    ['--silent', '--show-error', '--cacert', ca, '-D', headers, '-o', body, '-w', '%{http_code}', ...args],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return { status: Number(stdout), headers: readFileSync(headers, 'utf8'), body: readFileSync(body, 'utf8') };
}
