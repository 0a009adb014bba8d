/**
 * The two files an intranet server needs around the site: an nginx server block (HTTPS, upload size
 * matching the app's own limit, the X-Forwarded-* headers the app trusts when PUBLIC_URL names the
 * address, gzip) and a systemd unit (restart on failure, only DATA_DIR and the build writable).
 * Generated rather than copied from a file so that the numbers come from src/shared/limits.ts.
 */
import { LIMITS } from '#shared/limits.ts';

const MB = 1024 * 1024;

export interface DeploySettings {
  /** The address units type, as in PUBLIC_URL: https://xuexi.example.gov.cn */
  publicUrl: string;
  /** Where the site listens behind nginx. */
  upstreamPort: number;
  /** The unpacked offline bundle (or the project folder). */
  appDir: string;
  dataDir: string;
  user: string;
  certificate: string;
  certificateKey: string;
}

export const DEFAULT_DEPLOY: DeploySettings = {
  publicUrl: 'https://xuexi.example.gov.cn',
  upstreamPort: 4321,
  appDir: '/opt/xuexi-baosong',
  dataDir: '/srv/baosong',
  user: 'baosong',
  certificate: '/etc/nginx/ssl/xuexi.crt',
  certificateKey: '/etc/nginx/ssl/xuexi.key',
};

/** nginx's limit covers the whole request body, as the app's requestBytes does. */
export const clientMaxBodySize = () => `${Math.ceil(LIMITS.requestBytes / MB)}m`;

const page = (title: string, text: string) =>
  `'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font:18px/1.8 sans-serif;max-width:36em;margin:2em auto;padding:0 1em"><h1>${title}</h1><p>${text}</p></body></html>'`;

export function nginxConfig(settings: DeploySettings): string {
  const url = new URL(settings.publicUrl);
  const host = url.hostname;
  const port = url.port || '443';
  return `# 学习活动报送站：nginx 反向代理（HTTPS）。由 npm run deploy-config -- --nginx 生成。
# 放到 /etc/nginx/conf.d/xuexi-baosong.conf，检查证书路径后运行 nginx -t && systemctl reload nginx。
# 站点须以 PUBLIC_URL=${url.origin} 启动：只有这个地址转发来的 X-Forwarded-* 才被采用。

upstream xuexi_baosong {
    server 127.0.0.1:${settings.upstreamPort};
    keepalive 16;
}
${
  port === '443'
    ? `
server {
    listen 80;
    server_name ${host};
    return 301 https://$host$request_uri;
}
`
    : ''
}
server {
    listen ${port} ssl;
    server_name ${host};

    ssl_certificate     ${settings.certificate};
    ssl_certificate_key ${settings.certificateKey};
    ssl_protocols       TLSv1.2 TLSv1.3;
    ssl_session_cache   shared:xuexi_ssl:10m;

    # 与站点自己的上限一致（src/shared/limits.ts：一次提交最多 ${Math.round(LIMITS.requestBytes / MB)} MB）；超出时站点和 nginx 都给中文提示。
    client_max_body_size ${clientMaxBodySize()};
    # 上传边收边交给站点，由站点边收边检查，不在 nginx 的磁盘上再存一份。
    proxy_request_buffering off;
    # 手机弱网上传大照片时，两次数据包之间可能隔很久。
    client_body_timeout 120s;
    proxy_send_timeout  300s;
    proxy_read_timeout  300s;

    gzip on;
    gzip_proxied any;
    gzip_min_length 1024;
    gzip_vary on;
    gzip_types text/css application/javascript application/json image/svg+xml text/plain text/csv;

    error_page 413 @too_large;
    error_page 502 503 504 @unavailable;

    location / {
        proxy_pass http://xuexi_baosong;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-Host $http_host;
        proxy_set_header X-Forwarded-Proto $scheme;
        # 覆盖而不是追加：浏览器自己带来的 X-Forwarded-For 不可信。
        proxy_set_header X-Forwarded-For $remote_addr;
    }

    location @too_large {
        default_type text/html;
        charset utf-8;
        return 413 ${page('提交的内容太大', `一次提交不能超过 ${Math.round(LIMITS.requestBytes / MB)} MB，本次没有保存。请减少一次提交的照片数量，或先提交、再通过“修改报送”补充照片。`)};
    }

    location @unavailable {
        default_type text/html;
        charset utf-8;
        return 503 ${page('站点暂时无法访问', '报送站正在启动或维护，请一两分钟后刷新页面。已经填写的内容保存在本机浏览器中，不会丢失。')};
    }
}
`;
}

export function systemdUnit(settings: DeploySettings): string {
  return `# 学习活动报送站：systemd 服务。由 npm run deploy-config -- --systemd 生成。
# 放到 /etc/systemd/system/xuexi-baosong.service，然后：
#   useradd --system --home ${settings.dataDir} ${settings.user}; mkdir -p ${settings.dataDir}; chown ${settings.user} ${settings.dataDir}
#   chown -R ${settings.user} ${settings.appDir}/dist ${settings.appDir}/node_modules/.astro 2>/dev/null
#   systemctl daemon-reload && systemctl enable --now xuexi-baosong
# 日志（每个请求一行 JSON）：journalctl -u xuexi-baosong

[Unit]
Description=学习活动报送站
After=network.target

[Service]
Type=simple
User=${settings.user}
WorkingDirectory=${settings.appDir}
Environment=HOST=127.0.0.1
Environment=PORT=${settings.upstreamPort}
Environment=DATA_DIR=${settings.dataDir}
Environment=PUBLIC_URL=${settings.publicUrl}
ExecStart=${settings.appDir}/runtime/node src/cli/start.ts
Restart=always
RestartSec=3
# 站点收到 SIGTERM 后先答完正在上传的请求。
TimeoutStopSec=20
NoNewPrivileges=yes
PrivateTmp=yes
ProtectSystem=strict
ProtectHome=yes
# 只有数据目录和构建输出可写（PUBLIC_URL 改变时站点会在本机重新构建一次）。
ReadWritePaths=${settings.dataDir} ${settings.appDir}/dist ${settings.appDir}/node_modules/.astro

[Install]
WantedBy=multi-user.target
`;
}
