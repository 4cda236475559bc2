/**
 * The preload: exposes `window.ccp` (renderer/src/api/bridge.ts) through contextBridge.
 *
 * It runs sandboxed, so it is bundled as CommonJS (scripts/build-electron.mjs) and imports
 * nothing but `electron` (type-only imports are erased). It forwards only these channels and
 * validates nothing: the main process checks the sender and every argument.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CcpBridge } from '../../renderer/src/api/bridge.js';

// Same literals as electron/main/ipc-channels.ts (a test keeps them in step).
const IPC_INVOKE = 'ccp:invoke';
const IPC_DIALOG_OPEN = 'ccp:dialog-open';
const IPC_DIALOG_SAVE = 'ccp:dialog-save';
const IPC_PRINT_PDF = 'ccp:print-pdf';
const IPC_MENU_COMMAND = 'ccp:menu-command';

const bridge: CcpBridge = {
  invoke: (method, args) => ipcRenderer.invoke(IPC_INVOKE, method, args),
  host: {
    door: 'electron',
    showOpenDialog: (kind) => ipcRenderer.invoke(IPC_DIALOG_OPEN, kind ?? 'project'),
    showSaveDialog: (defaultName, kind) => ipcRenderer.invoke(IPC_DIALOG_SAVE, defaultName, kind ?? 'project'),
    printToPdf: (defaultName, page) => ipcRenderer.invoke(IPC_PRINT_PDF, defaultName, page),
    onMenuCommand(cb) {
      // Hand the renderer only the command string, never the IPC event (it carries ipcRenderer).
      const listener = (_event: IpcRendererEvent, command: unknown) => {
        if (typeof command === 'string') cb(command);
      };
      ipcRenderer.on(IPC_MENU_COMMAND, listener);
      return () => {
        ipcRenderer.removeListener(IPC_MENU_COMMAND, listener);
      };
    },
  },
};

contextBridge.exposeInMainWorld('ccp', bridge);
