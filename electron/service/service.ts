/**
 * The one implementation of PlannerApi. Electron IPC, browser-mode HTTP and the CLI all call
 * it through `dispatch` (electron/api/dispatch.ts), which has already validated the arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { ApiArgsOf, BasemapInfo, CoverageDocument, DemInfo, Locale, PlannerApi, ProjectSummary, RuleSetting } from '../api/schema.js';
import { RULES } from '../domain/rules.js';
import { exportTable } from '../io/export-layer.js';
import { writeCoverageFiles } from '../io/coverage-export.js';
import { readDem } from '../io/dem.js';
import { readOsm } from '../io/osm/import-osm.js';
import { applyImportFile, previewImportFile, writeTemplateFile } from '../io/import/index.js';
import { analysisInputFromStore } from './analysis-input.js';
import { runCoverageAnalysis } from '../engine/analysis.js';
import { openMbtiles, type MbtilesReader } from '../io/mbtiles.js';
import { ProjectStore, type RasterRecord } from '../store/project-store.js';
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
const OSM_CODE_PREFIX = '990000';
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
      return exportTable(current(), layer, format, out, overwrite ?? false, config.locale);
    },
    async getDemInfo() {
      const dem = current().getRaster('dem');
      return dem ? demInfo(dem) : null;
    },
    async getDemData() {
      const dem = current().getRaster('dem');
      return dem ? new Uint8Array(dem.data.buffer, dem.data.byteOffset, dem.data.byteLength) : null;
    },
    async importDem({ path: file }: ApiArgsOf<'importDem'>) {
      const s = current();
      const grid = await readDem(file);
      const record: RasterRecord = { name: 'dem', kind: 'dem', source: path.basename(file), ...grid };
      s.putRaster(record);
      return demInfo(record);
    },
    async importOsm({ path: file }: ApiArgsOf<'importOsm'>) {
      const s = current();
      if (s.readOnly) throw new ApiError('FILE_READ_ONLY', `opened read-only: ${s.path}`, { path: s.path });
      const osm = await readOsm(file);
      // OSM places get synthetic codes 990000nnnnnn; continue after any from an earlier import.
      const taken = s.getLayer('villages').features.filter((f) => f.properties.code.startsWith(OSM_CODE_PREFIX)).length;
      const villages = osm.data.villages.map((v, i) => ({ ...v, code: OSM_CODE_PREFIX + String(taken + i + 1).padStart(6, '0') }));
      s.transaction(() => {
        s.add({ ...osm.data, villages });
        s.setAttribution('© OpenStreetMap contributors');
      });
      return {
        path: path.resolve(file),
        roads: osm.data.roads.length,
        villages: osm.data.villages.length,
        facilities: osm.data.facilities.length,
        skippedRoads: osm.stats.skippedRoads,
        skippedPlaces: osm.stats.skippedPlaces,
        warnings: osm.warnings.length,
      };
    },
    async analyzeProject({ mode, scenarioId, outDir }: ApiArgsOf<'analyzeProject'>) {
      const s = current();
      const input = analysisInputFromStore(s, mode);
      const { document } = runCoverageAnalysis(input);
      if (!s.readOnly) s.putCoverageResult(scenarioId ?? 0, mode, JSON.stringify(document));
      const files = outDir ? await writeCoverageFiles(document, new Map(input.townships.map((t) => [t.code, t.name])), outDir, config.locale) : [];
      return { result: document, files };
    },
    async previewImport({ path: file, options }: ApiArgsOf<'previewImport'>) {
      return previewImportFile(current(), file, options);
    },
    async applyImport({ path: file, options, skipInvalid }: ApiArgsOf<'applyImport'>) {
      return applyImportFile(current(), file, options, skipInvalid);
    },
    async writeTemplate({ layer, path: file }: ApiArgsOf<'writeTemplate'>) {
      return { path: await writeTemplateFile(layer, file) };
    },
    async undo() {
      return current().undo();
    },
    async redo() {
      return current().redo();
    },
    async getHistory() {
      return current().history();
    },
    async saveCoverageResult({ scenarioId, mode, result }: ApiArgsOf<'saveCoverageResult'>) {
      return { computedAt: current().putCoverageResult(scenarioId, mode, JSON.stringify(result)) };
    },
    async getCoverageResult({ scenarioId, mode }: ApiArgsOf<'getCoverageResult'>) {
      const stored = current().getCoverageResult(scenarioId, mode);
      return stored ? { computedAt: stored.computedAt, result: JSON.parse(stored.result) as CoverageDocument } : null;
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

function demInfo(r: RasterRecord): DemInfo {
  return { name: r.name, width: r.width, height: r.height, west: r.west, north: r.north, dx: r.dx, dy: r.dy, source: r.source };
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
    attribution: meta.attribution ?? '',
    readOnly: s.readOnly,
    migratedFrom: s.migratedFrom,
  };
}
