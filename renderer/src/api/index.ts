/**
 * Picks the door at start: Electron IPC when the preload exposed `window.ccp`, otherwise HTTP
 * to the same origin with the session token ("browser mode"). Exports the typed `api` and the
 * `host` services (file dialogs, native menu commands).
 */
import type { PlannerApi } from '../../../electron/api/schema.js';
import { useAppStore } from '../state/store.js';
import type { HostServices, WindowWithBridge } from './bridge.js';
import { createApi } from './client.js';
import { createHttpInvoke } from './http.js';
import { siblingPath } from './paths.js';
import { takeToken } from './token.js';

export type Host = HostServices;

const bridge = (window as WindowWithBridge).ccp;

function browserHost(): HostServices<'browser'> {
  return {
    door: 'browser',
    showOpenDialog: () => useAppStore.getState().requestPath('open', lastPath()),
    showSaveDialog: (defaultName, kind) =>
      useAppStore.getState().requestPath('save', siblingPath(lastPath(), defaultName), kind && kind !== 'project' ? 'dialog.saveFileTitle' : undefined),
    // The browser prints the page itself: its print stylesheet sets the paper, the user picks "Save as PDF".
    printToPdf: async () => {
      window.print();
      return null;
    },
    // No native menu in a browser: the in-app menu bar dispatches the commands itself.
    onMenuCommand: () => () => {},
  };
}

function createBrowserApi(): PlannerApi {
  const token = takeToken({
    href: window.location.href,
    storage: safeSessionStorage(),
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  });
  return createApi(createHttpInvoke({ fetch: (input, init) => window.fetch(input, init), token }));
}

export const api: PlannerApi = bridge ? createApi(bridge.invoke) : createBrowserApi();
export const host: Host = bridge ? bridge.host : browserHost();

// ---- remembered paths for the browser-mode path modal ---------------------------------------

const LAST_PATH_KEY = 'ccp.lastPath';

/** Remembers the last path the user typed, so the next dialog starts in the same folder. */
export function rememberPath(path: string): void {
  try {
    window.localStorage.setItem(LAST_PATH_KEY, path);
  } catch {
    // not essential
  }
}

function lastPath(): string {
  try {
    return window.localStorage.getItem(LAST_PATH_KEY) ?? '';
  } catch {
    return '';
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
