/**
 * The app:// scheme that serves the built renderer (dist/renderer). Pure: URL → file mapping,
 * MIME types and the Content-Security-Policy; protocol.ts does the Electron wiring.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Same policy as the <meta> in renderer/index.html, sent as a header on every app:// response. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** True for URLs of our own renderer (app://renderer/…), the only content the window may show. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// request URL to a file under `root` (an absolute folder). Refuses other hosts,
 * encoded separators, NUL bytes and anything that would resolve outside `root`.
 */
export function resolveAppRequest(url: string, root: string): AppRequestResolution {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { ok: false, status: 404 };

  // Check the raw text too: WHATWG parsing silently folds "/../" segments, and Chromium has
  // normalised the URL before it reaches us anyway; dot segments, encoded separators or a
  // backslash in the raw text mean someone is probing, not a link of ours.
  const raw = rawPathOf(url);
  if (raw === null || /%2f|%5c|%00|\\/i.test(raw)) return { ok: false, status: 403 };
  if (raw.split('/').some((seg) => /^(\.|%2e){1,2}$/i.test(seg))) return { ok: false, status: 403 };

  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  if (segments.length === 0) segments.push('index.html');

  const base = path.resolve(root);
  const filePath = path.resolve(base, ...segments);
  const rel = path.relative(base, filePath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

/** The path part of a URL exactly as written (before WHATWG normalisation), or null. */
function rawPathOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return m ? m[1] : null;
}

/** Headers sent with every app:// response. */
export function responseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}
