/**
 * Checks applied to every IPC message before it reaches the service or a dialog. Pure: ipc.ts
 * extracts the facts from Electron's event and asks these functions.
 */
import { PAPER_SIZES } from '../domain/print-layout.js';
import type { PdfPage } from '../io/report-html.js';
import { isAppUrl } from './app-url.js';

/** What ipc.ts reads from an IpcMainInvokeEvent. `null` when the sending frame has gone. */
export interface SenderFacts {
  /** URL of the frame that sent the message. */
  frameUrl: string;
  /** The frame is its page's main frame (not an iframe). */
  isMainFrame: boolean;
  /** id of the WebContents the frame belongs to. */
  webContentsId: number;
}

/**
 * Only our own window's main frame, showing our own app:// renderer, may call the API: not an
 * iframe, not another window, not a page that somehow navigated elsewhere.
 */
export function isTrustedSender(sender: SenderFacts | null, trustedWebContentsId: number | null): boolean {
  if (!sender || trustedWebContentsId === null) return false;
  return sender.webContentsId === trustedWebContentsId && sender.isMainFrame && isAppUrl(sender.frameUrl);
}

export const MAX_FILE_NAME_LENGTH = 255;

/**
 * The save dialog's suggested file name: a bare name (no folder), at most 255 characters, no
 * control characters. Returns the name, or null when it must be refused.
 */
export function validateDefaultName(x: unknown): string | null {
  if (typeof x !== 'string') return null;
  const name = x.trim();
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) return null;
  if (name === '.' || name === '..') return null;
  if (/[/\\]/.test(name)) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return null;
  return name;
}

/** What a file dialog is for: a project, an input to import, an XLSX (templates, exports), an output folder, or a PDF. */
export const FILE_KINDS = ['project', 'data', 'spreadsheet', 'folder', 'pdf', 'png'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The dialog kind from the renderer: absent means a project; anything else unknown is refused. */
export function validateFileKind(x: unknown): FileKind | null {
  if (x === undefined) return 'project';
  return typeof x === 'string' && (FILE_KINDS as readonly string[]).includes(x) ? (x as FileKind) : null;
}

/** File-type filters per kind, with the i18n key of their label. */
export const DIALOG_FILTERS: Record<FileKind, { labelKey: string; extensions: string[] }[]> = {
  project: [{ labelKey: 'dialog.gpkgFilter', extensions: ['gpkg'] }],
  data: [
    { labelKey: 'dialog.dataFilter', extensions: ['csv', 'txt', 'xlsx', 'geojson', 'json', 'zip', 'tif', 'tiff', 'hgt', 'pbf', 'osm', 'gz'] },
    { labelKey: 'dialog.allFilter', extensions: ['*'] },
  ],
  spreadsheet: [{ labelKey: 'dialog.spreadsheetFilter', extensions: ['xlsx'] }],
  folder: [],
  pdf: [{ labelKey: 'dialog.pdfFilter', extensions: ['pdf'] }],
  png: [{ labelKey: 'dialog.pngFilter', extensions: ['png'] }],
};

/** The extension a saved file of each kind must end with (none for inputs and folders). */
const SAVE_EXTENSIONS: Record<FileKind, string | null> = { project: 'gpkg', spreadsheet: 'xlsx', pdf: 'pdf', png: 'png', data: null, folder: null };

/**
 * GTK's save dialog does not add the filter's extension: saved files get their kind's extension
 * when the user typed none (projects .gpkg, sheets .xlsx, PDFs .pdf).
 */
export function ensureExtension(file: string, kind: FileKind): string {
  const ext = SAVE_EXTENSIONS[kind];
  if (!ext || new RegExp(`\\.${ext}$`, 'i').test(file)) return file;
  return `${file}.${ext}`;
}

/** The page of a window printed to PDF: exactly `{ paper: 'A4' | 'A3', landscape: boolean }`, else null. */
export function validatePdfPage(x: unknown): PdfPage | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || Object.getPrototypeOf(x) !== Object.prototype) return null;
  const keys = Object.keys(x).sort();
  if (keys.length !== 2 || keys[0] !== 'landscape' || keys[1] !== 'paper') return null;
  const { paper, landscape } = x as Record<string, unknown>;
  if (typeof paper !== 'string' || !(PAPER_SIZES as readonly string[]).includes(paper) || typeof landscape !== 'boolean') return null;
  return { paper: paper as PdfPage['paper'], landscape };
}
