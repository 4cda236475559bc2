/**
 * The IPC door: one invoke channel for the whole PlannerApi (through `dispatch`, which validates
 * every argument object), two dialog channels, printing the window to PDF, and the one-way
 * menu-command channel.
 */
import path from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../api/dispatch.js';
import { ApiError, type ApiResult } from '../api/errors.js';
import type { Locale, PlannerApi } from '../api/schema.js';
import { writeFileAtomic } from '../io/write-file.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { IPC_DIALOG_OPEN, IPC_DIALOG_SAVE, IPC_INVOKE, IPC_MENU_COMMAND, IPC_PRINT_PDF } from './ipc-channels.js';
import {
  DIALOG_FILTERS,
  ensureExtension,
  isTrustedSender,
  validateDefaultName,
  validateFileKind,
  validatePdfPage,
  type FileKind,
  type SenderFacts,
} from './ipc-security.js';
import type { MenuCommand } from './menu-commands.js';

export interface IpcContext {
  service: PlannerApi;
  locale(): Locale;
  /** The window whose main frame may call us, or null while there is none. */
  window(): BrowserWindow | null;
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return {
    frameUrl: frame.url,
    isMainFrame: frame.parent === null && frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

function trusted(ctx: IpcContext, event: IpcMainInvokeEvent): boolean {
  const win = ctx.window();
  const id = win && !win.isDestroyed() ? win.webContents.id : null;
  return isTrustedSender(senderFacts(event), id);
}

function unauthorized(): ApiResult<never> {
  return { ok: false, error: new ApiError('UNAUTHORIZED', 'IPC from an untrusted frame').toData() };
}

export function registerIpc(ctx: IpcContext): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    if (!trusted(ctx, event)) return unauthorized();
    return dispatch(ctx.service, method, args);
  });

  ipcMain.handle(IPC_DIALOG_OPEN, async (event, kindArg: unknown): Promise<string | null> => {
    if (!trusted(ctx, event)) throw new Error('untrusted sender');
    const kind = validateFileKind(kindArg);
    if (kind === null) throw new Error('unknown file dialog kind');
    const locale = ctx.locale();
    const win = ctx.window();
    // A folder (for exports that write several files) is chosen, and may be created, in the dialog.
    const options =
      kind === 'folder'
        ? { title: translate(locale, 'dialog.folderTitle'), properties: ['openDirectory' as const, 'createDirectory' as const] }
        : {
            title: translate(locale, kind === 'project' ? 'dialog.openTitle' : 'dialog.importTitle'),
            filters: dialogFilters(locale, kind),
            properties: ['openFile' as const],
          };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  });

  ipcMain.handle(IPC_DIALOG_SAVE, async (event, defaultName: unknown, kindArg: unknown): Promise<string | null> => {
    if (!trusted(ctx, event)) throw new Error('untrusted sender');
    const name = validateDefaultName(defaultName);
    if (name === null) throw new Error('defaultName must be a file name (no folders, at most 255 characters)');
    const kind = validateFileKind(kindArg);
    if (kind === null) throw new Error('unknown file dialog kind');
    return askSavePath(ctx, name, kind);
  });

  // The calling window as a PDF (the print layout): its print stylesheet lays out the page, so
  // no margins are added here; the bytes are written under a temporary name and renamed.
  ipcMain.handle(IPC_PRINT_PDF, async (event, defaultName: unknown, pageArg: unknown): Promise<string | null> => {
    if (!trusted(ctx, event)) throw new Error('untrusted sender');
    const name = validateDefaultName(defaultName);
    if (name === null) throw new Error('defaultName must be a file name (no folders, at most 255 characters)');
    const page = validatePdfPage(pageArg);
    if (page === null) throw new Error("page must be { paper: 'A4' | 'A3', landscape: boolean }");
    const file = await askSavePath(ctx, name, 'pdf');
    if (!file) return null;
    const pdf = await event.sender.printToPDF({
      pageSize: page.paper,
      landscape: page.landscape,
      printBackground: true,
      preferCSSPageSize: true,
      margins: { marginType: 'none' },
    });
    writeFileAtomic(file, pdf);
    return file;
  });
}

/** The native save dialog (replacing a file is confirmed in it); the chosen path with its kind's extension, or null. */
async function askSavePath(ctx: IpcContext, name: string, kind: FileKind): Promise<string | null> {
  const locale = ctx.locale();
  const win = ctx.window();
  const options = {
    title: translate(locale, kind === 'project' ? 'dialog.saveAsTitle' : 'dialog.saveFileTitle'),
    defaultPath: path.join(app.getPath('documents'), ensureExtension(name, kind)),
    filters: dialogFilters(locale, kind),
    properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : ensureExtension(result.filePath, kind);
}

function dialogFilters(locale: Locale, kind: FileKind): { name: string; extensions: string[] }[] {
  return DIALOG_FILTERS[kind].map((f) => ({ name: translate(locale, f.labelKey), extensions: f.extensions }));
}

/** main → renderer, one way. */
export function sendMenuCommand(win: BrowserWindow | null, command: MenuCommand): void {
  if (win && !win.isDestroyed()) win.webContents.send(IPC_MENU_COMMAND, command);
}
