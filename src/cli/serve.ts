/**
 * Serves a built site: the Astro standalone handler (static files + on-demand routes) behind gzip,
 * with the security headers of src/server/http/security-headers.ts on every response.
 * Units upload on weak phone links and readers open /gangyao/ on them too, so text is compressed;
 * photos, zips and spreadsheets are left as they are (already compressed).
 *
 * Usage: node src/cli/serve.ts [build folder]   (default dist; settings from #server/config/config.ts)
 */
import compression from 'compression';
import onHeaders from 'on-headers';
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseTooNewError } from '#server/db/migrate.ts';
import { CROSS_SITE_PAGE, isCrossSiteFormPost } from '#server/http/same-origin.ts';
import {
  applySecurityHeaders,
  BAD_ADDRESS_PAGE,
  clientErrorResponse,
  hasReadablePath,
  PLAIN_PAGE_POLICY,
} from '#server/http/security-headers.ts';
import { database, dataDir } from '#server/db/database.ts';
import { configOrExit, type Config } from '#server/config/config.ts';
import { CampaignConfigError } from '#server/campaign/campaign.ts';
import { prepareAtStart } from '#server/app/startup.ts';
import { accessLine, errorLine } from '#server/ops/access-log.ts';
import { standardReasonPhrases } from '#server/http/status-line.ts';
import { checkHealth } from '#server/ops/health.ts';
import { housekeeping } from '#server/ops/housekeeping.ts';
import { opsSettings } from '#server/ops/settings.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Stops on SIGINT/SIGTERM after the requests in flight (a unit may be mid-upload) are answered. */
function closeOnSignal(close: (done: () => void) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      close(() => process.exit(0));
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}

const HOUR_MS = 60 * 60 * 1000;
/** Shorter than housekeeping's TEMP_AGE_MS, so a temporary file that old belongs to no live request. */
const UPLOAD_TIMEOUT_MS = 20 * 60 * 1000;
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const requestIds = new AsyncLocalStorage<string>();

/** Errors and warnings become JSON lines carrying the id of the request they happened in. */
function tagConsole(): void {
  for (const level of ['error', 'warn'] as const) {
    const write = (line: string) => process.stderr.write(`${line}\n`);
    console[level] = (...parts: unknown[]) =>
      write(
        errorLine(
          level,
          requestIds.getStore(),
          parts.map((part) => (part instanceof Error ? (part.stack ?? part.message) : String(part))).join(' '),
        ),
      );
  }
}

/** Temporary files of cut-off uploads, expired staged uploads, old audit entries: at start, then hourly. */
async function scheduleHousekeeping(): Promise<void> {
  const settings = opsSettings();
  const run = (first: boolean) =>
    // At start no request of this process is running, so every temporary file is a leftover.
    housekeeping(database(), dataDir(), settings, first ? { tempAgeMs: 0 } : {})
      .then((report) => {
        if (Object.values(report).some((count) => count > 0))
          console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', housekeeping: report }));
      })
      .catch((error: unknown) => console.error('[清理] 定时清理未完成：', error));
  await run(true);
  setInterval(() => void run(false), HOUR_MS).unref();
}

async function healthz(res: ServerResponse): Promise<void> {
  const report = await checkHealth(database(), dataDir(), opsSettings(), version);
  res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(report));
}

/** Behind the proxy named in PUBLIC_URL the client is who the proxy says (it overwrites X-Forwarded-For). */
function clientOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return (trustProxy && last) || req.socket.remoteAddress || '';
}

function logAccess(req: IncomingMessage, res: ServerResponse, requestId: string, started: bigint, trustProxy: boolean): void {
  let bytes = 0;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const count = (chunk: unknown) => {
    if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  res.write = ((chunk: unknown, ...rest: never[]) => (count(chunk), write(chunk as never, ...rest))) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: never[]) => (
    typeof chunk !== 'function' && count(chunk),
    end(chunk as never, ...rest)
  )) as typeof res.end;
  res.once('close', () => {
    const line = accessLine({
      time: new Date(),
      requestId,
      method: req.method ?? '',
      url: req.url ?? '/',
      status: res.writableFinished ? res.statusCode : 0,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      bytes,
      client: clientOf(req, trustProxy),
    });
    process.stdout.write(`${line}\n`);
  });
}

