/**
 * Hardening that applies to every WebContents and to the session: the window shows only our
 * app:// renderer, never opens windows or webviews, and gets no permissions.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url.js';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Sub-frames are left to the CSP (default-src 'self' also governs frame-src). */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
