/**
 * The one application window: hardened webPreferences, remembered bounds, our app:// renderer.
 */
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-url.js';
import { MIN_HEIGHT, MIN_WIDTH, sanitizeWindowState, toSavedState, type Rect } from './window-state.js';
import { createDebouncedSaver, readWindowStateFile, writeWindowStateFile } from './window-state-file.js';

export interface MainWindowOptions {
  preload: string;
  title: string;
  /** Absolute path of window-state.json. */
  stateFile: string;
  isPackaged: boolean;
}

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const restored = sanitizeWindowState(readWindowStateFile(opts.stateFile), workAreas());

  const win = new BrowserWindow({
    width: restored.width,
    height: restored.height,
    ...(restored.x !== undefined && restored.y !== undefined ? { x: restored.x, y: restored.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: opts.title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !opts.isPackaged,
    },
  });

  // Remember size/position/maximized; the normal bounds are saved while maximized so that
  // un-maximizing after a restart returns to the size the user chose.
  const saver = createDebouncedSaver(() => {
    if (win.isDestroyed()) return;
    writeWindowStateFile(opts.stateFile, toSavedState(win.getNormalBounds(), win.isMaximized()));
  });
  win.on('resize', () => saver.schedule());
  win.on('move', () => saver.schedule());
  win.on('maximize', () => saver.schedule());
  win.on('unmaximize', () => saver.schedule());
  win.on('close', () => {
    saver.schedule();
    saver.flush();
  });

  const reveal = () => {
    if (win.isDestroyed() || win.isVisible()) return;
    if (restored.maximized) win.maximize();
    win.show();
  };
  win.once('ready-to-show', reveal);
  // Never leave an invisible window behind if the page cannot load.
  win.webContents.once('did-fail-load', reveal);

  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => {
    console.error(`[ccp] could not load ${APP_ENTRY_URL}:`, e);
  });
  return win;
}