async function serve(siteDir: string, settings: Config): Promise<void> {
  const { HOST: host, PORT: port } = settings;
  tagConsole();
  // The entry starts its own uncompressed server unless told not to.
  process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
  const entry = (await import(pathToFileURL(resolve(siteDir, 'server/entry.mjs')).href)) as { handler: Handler };
  try {
    await prepareAtStart();
  } catch (error) {
    if (error instanceof CampaignConfigError) console.error(error.message);
    else if (error instanceof DatabaseTooNewError) console.error(`站点无法启动：${error.message}`);
    else throw error;
    process.exit(1);
  }
  const compress = compression({ threshold: 1024 });

  const publicOrigin = settings.PUBLIC_URL?.origin;
  const plainPage = (status: number, html: string) => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PLAIN_PAGE_POLICY, 'cache-control': 'no-store' },
    html,
  });
  const handle: RequestListener = (req, res) => {
    // Wrapped first, so that on-headers' own wrapper runs before it and the phrase is fixed last.
    standardReasonPhrases(res);
    onHeaders(res, () => applySecurityHeaders(res));
    if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      void healthz(res);
      return;
    }
    // Astro answers an undecodable address with English "Bad request.": every refusal here is in Chinese.
    const refusal = !hasReadablePath(req.url ?? '/')
      ? plainPage(400, BAD_ADDRESS_PAGE)
      : isCrossSiteFormPost(req.method ?? 'GET', req.headers, publicOrigin)
        ? plainPage(403, CROSS_SITE_PAGE)
        : undefined;
    if (refusal) {
      res.writeHead(refusal.status, refusal.headers).end(refusal.html);
      return;
    }
    compress(req as never, res as never, () => entry.handler(req, res));
  };
  const listener: RequestListener = (req, res) => {
    const requestId = randomBytes(6).toString('hex');
    res.setHeader('x-request-id', requestId);
    logAccess(req, res, requestId, process.hrtime.bigint(), publicOrigin !== undefined);
    requestIds.run(requestId, () => handle(req, res));
  };
  await scheduleHousekeeping();
  // HTTPS without a proxy, as @astrojs/node's own server offers: certificate and key from the environment.
  const { SERVER_CERT_PATH: cert, SERVER_KEY_PATH: key } = settings;
  const server = cert && key ? createTlsServer({ cert: readFileSync(cert), key: readFileSync(key) }, listener) : createServer(listener);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
    else socket.end(clientErrorResponse(error.code));
  });
  // A phone on a weak uplink may need many minutes for the whole no-JS form with its photos; Node's
  // default of 5 minutes would cut it off. Headers must still arrive within a minute.
  server.requestTimeout = UPLOAD_TIMEOUT_MS;
  server.headersTimeout = 60_000;
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 PORT=其他端口 npm start 重试。` : error.message;
    console.error(`站点无法启动：${reason}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    console.log(`学习活动报送站已启动：${cert && key ? 'https' : 'http'}://${shown}:${port}/`);
  });
  closeOnSignal((done) => server.close(done));
}

// glibc gives each thread its own malloc arena; with sharp decoding 24-MP photos on several threads
// that alone lifts peak memory by ~200 MB. The setting is read at process start, so re-run with it.
// A bad setting stops here, before the re-run, so its Chinese message is printed once.
const settings = configOrExit();
// MALLOC_ARENA_MAX is glibc's own variable, not a setting of the site: it is only asked whether
// this process is already the re-run.
if (process.env['MALLOC_ARENA_MAX']) {
  await serve(resolve(process.argv[2] ?? 'dist'), settings);
} else {
  const child = spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, MALLOC_ARENA_MAX: '2' } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
