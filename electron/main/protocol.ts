/**
 * The privileged app:// scheme that serves dist/renderer. registerAppScheme() must run before
 * the app is ready; serveRenderer() after.
 */
import fs from 'node:fs';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, resolveAppRequest, responseHeaders } from './app-url.js';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin (app://renderer) so 'self', relative URLs and ES modules work;
      // secure: treated like https (secure context); supportFetchAPI: fetch() and workers.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
    const resolved = resolveAppRequest(request.url, rendererRoot);
    if (!resolved.ok) return textResponse(resolved.status, 'refused');
    try {
      // fs reads inside app.asar work in Electron (its fs is asar-aware).
      const stat = await fs.promises.stat(resolved.filePath);
      if (!stat.isFile()) return textResponse(404, 'not found');
      const body = await fs.promises.readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: responseHeaders(resolved.mimeType),
      });
    } catch {
      return textResponse(404, 'not found');
    }
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}
