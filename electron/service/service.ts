/**
 * The one implementation of PlannerApi. Electron IPC, browser-mode HTTP and the CLI all call
 * it through `dispatch` (electron/api/dispatch.ts), which has already validated the arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { ApiArgsOf, BasemapInfo, Locale, PlannerApi, ProjectSummary, RuleSetting } from '../api/schema.js';
import { RULES } from '../domain/rules.js';
import { exportTable } from '../io/export-layer.js';
import { openMbtiles, type MbtilesReader } from '../io/mbtiles.js';
import { ProjectStore } from '../store/project-store.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { loadConfig, saveConfig, type UserConfig } from './config.js';
import { createDemoProject } from './demo-project.js';

export interface ServiceOptions {
  /** Per-user folder for config.json and the working copy of the demo project. */
  homeDir: string;
  /** Folder holding the shipped demo-county.gpkg and basemap.mbtiles. */
  dataDir: string;
  door: 'electron' | 'browser' | 'cli';
  version: string;
  /** better_sqlite3.node built for the running runtime (Electron's ABI in development). */
  nativeBinding?: string;
}

export interface PlannerService extends PlannerApi {
  close(): void;
  locale(): Locale;
  onLocaleChanged(cb: (l: Locale) => void): void;
}

export const DEMO_FILE = 'demo-county.gpkg';
export const BASEMAP_FILE = 'basemap.mbtiles';

export function createPlannerService(opts: ServiceOptions): PlannerService {
  const storeOpts = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  const config: UserConfig = loadConfig(opts.homeDir);
  const localeListeners: ((l: Locale) => void)[] = [];
  let store: ProjectStore | null = null;
  let basemap: MbtilesReader | null | undefined;

  const remember = (patch: Partial<UserConfig>) => {
    Object.assign(config, patch);
    if (opts.door !== 'cli') saveConfig(opts.homeDir, config);
  };

  const use = (next: ProjectStore): ProjectSummary => {
    if (store && store !== next) store.close();
    store = next;
    remember({ lastProject: next.path });
    return summarize(next);
  };

  const current = (): ProjectStore => {
    if (!store) throw new ApiError('NO_PROJECT', 'no project is open');
    return store;
  };

  const getBasemap = (): MbtilesReader | null => {
    if (basemap === undefined) {
      const file = path.join(opts.dataDir, BASEMAP_FILE);
      basemap = fs.existsSync(file) ? openMbtiles(file, storeOpts) : null;
    }
    return basemap;
  };

  // Reopen the last project; if it has gone or cannot be read, start with none (the UI opens the demo).
  if (opts.door !== 'cli' && config.lastProject) {
    try {
      store = ProjectStore.open(config.lastProject, storeOpts);
    } catch {
      store = null;
    }
  }

  const service: PlannerService = {
    async getAppInfo() {
      return { version: opts.version, schemaVersion: SCHEMA_VERSION, locale: config.locale, door: opts.door, projectPath: store?.path ?? null };
    },
    async getProjectSummary() {
      return store ? summarize(store) : null;
    },
    async openProject({ path: file }: ApiArgsOf<'openProject'>) {
      return use(ProjectStore.open(file, storeOpts));
    },
    async openDemoProject() {
      // The shipped demo file is never written to: the user works on a copy in their home folder.
      const copy = path.join(opts.homeDir, 'projects', DEMO_FILE);
      if (!fs.existsSync(copy)) {
        fs.mkdirSync(path.dirname(copy), { recursive: true });
        const shipped = path.join(opts.dataDir, DEMO_FILE);
        if (fs.existsSync(shipped)) {
          fs.copyFileSync(shipped, `${copy}.tmp`);
          fs.renameSync(`${copy}.tmp`, copy);
        } else {
          createDemoProject(copy, storeOpts).close();
        }
      }
      return use(ProjectStore.open(copy, storeOpts));
    },
    async newProject({ path: file, demo }: ApiArgsOf<'newProject'>) {
      const created = demo
        ? createDemoProject(file, storeOpts)
        : ProjectStore.create(file, { title: path.basename(file, path.extname(file)), isDemo: false }, {}, storeOpts);
      return use(created);
    },
    async saveProjectAs({ path: file, overwrite }: ApiArgsOf<'saveProjectAs'>) {
      const s = current();
      s.copyTo(file, overwrite ?? false);
      return use(ProjectStore.open(file, storeOpts));
    },
    async getLayer({ layer }: ApiArgsOf<'getLayer'>) {
      return current().getLayer(layer);
    },
    async getFeature({ layer, id }: ApiArgsOf<'getFeature'>) {
      const f = current().getFeature(layer, id);
      if (!f) throw new ApiError('NOT_FOUND', `${layer} #${id} not found`, { layer, id });
      return f;
    },
    async getPostings() {
      return current().getPostings();
    },
    async getSettings(): Promise<RuleSetting[]> {
      const values = current().ruleValues();
      return RULES.map((r) => ({ ...r, value: values[r.id] }));
    },
    async getBasemapInfo(): Promise<BasemapInfo> {
      const b = getBasemap();
      if (!b) {
        return { available: false, name: '', format: 'pbf', minzoom: 0, maxzoom: 0, bounds: [-180, -85, 180, 85], center: [0, 0, 1], attribution: '', layers: [] };
      }
      return { available: true, ...b.metadata };
    },
    async getTile({ z, x, y }: ApiArgsOf<'getTile'>) {
      return getBasemap()?.getTile(z, x, y) ?? null;
    },
    async setLocale({ locale }: ApiArgsOf<'setLocale'>) {
      if (locale !== config.locale) {
        remember({ locale });
        for (const cb of localeListeners) cb(locale);
      }
      return { locale };
    },
    async exportLayer({ layer, format, path: out, overwrite }: ApiArgsOf<'exportLayer'>) {
      return exportTable(current(), layer, format, out, overwrite ?? false);
    },
    close() {
      store?.close();
      store = null;
      basemap?.close();
      basemap = undefined;
    },
    locale: () => config.locale,
    onLocaleChanged(cb) {
      localeListeners.push(cb);
    },
  };
  return service;
}

function summarize(s: ProjectStore): ProjectSummary {
  const meta = s.meta();
  return {
    path: s.path,
    name: path.basename(s.path, path.extname(s.path)),
    title: meta.title,
    schemaVersion: s.schemaVersion,
    layers: s.layerSummaries(),
    postings: s.count('postings'),
    scenarios: s.count('scenarios'),
    bounds: s.bounds(),
    isDemo: meta.isDemo,
    readOnly: s.readOnly,
    migratedFrom: s.migratedFrom,
  };
}
