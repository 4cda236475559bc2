/**
 * The effects behind 文件 → 导入…, 编辑 → 撤销 / 重做 / 历史记录, a file dropped on the window
 * and 下载模板. The wizard itself (ImportWizard.tsx) runs previewImport / applyImport.
 */
import type { ChangeSummary, ImportLayer } from '../../../electron/api/schema.js';
import { api, host, rememberPath } from '../api/index.js';
import { siblingPath } from '../api/paths.js';
import { reloadProjectData, reportError } from '../app/actions.js';
import { translate } from '../i18n/index.js';
import { useAppStore } from '../state/store.js';

const store = useAppStore;
const LAST_PATH_KEY = 'ccp.lastPath';

function lastPath(): string {
  try {
    return window.localStorage.getItem(LAST_PATH_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Opens the wizard; `fileName` (a dropped file) is put in the folder of the last path used. */
export function openImport(fileName?: string): void {
  const last = lastPath();
  store.getState().openImportWizard(fileName ? siblingPath(last, fileName) : last.replace(/[^/\\]*$/, ''));
}

/**
 * Files dropped on the window. The browser cannot tell the server where a dropped file lives, so
 * the wizard opens with its name for the user to complete; Electron no longer exposes File.path,
 * so there a note points to 文件 → 导入….
 */
export function handleDroppedFiles(files: readonly { name: string }[]): void {
  const file = files[0];
  if (!file) return;
  if (host.door === 'electron') {
    store.getState().pushNotice('importWizard.dropElectron', { name: file.name });
    return;
  }
  openImport(file.name);
}

/** Reloads layers and summary after the project changed under them (import, undo, redo). */
async function afterChange(): Promise<void> {
  await reloadProjectData();
  if (store.getState().historyOpen) await loadHistory();
}

function changeLabel(change: ChangeSummary): string {
  return change.label || translate(store.getState().locale, `importWizard.kinds.${change.kind}`);
}

/**
 * Electron's native 撤销/重做 accelerators reach us even while a text field has focus; there they
 * must undo typing, not the last project change.
 */
function textEditingUndo(command: 'undo' | 'redo'): boolean {
  const el = document.activeElement as HTMLElement | null;
  const editing = !!el && (el.isContentEditable || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type)) || el.tagName === 'TEXTAREA');
  if (editing) document.execCommand(command);
  return editing;
}

export async function undo(): Promise<void> {
  if (textEditingUndo('undo')) return;
  try {
    const change = await api.undo({});
    if (!change) {
      store.getState().pushNotice('importWizard.nothingToUndo');
      return;
    }
    await afterChange();
    store.getState().pushNotice('importWizard.undone', { label: changeLabel(change) });
  } catch (e) {
    reportError(e);
  }
}

export async function redo(): Promise<void> {
  if (textEditingUndo('redo')) return;
  try {
    const change = await api.redo({});
    if (!change) {
      store.getState().pushNotice('importWizard.nothingToRedo');
      return;
    }
    await afterChange();
    store.getState().pushNotice('importWizard.redone', { label: changeLabel(change) });
  } catch (e) {
    reportError(e);
  }
}

export async function loadHistory(): Promise<void> {
  try {
    store.getState().setHistory(await api.getHistory({}));
  } catch (e) {
    reportError(e);
  }
}

export async function showHistory(): Promise<void> {
  store.getState().setHistory(null);
  store.getState().setHistoryOpen(true);
  await loadHistory();
}

/** After a successful applyImport: reload, then the "已导入 … 条（可撤销）" banner. */
export async function importApplied(inserted: number, updated: number): Promise<void> {
  await afterChange();
  store.getState().pushNotice(updated > 0 ? 'importWizard.importedWithUpdates' : 'importWizard.imported', { n: inserted + updated, inserted, updated });
}

/** 下载模板: asks where (native save dialog, or the path modal in a browser) and writes the XLSX. */
export async function downloadTemplate(layer: ImportLayer): Promise<void> {
  const locale = store.getState().locale;
  const name = `${translate(locale, `importWizard.templateName.${layer}`)}.xlsx`;
  // The browser's path modal says what is being saved; Electron's native dialog suggests the name.
  const path =
    host.door === 'browser'
      ? await store.getState().requestPath('save', siblingPath(lastPath(), name), 'importWizard.templateSaveTitle')
      : await host.showSaveDialog(name, 'spreadsheet');
  if (!path) return;
  if (host.door === 'browser') rememberPath(path);
  try {
    const result = await api.writeTemplate({ layer, path });
    store.getState().pushNotice('importWizard.templateWritten', { path: result.path });
  } catch (e) {
    reportError(e);
  }
}
