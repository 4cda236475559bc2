/**
 * The effects behind the commands (the CommandContext) and the start-up sequence. Every API
 * failure ends in the error banner, translated from `errors.<code>`.
 */
import { ApiError } from '../../../electron/api/errors.js';
import type { LayerName, ProjectSummary } from '../../../electron/api/schema.js';
import { api, host, rememberPath } from '../api/index.js';
import { projectFileName } from '../api/paths.js';
import { translate, type Locale } from '../i18n/index.js';
import { getMapController } from '../map/mapInstance.js';
import { legendInset } from '../map/legendInset.js';
import {
  analysisProjectClosing,
  analysisProjectOpened,
  cancelCoverage,
  resetWhatIf,
  runCoverage,
  setAnalysisErrorReporter,
  toggleWhatIf,
} from '../analysis/actions.js';
import type { LayerData } from '../state/derived.js';
import { PROJECT_LAYERS } from '../state/layersSlice.js';
import { useAppStore } from '../state/store.js';
import { openImport, redo, showHistory, undo } from '../import/importActions.js';
import { openCompare } from './scenarioActions.js';
import { openTours } from '../panels/tours/toursActions.js';
import { commandForKey, runCommand, type CommandContext, type CommandState } from './commands.js';

const LOCALE_KEY = 'ccp.locale';
const store = useAppStore;

export function reportError(e: unknown): void {
  if (e instanceof ApiError) {
    store.getState().pushError(e.code, e.params);
  } else {
    const detail = e instanceof Error ? e.message : String(e);
    store.getState().pushError('INTERNAL', { detail });
  }
  console.error(e);
}

/** Runs an operation with the busy indicator on; failures go to the banner. */
async function busy<T>(op: () => Promise<T>): Promise<T | undefined> {
  store.getState().beginBusy();
  try {
    return await op();
  } catch (e) {
    reportError(e);
    return undefined;
  } finally {
    store.getState().endBusy();
  }
}

/** Shows a freshly opened project and loads its layers. */
async function showProject(summary: ProjectSummary): Promise<void> {
  const s = store.getState();
  analysisProjectClosing();
  s.setLayers({});
  s.projectOpened(summary);
  document.title = `${summary.title || summary.name} — ${translateNow('app.title')}`;
  if (summary.migratedFrom !== null) s.pushNotice('notice.migrated', { from: summary.migratedFrom });
  const entries = await Promise.all(
    PROJECT_LAYERS.map(async (layer) => [layer, await api.getLayer({ layer })] as const),
  );
  // A newer open may have started meanwhile; only the latest project's layers are shown.
  if (store.getState().summary?.path !== summary.path) return;
  const layers: LayerData = {};
  for (const [layer, fc] of entries) (layers as Record<LayerName, unknown>)[layer] = fc;
  store.getState().setLayers(layers);
  await analysisProjectOpened();
}

/**
 * The open project changed on disk (an import, undo or redo): reload its summary and layers in
 * place, keeping the view. A coverage result on screen is stale, so the analysis starts over.
 */
export async function reloadProjectData(): Promise<void> {
  const summary = await api.getProjectSummary({});
  if (!summary) return;
  analysisProjectClosing();
  const entries = await Promise.all(PROJECT_LAYERS.map(async (layer) => [layer, await api.getLayer({ layer })] as const));
  if (store.getState().summary?.path !== summary.path) return;
  const layers: LayerData = {};
  for (const [layer, fc] of entries) (layers as Record<LayerName, unknown>)[layer] = fc;
  store.getState().setSummary(summary);
  store.getState().setLayers(layers);
  await analysisProjectOpened();
}

/**
 * Runs a write to a path the user chose, which refuses to replace an existing file unless told.
 * The native save dialog has already asked about replacing; the browser door's path modal has
 * not, so it asks here when the server reports FILE_EXISTS. Null when the user keeps the file.
 */
export async function writeAskingToOverwrite<T>(path: string, write: (overwrite: boolean) => Promise<T>): Promise<T | null> {
  try {
    return await write(host.door === 'electron');
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'FILE_EXISTS') throw e;
    const ok = await store.getState().requestConfirm({
      titleKey: 'dialog.overwriteTitle',
      messageKey: 'dialog.overwriteMessage',
      params: { path },
      confirmKey: 'dialog.overwrite',
    });
    return ok ? write(true) : null;
  }
}

function translateNow(key: string, params?: Record<string, string | number>): string {
  return translate(store.getState().locale, key, params);
}

