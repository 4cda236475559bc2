/**
 * Browser mode: the built renderer and the same PlannerApi over HTTP, bound to 127.0.0.1 only.
 * Access needs the random token printed at start: the page URL carries it once (it is then kept
 * in an HttpOnly cookie for the static files) and every API call sends it in X-CCP-Token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch } from '../api/dispatch.js';
import { ApiError, type ApiResult } from '../api/errors.js';
import type { PlannerApi } from '../api/schema.js';
import { translate } from '../../renderer/src/i18n/index.js';

export interface WebServerOptions {
  api: PlannerApi;
  /** Folder with the built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Coverage results with isochrones are the largest bodies (a few MB for a county).
const MAX_BODY_BYTES = 64 << 20;
const COOKIE = 'ccp_token';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

const STATUS: Partial<Record<ApiError['code'], number>> = {
  UNAUTHORIZED: 401,
  INVALID_ARGUMENT: 400,
  UNKNOWN_METHOD: 404,
  INTERNAL: 500,
};

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) sendResult(res, { ok: false, error: new ApiError('INTERNAL', String(e)).toData() });
      else res.destroy();
    });
  });

  const tokenMatches = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // DNS-rebinding guard: only our own loopback host names.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421).end('misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const queryToken = url.searchParams.get('token');
    const cookieToken = parseCookies(req.headers.cookie)[COOKIE];
    if (!tokenMatches(queryToken) && !tokenMatches(cookieToken)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`401: ${translate('zh-CN', 'errors.UNAUTHORIZED')}\n${translate('en', 'errors.UNAUTHORIZED')}\n`);
      return;
    }
    if (tokenMatches(queryToken)) res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    serveStatic(url.pathname, res, req.method === 'HEAD');
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!tokenMatches(req.headers['x-ccp-token'] as string | undefined)) {
      sendResult(res, { ok: false, error: new ApiError('UNAUTHORIZED', 'missing or wrong X-CCP-Token').toData() });
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    let args: unknown;
    try {
      const body = await readBody(req);
      args = body.length ? JSON.parse(body) : {};
    } catch (e) {
      sendResult(res, { ok: false, error: new ApiError('INVALID_ARGUMENT', `bad request body: ${(e as Error).message}`, { field: '(body)' }).toData() });
      return;
    }
    const result = await dispatch(opts.api, decodeURIComponent(method), args);
    sendResult(res, result);
  }

  function serveStatic(pathname: string, res: http.ServerResponse, headOnly: boolean): void {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(staticRoot, '.' + rel);
    if (!file.startsWith(staticRoot + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
    });
    res.end(headOnly ? undefined : data);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

function sendResult(res: http.ServerResponse, result: ApiResult<unknown>): void {
  if (!result.ok) {
    const body = JSON.stringify(result);
    res.writeHead(STATUS[result.error.code] ?? 422, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(body);
    return;
  }
  if (result.value === null || result.value === undefined) {
    res.writeHead(204).end();
    return;
  }
  if (result.value instanceof Uint8Array) {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': result.value.byteLength });
    res.end(result.value);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}
