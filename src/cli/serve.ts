/**
 * Serves a built site: the Astro standalone handler (static files + on-demand routes) behind gzip.
 * Units upload on weak phone links and readers open /gangyao/ on them too, so text is compressed;
 * photos, zips and spreadsheets are left as they are (already compressed).
 *
 * Usage: node src/cli/serve.ts [build folder]   (default dist; HOST and PORT from the environment)
 */
import compression from 'compression';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const siteDir = resolve(process.argv[2] ?? 'dist');
const host = process.env['HOST'] ?? 'localhost';
const port = Number(process.env['PORT'] ?? 4321);

// The entry starts its own uncompressed server unless told not to.
process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const entry = (await import(pathToFileURL(resolve(siteDir, 'server/entry.mjs')).href)) as { handler: Handler };
const compress = compression({ threshold: 1024 });
// The organiser console's first account is made now, so its password is in the log at once.
await (await import('../server/admin/startup.ts')).prepareConsoleAtStart();

const server = createServer((req, res) => {
  compress(req as never, res as never, () => entry.handler(req, res));
});

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 PORT=其他端口 npm start 重试。` : error.message;
  console.error(`站点无法启动：${reason}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`学习活动报送站已启动：http://${shown}:${port}/`);
});

// Finish requests in flight (a unit may be mid-upload) before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
