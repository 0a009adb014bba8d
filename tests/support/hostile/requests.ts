/**
 * Hostile requests, written byte by byte on a socket (fetch would repair a broken address before
 * sending it): undecodable addresses, methods a route does not take, posts from another site,
 * bodies of the wrong type, path tricks, headers past the limit. Every answer must carry the
 * security headers, and every refusal must be in Chinese.
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RequestScenario {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The status the site must answer with. */
  status: number;
}

/** Sends one request exactly as given and reads the whole answer (the connection is closed after it). */
export function rawRequest(baseUrl: string, scenario: Omit<RequestScenario, 'name' | 'status'>): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = Buffer.from(scenario.body ?? '', 'utf8');
  const headers: Record<string, string> = { host: url.host, connection: 'close', ...scenario.headers };
  if (headers['origin'] === SAME_ORIGIN) headers['origin'] = url.origin;
  if (scenario.body !== undefined) headers['content-length'] = String(body.length);
  const head = `${scenario.method} ${scenario.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may answer and close before it has read everything (a header past its limit).
    socket.on('error', (error) => (chunks.length ? resolve(parseResponse(Buffer.concat(chunks))) : reject(error)));
    socket.on('end', () => resolve(parseResponse(Buffer.concat(chunks))));
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  });
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parseResponse(raw: Buffer): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split < 0 ? raw.length : split).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') };
}

const form = 'application/x-www-form-urlencoded';
/** Stands for the site's own origin, which only rawRequest knows. */
const SAME_ORIGIN = 'same-origin';

export function hostileRequests(): RequestScenario[] {
  return [
    { name: 'undecodable percent-encoding', method: 'GET', path: '/%E4%B8%AD%ZZ/', status: 400 },
    { name: 'a lone percent byte', method: 'GET', path: '/baosong/%ff', status: 400 },
    { name: 'undecodable address of an API', method: 'GET', path: '/api/files/%c0%af', status: 400 },
    { name: 'an address that does not exist', method: 'GET', path: '/no-such-page/', status: 404 },
    { name: 'path traversal to a stored file', method: 'GET', path: '/api/files/..%2f..%2fetc%2fpasswd', status: 404 },
    { name: 'a stored file without its token', method: 'GET', path: '/api/files/1', status: 404 },
    { name: 'a staged upload with a made-up token', method: 'GET', path: '/api/uploads/abcdefghijklmnop/photo', status: 404 },
    { name: 'a receipt without its token', method: 'GET', path: '/baosong/huizhi/BS2023-0001', status: 404 },
    {
      name: 'a form post from another site',
      method: 'POST',
      path: '/baosong/',
      headers: { origin: 'http://evil.example', 'content-type': form },
      body: 'unit_id=1&code=X',
      status: 403,
    },
    {
      name: 'a submission sent as JSON',
      method: 'POST',
      path: '/api/submissions',
      headers: { 'content-type': 'application/json' },
      body: '{"unit_id":1}',
      status: 415,
    },
    {
      name: 'a multipart post without a boundary',
      method: 'POST',
      path: '/api/uploads',
      headers: { 'content-type': 'multipart/form-data', origin: SAME_ORIGIN },
      body: 'x',
      status: 400,
    },
    {
      name: 'a sign-in without its form token',
      method: 'POST',
      path: '/admin/login',
      headers: { 'content-type': form, origin: SAME_ORIGIN },
      body: 'username=admin&password=x',
      status: 403,
    },
    {
      name: 'a method the submission API does not take',
      method: 'DELETE',
      path: '/api/submissions',
      headers: { origin: SAME_ORIGIN },
      status: 404,
    },
    { name: 'a bare DELETE from nowhere', method: 'DELETE', path: '/api/submissions', status: 403 },
    { name: 'the console without a session', method: 'GET', path: '/api/admin/essays/1/featured', status: 401 },
    { name: 'a header far past the limit', method: 'GET', path: '/', headers: { 'x-filler': 'a'.repeat(20 * 1024) }, status: 431 },
  ];
}
