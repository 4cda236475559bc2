/**
 * The contract between the Electron preload and the renderer: what `window.ccp` holds.
 * Pure types only — the preload (electron/preload) imports them from here.
 */
import type { ApiResult } from '../../../electron/api/errors.js';

/** Sends one PlannerApi call over IPC; never throws across the bridge, failures are ApiResults. */
export type InvokeFn = (method: string, args: unknown) => Promise<ApiResult<unknown>>;

/** What a file dialog is for: a project (.gpkg), an input to import, an XLSX, an output folder or a PDF. */
export type FileDialogKind = 'project' | 'data' | 'spreadsheet' | 'folder' | 'pdf' | 'png';

/** The host services a door offers besides the API: file dialogs and native menu commands. */
export interface HostServices<Door extends 'electron' | 'browser' = 'electron' | 'browser'> {
  door: Door;
  /** Asks the user for a file to open (a project by default; 'data' = an input to import); null when cancelled. */
  showOpenDialog(kind?: FileDialogKind): Promise<string | null>;
  /** Asks the user where to save; `defaultName` is a suggested file name (e.g. 示例县.gpkg). */
  showSaveDialog(defaultName: string, kind?: FileDialogKind): Promise<string | null>;
  /**
   * Prints the calling window to a PDF the user names: Electron asks where to save (a save dialog
   * suggesting `defaultName`) and returns the path, or null when cancelled; a browser opens its
   * print dialog (the page's print stylesheet sets the paper; "Save as PDF" is the user's choice)
   * and returns null.
   */
  printToPdf(defaultName: string, page: { paper: 'A4' | 'A3'; landscape: boolean }): Promise<string | null>;
  /** Subscribes to native menu commands (ids of renderer/src/app/commands.ts); returns an unsubscribe. */
  onMenuCommand(cb: (command: string) => void): () => void;
}

/** What the preload exposes as `window.ccp` through contextBridge. */
export interface CcpBridge {
  invoke: InvokeFn;
  host: HostServices<'electron'>;
}

/** The global the preload defines; absent in browser mode. */
export type WindowWithBridge = Window & { ccp?: CcpBridge };