export const commandContext: CommandContext = {
  openProject: async () => {
    const path = await host.showOpenDialog();
    if (!path) return;
    if (host.door === 'browser') rememberPath(path);
    await busy(async () => {
      const summary = await api.openProject({ path });
      await showProject(summary);
      store.getState().pushNotice('notice.opened', { name: summary.title || summary.name });
    });
  },

  openDemo: async () => {
    await busy(async () => showProject(await api.openDemoProject({})));
  },

  saveAs: async () => {
    const current = store.getState().summary;
    if (!current) return;
    const path = await host.showSaveDialog(projectFileName(current.name));
    if (!path) return;
    if (host.door === 'browser') rememberPath(path);
    await busy(async () => {
      const summary = await writeAskingToOverwrite(path, (overwrite) => api.saveProjectAs(overwrite ? { path, overwrite } : { path }));
      if (!summary) return;
      await showProject(summary);
      store.getState().pushNotice('notice.saved', { path: summary.path });
    });
  },

  zoomToProject: () => {
    const bounds = store.getState().summary?.bounds ?? null;
    getMapController()?.fitTo(bounds, legendInset());
  },

  toggleLegend: () => {
    const s = store.getState();
    s.setLegendVisible(!s.legendVisible);
  },

  setLocale: async (locale: Locale) => {
    applyLocale(locale);
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // not essential
    }
    try {
      await api.setLocale({ locale });
    } catch (e) {
      reportError(e);
    }
  },

  showAbout: () => {
    store.getState().setAboutOpen(true);
    void api
      .getAppInfo({})
      .then((info) => store.getState().setAppInfo(info))
      .catch(reportError);
  },

  openImport: () => openImport(),
  undo: () => undo(),
  redo: () => redo(),
  showHistory: () => showHistory(),

  runCoverage: () => runCoverage(),
  cancelAnalysis: () => cancelCoverage(),
  toggleWhatIf: () => toggleWhatIf(),
  resetWhatIf: () => resetWhatIf(),
  openCompare: () => openCompare(),
  openSettings: () => store.getState().setSettingsOpen(true),
  openReports: () => store.getState().setReportsOpen(true),
  openPrint: () => store.getState().setPrintOpen(true),
  openTours: () => openTours(),
};

setAnalysisErrorReporter(reportError);

function applyLocale(locale: Locale): void {
  store.getState().setLocaleState(locale);
  document.documentElement.lang = locale;
  getMapController()?.setLocale(locale);
  const summary = store.getState().summary;
  document.title = summary ? `${summary.title || summary.name} — ${translateNow('app.title')}` : translateNow('app.title');
}

export function commandState(): CommandState {
  const s = store.getState();
  return {
    locale: s.locale,
    legendVisible: s.legendVisible,
    hasProject: s.summary !== null,
    readOnly: s.summary?.readOnly ?? false,
    analysisRunning: s.analysisStatus.kind === 'running',
    hasCoverage: s.baseline !== null,
    whatIf: s.whatIf.active,
    whatIfChanged: Object.keys(s.whatIf.moved).length > 0 || s.whatIf.added.length > 0,
  };
}

/** Runs a command id from the menu bar, toolbar, native menu or keyboard. */
export function dispatchCommand(id: string): void {
  runCommand(id, commandContext, commandState())
    .then((known) => {
      if (!known) console.warn(`[commands] ignored: ${id}`);
    })
    .catch(reportError);
}

/** Browser door: keyboard shortcuts (in Electron the native menu's accelerators do this). */
export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const st = store.getState();
    if (st.pathRequest || st.confirmRequest || st.importRequest) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const cmd = commandForKey(e);
    if (!cmd) return;
    e.preventDefault();
    dispatchCommand(cmd.id);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

function savedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(LOCALE_KEY);
    return v === 'zh-CN' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

let started = false;

/** Start-up: locale, basemap, then the open project (or the demo county when none is open). */
export async function bootstrap(): Promise<void> {
  if (started) return;
  started = true;
  const s = store.getState();
  const stored = savedLocale();
  applyLocale(stored ?? 'zh-CN');

  const [info, basemap] = await Promise.all([
    api.getAppInfo({}).catch((e: unknown) => {
      reportError(e);
      return null;
    }),
    api.getBasemapInfo({}).catch((e: unknown) => {
      reportError(e);
      return null;
    }),
  ]);
  s.setAppInfo(info);
  s.setBasemap(basemap);
  if (info && !stored && info.locale !== store.getState().locale) applyLocale(info.locale);
  if (stored && info && info.locale !== stored) void api.setLocale({ locale: stored }).catch(reportError);

  await busy(async () => {
    const summary = (await api.getProjectSummary({})) ?? (await api.openDemoProject({}));
    await showProject(summary);
  });
}
