/**
 * Electron main process entry (bundled to dist/electron/main.cjs by scripts/build-electron.mjs).
 * Wires the pieces: app:// protocol, hardening, the service, IPC, the menu and the window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createPlannerService, type PlannerService } from '../service/service.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { registerIpc, sendMenuCommand } from './ipc.js';
import { installApplicationMenu } from './menu.js';
import { chooseNativeBinding } from './native.js';
import { htmlToPdfWithElectron } from './print-pdf.js';
import { resolveAppPaths } from './paths.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import { createMainWindow } from './window.js';
import { WINDOW_STATE_FILE } from './window-state-file.js';

// Must happen before 'ready'.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let service: PlannerService | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start).catch(fail);
}

function start(): void {
  // __dirname is dist/electron: the bundle is CommonJS (see scripts/build-electron.mjs).
  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    bundleDir: __dirname,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  const native = chooseNativeBinding({ isPackaged: app.isPackaged, appPath: app.getAppPath(), exists: fs.existsSync });
  if (native.warning) console.warn(`[ccp] ${native.warning}`);

  const svc = createPlannerService({
    homeDir: app.getPath('userData'),
    dataDir: paths.dataDir,
    door: 'electron',
    version: app.getVersion(),
    htmlToPdf: htmlToPdfWithElectron,
    ...(native.nativeBinding ? { nativeBinding: native.nativeBinding } : {}),
  });
  service = svc;

  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, paths.rendererRoot);

  registerIpc({ service: svc, locale: () => svc.locale(), window: () => mainWindow });

  const appName = () => translate(svc.locale(), 'app.title');
  const installMenu = () =>
    installApplicationMenu({
      locale: svc.locale(),
      isPackaged: app.isPackaged,
      appName: appName(),
      send: (command) => sendMenuCommand(mainWindow, command),
    });
  installMenu();
  svc.onLocaleChanged(() => {
    installMenu();
    mainWindow?.setTitle(appName());
  });

  const openWindow = () => {
    const win = createMainWindow({
      preload: paths.preload,
      title: appName(),
      stateFile: path.join(app.getPath('userData'), WINDOW_STATE_FILE),
      isPackaged: app.isPackaged,
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };
  openWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open.
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  try {
    service?.close();
  } catch (e) {
    console.error('[ccp] closing the service failed:', e);
  }
  service = null;
});

function fail(e: unknown): void {
  const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
  console.error('[ccp] start-up failed:', message);
  dialog.showErrorBox(`${translate('zh-CN', 'app.title')} / ${translate('en', 'app.title')}`, message);
  app.exit(1);
}
