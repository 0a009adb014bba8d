/**
 * `npm run deploy-config -- --nginx` / `--systemd`: prints the nginx server block or the systemd unit
 * for an intranet server, filled in with this site's limits and the given addresses and folders.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DEPLOY, nginxConfig, systemdUnit, type DeploySettings } from '#server/ops/deploy-config.ts';

const USAGE = `用法：npm run --silent deploy-config -- --nginx   [选项] > xuexi-baosong.conf
      npm run --silent deploy-config -- --systemd [选项] > xuexi-baosong.service
选项：--public-url ${DEFAULT_DEPLOY.publicUrl}  --port ${DEFAULT_DEPLOY.upstreamPort}  --app-dir ${DEFAULT_DEPLOY.appDir}
      --data-dir ${DEFAULT_DEPLOY.dataDir}  --user ${DEFAULT_DEPLOY.user}
      --cert ${DEFAULT_DEPLOY.certificate}  --key ${DEFAULT_DEPLOY.certificateKey}`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let values;
try {
  values = parseArgs({
    options: {
      nginx: { type: 'boolean' },
      systemd: { type: 'boolean' },
      'public-url': { type: 'string', default: process.env['PUBLIC_URL'] ?? DEFAULT_DEPLOY.publicUrl },
      port: { type: 'string', default: String(DEFAULT_DEPLOY.upstreamPort) },
      'app-dir': { type: 'string', default: DEFAULT_DEPLOY.appDir },
      'data-dir': { type: 'string', default: DEFAULT_DEPLOY.dataDir },
      user: { type: 'string', default: DEFAULT_DEPLOY.user },
      cert: { type: 'string', default: DEFAULT_DEPLOY.certificate },
      key: { type: 'string', default: DEFAULT_DEPLOY.certificateKey },
    },
    strict: true,
  }).values;
} catch {
  fail(`无法识别的参数：${process.argv.slice(2).join(' ')}\n${USAGE}`);
}
if (!values.nginx === !values.systemd) fail(USAGE);

let publicUrl: URL;
try {
  publicUrl = new URL(values['public-url']);
} catch {
  fail(`--public-url 不是完整的网址：“${values['public-url']}”，应形如 https://xuexi.example.gov.cn`);
}
if (publicUrl.protocol !== 'https:') fail(`--public-url 应以 https:// 开头（nginx 负责 HTTPS），现在是 ${publicUrl.origin}`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port 应为 1～65535 的端口号，现在是“${values.port}”`);

const settings: DeploySettings = {
  publicUrl: publicUrl.origin,
  upstreamPort: port,
  appDir: values['app-dir'],
  dataDir: values['data-dir'],
  user: values.user,
  certificate: values.cert,
  certificateKey: values.key,
};
process.stdout.write(values.nginx ? nginxConfig(settings) : systemdUnit(settings));
