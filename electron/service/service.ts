/**
 * The one implementation of PlannerApi. Electron IPC, browser-mode HTTP and the CLI all call
 * it through `dispatch` (electron/api/dispatch.ts), which has already validated the arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { ApiArgsOf, BasemapInfo, CoverageDocument, DemInfo, Locale, PlannerApi, ProjectSummary, RuleSetting } from '../api/schema.js';
import { scenarioPayloadSchema } from '../api/schema.js';
import { RULES, RULES_BY_ID, checkRuleOrder, checkRuleValue, type RuleValueError, type RuleValues, type TravelMode } from '../domain/rules.js';
import {
  BASELINE_SCENARIO_ID,
  EMPTY_SCENARIO_PAYLOAD,
  applyScenario,
  type ProposalDecision,
  type ScenarioInfo,
  type ScenarioPayload,
  type ScenarioSummary,
} from '../domain/planning.js';
import type { Scenario, VillageArea } from '../domain/types.js';
import { summarizeScenario } from '../engine/planning/index.js';
import { writePlanningFiles } from '../io/planning-export.js';
import { writeTourFiles } from '../io/tours-export.js';
import { writeReportFile, type ReportOutput } from '../io/reports.js';
import { runTourPlanning } from '../engine/tours/index.js';
import { checkTourConfig } from './tour-config.js';
import { checkTemplateLayout, checkTemplateName, decodePng } from './print-templates.js';
import { writeFileAtomic } from '../io/write-file.js';
import { translate } from '../../renderer/src/i18n/index.js';
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
  /**
   * Prints a self-contained HTML document to PDF (PDF reports). Injected per door: headless
   * Chromium for the CLI and browser mode, webContents.printToPDF in Electron. Without it
   * writeReport refuses format 'pdf' with REPORT_FORMAT_UNAVAILABLE.
   */
  htmlToPdf?: (html: string, page: { paper: 'A4' | 'A3'; landscape: boolean }) => Promise<Uint8Array>;
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


  const t = (key: string, params?: Record<string, string | number>) => translate(config.locale, key, params);
  const locale = (): Locale => config.locale;

  /** The open project, refusing writes to one opened read-only. */
  const writable = (): ProjectStore => {
    const s = current();
    if (s.readOnly) throw new ApiError('FILE_READ_ONLY', `opened read-only: ${s.path}`, { path: s.path });
    return s;
  };

  const ruleLabel = (id: string): string => {
    const key = `ruleLabels.${id}`;
    const label = t(key);
    return label === key ? id : label;
  };

  const settings = (s: ProjectStore): RuleSetting[] => {
    const values = s.ruleValues();
    return RULES.map((r) => ({ ...r, value: values[r.id] }));
  };

  /** Checks new rule values one by one, then the order of pairs on the merged set; throws the first problem. */
  const checkRuleValues = (s: ProjectStore, values: RuleValues): void => {
    for (const [id, value] of Object.entries(values)) {
      const err = checkRuleValue(id, value);
      if (err) throw ruleValueError(id, value, err);
    }
    const broken = checkRuleOrder({ ...s.ruleValues(), ...values });
    if (broken.length > 0) {
      const [lower, upper] = broken[0];
      throw new ApiError('RULE_ORDER', `${lower} must stay below ${upper}`, { lower: ruleLabel(lower), upper: ruleLabel(upper), lowerId: lower, upperId: upper });
    }
  };

  const ruleValueError = (id: string, value: number | string, err: RuleValueError): ApiError => {
    const def = RULES_BY_ID.get(id);
    const kind = err === 'wrong_type' && typeof def?.defaultValue === 'number' ? 'wrong_type_number' : err;
    const min = def?.min ?? '';
    const max = def?.max ?? '';
    return new ApiError('RULE_VALUE_INVALID', `rule ${id}: ${String(value)}: ${err}`, {
      id,
      label: ruleLabel(id),
      value: String(value),
      kind: err,
      min,
      max,
      detail: t(`errors.details.rule_${kind}`, { min, max }),
    });
  };

  /** A stored scenario (SCENARIO_NOT_FOUND when there is none); null for the baseline (0). */
  const scenarioRow = (s: ProjectStore, id: number): Scenario | null => {
    if (id === BASELINE_SCENARIO_ID) return null;
    const row = s.getScenario(id);
    if (!row) throw new ApiError('SCENARIO_NOT_FOUND', `no scenario with id ${id}`, { id });
    return row;
  };

  /** A scenario's payload, validated; a damaged one names the scenario and what is wrong. */
  const scenarioPayload = (s: ProjectStore, row: Scenario): ScenarioPayload => {
    const broken = (detail: string) =>
      new ApiError('SCENARIO_INVALID', `scenario ${row.id} payload: ${detail}`, { path: s.path, id: row.id, name: row.name, detail });
    let json: unknown;
    try {
      json = JSON.parse(row.payload);
    } catch (e) {
      throw broken((e as Error).message);
    }
    // Schema 2 stored '{}' as the empty payload.
    if (json !== null && typeof json === 'object' && !Array.isArray(json) && Object.keys(json).length === 0) return EMPTY_SCENARIO_PAYLOAD;
    const parsed = scenarioPayloadSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw broken(`${issue?.path.join('.') || '(payload)'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data as ScenarioPayload;
  };

  const scenarioInfo = (s: ProjectStore, row: Scenario): ScenarioInfo => ({
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    payload: scenarioPayload(s, row),
  });

  /**
   * Coverage and proposals of one scenario (0 = the project as it is): the scenario's facility and
   * roster edits applied on top of the project, then summarised with its decisions.
   */
  const runScenario = (s: ProjectStore, scenarioId: number, mode: TravelMode) => {
    const row = scenarioRow(s, scenarioId);
    const payload = row ? scenarioPayload(s, row) : EMPTY_SCENARIO_PAYLOAD;
    const base = analysisInputFromStore(s, mode);
    const applied = applyScenario(base.facilities, s.getPostings(), payload);
    const villageAreas = s.getLayer('village_areas').features.map((f) => ({ ...f.properties, coordinates: f.geometry.coordinates }) as VillageArea);
    const input = { ...base, facilities: applied.facilities, planning: { postings: applied.postings, villageAreas } };
    const { document } = runCoverageAnalysis(input);
    if (document.planning) document.planning.problems.push(...applied.problems);
    const decisions = s.getDecisions(scenarioId);
    const name = row ? row.name : t('cli.baselineName');
    const summary: ScenarioSummary | null = document.planning
      ? summarizeScenario({ scenarioId, name, coverage: { villages: document.villages, county: document.county }, planning: document.planning, decisions })
      : null;
    return { input, document, decisions, summary };
  };

  /** The planning proposals of a run (always present when the analysis succeeded). */
  const planningOf = (run: ReturnType<typeof runScenario>) => {
    if (!run.document.planning) throw new ApiError('INTERNAL', 'the analysis returned no planning proposals', { detail: 'no planning document' });
    return run.document.planning;
  };

  /** Weekly and higher-level tours of a scenario run, with the project's touring set-up. */
  const tourPlan = (s: ProjectStore, run: ReturnType<typeof runScenario>) =>
    runTourPlanning({ analysis: run.input, planning: planningOf(run), decisions: run.decisions, config: s.getTourConfig() });

  const village = (s: ProjectStore, code: string) => s.getLayer('villages').features.find((f) => f.properties.code === code)?.properties ?? null;

  /** The decision to store, checked: override needs a mode and a reason, reject a reason; tour/posting figures filled from the rules. */
  const decisionOf = (s: ProjectStore, a: ApiArgsOf<'setDecision'>): ProposalDecision => {
    const v = village(s, a.villageCode);
    const label = v ? `${v.name}（${a.villageCode}）` : a.villageCode;
    const invalid = (detail: string, params: Record<string, string | number> = {}) =>
      new ApiError('DECISION_INVALID', `decision on ${a.villageCode}: ${detail}`, { village: label, villageCode: a.villageCode, reasonCode: detail, detail: t(`errors.details.decision_${detail}`, params) });
    if (!v) throw invalid('unknown_village');
    const mode = a.mode ?? null;
    const reason = (a.reason ?? '').trim();
    if (a.action === 'override' && mode === null) throw invalid('override_needs_mode');
    if (a.action !== 'override' && mode !== null) throw invalid('mode_only_for_override');
    if (a.action !== 'accept' && reason === '') throw invalid(`${a.action}_needs_reason`);
    const rules = s.ruleValues();
    let visits: number | null = null;
    let days: number | null = null;
    if (a.action === 'override') {
      if (mode === 'tour' || mode === 'county_backfill') visits = a.visitsPerWeek ?? (mode === 'tour' ? Number(rules['V1.tour_visits_per_week']) : null);
      if (mode === 'posting' || mode === 'county_backfill') days = a.postingDaysPerWeek ?? (mode === 'posting' ? Number(rules['V3.posting_days_per_week']) : null);
      const floor = Number(rules['V2.tour_floor_per_week']);
      if (visits !== null && visits < floor) throw invalid('visits_below_floor', { floor, value: visits });
      if (days !== null && days <= 0) throw invalid('posting_days_zero');
    }
    return {
      scenarioId: a.scenarioId,
      villageCode: a.villageCode,
      action: a.action,
      mode,
      visitsPerWeek: visits,
      postingDaysPerWeek: days,
      reason,
      proposedMode: a.proposedMode ?? null,
      decidedAt: new Date().toISOString(),
    };
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
      return settings(current());
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
      const id = scenarioId ?? BASELINE_SCENARIO_ID;
      const run = runScenario(s, id, mode);
      const { document, input } = run;
      if (!s.readOnly) s.putCoverageResult(id, mode, JSON.stringify(document));
      const files: string[] = [];
      if (outDir) {
        const townships = new Map(input.townships.map((tw) => [tw.code, tw.name]));
        files.push(...(await writeCoverageFiles(document, townships, outDir, config.locale)));
        if (document.planning) {
          const facilities = new Map(input.facilities.map((f) => [f.code, f.name]));
          files.push(...writePlanningFiles(document.planning, run.decisions, { townships, facilities }, outDir, config.locale));
        }
      }
      return { result: document, summary: run.summary, files };
    },
    async getTourConfig() {
      return current().getTourConfig();
    },
    async setTourConfig({ thcs, villages, replace }: ApiArgsOf<'setTourConfig'>) {
      const s = writable();
      const tourConfig = { thcs: thcs ?? [], villages: villages ?? [] };
      // Every entry is checked before anything is written (one change: all or nothing).
      checkTourConfig(tourConfig, {
        facilities: s.getLayer('facilities').features.map((f) => f.properties),
        villages: s.getLayer('villages').features.map((f) => f.properties),
        rules: s.ruleValues(),
        t,
      });
      const names = [...tourConfig.thcs.map((c) => c.thcCode), ...tourConfig.villages.map((c) => c.villageCode)];
      s.setTourConfig(tourConfig, t('cli.changeLabels.tourConfig', { count: names.length }), replace ?? false);
      return s.getTourConfig();
    },
    async getPrintTemplates() {
      return current().readPrintTemplates();
    },
    async savePrintTemplate({ name, layout }: ApiArgsOf<'savePrintTemplate'>) {
      const s = writable();
      const stored = checkTemplateName(name, t);
      checkTemplateLayout(stored, layout, t);
      return s.savePrintTemplate(stored, layout, t('cli.changeLabels.savePrintTemplate', { name: stored }));
    },
    async deletePrintTemplate({ name }: ApiArgsOf<'deletePrintTemplate'>) {
      const s = writable();
      const stored = name.trim();
      if (!s.deletePrintTemplate(stored, t('cli.changeLabels.deletePrintTemplate', { name: stored }))) {
        throw new ApiError('PRINT_TEMPLATE_NOT_FOUND', `no print template named ${stored}`, { name: stored });
      }
      return s.readPrintTemplates();
    },
    async writePng({ path: out, data, overwrite }: ApiArgsOf<'writePng'>) {
      const bytes = decodePng(out, data, t);
      const target = path.resolve(out);
      if (!overwrite && fs.existsSync(target)) throw new ApiError('FILE_EXISTS', `file exists: ${target}`, { path: target });
      writeFileAtomic(target, bytes);
      return { path: target, bytes: bytes.length };
    },
    async planTours({ mode, scenarioId, outDir }: ApiArgsOf<'planTours'>) {
      const s = current();
      const run = runScenario(s, scenarioId ?? BASELINE_SCENARIO_ID, mode);
      const plan = tourPlan(s, run);
      const files = outDir ? writeTourFiles(plan, outDir, locale()) : [];
      return { plan, files };
    },
    async writeReport({ kind, format, path: out, mode, scenarioId, overwrite }: ApiArgsOf<'writeReport'>) {
      // Both refusals come before the (long) analysis run.
      const htmlToPdf = format === 'pdf' ? opts.htmlToPdf : undefined;
      if (format === 'pdf' && !htmlToPdf) {
        throw new ApiError('REPORT_FORMAT_UNAVAILABLE', 'pdf reports need a PDF converter, which this door lacks', { format, detail: t('errors.details.pdf_no_converter') });
      }
      const target = path.resolve(out);
      if (!overwrite && fs.existsSync(target)) throw new ApiError('FILE_EXISTS', `file exists: ${target}`, { path: target });
      const s = current();
      const id = scenarioId ?? BASELINE_SCENARIO_ID;
      const run = runScenario(s, id, mode);
      const planning = planningOf(run);
      const { input } = run;
      const names = {
        townships: new Map(input.townships.map((tw) => [tw.code, tw.name])),
        facilities: new Map(input.facilities.map((f) => [f.code, f.name])),
        villages: new Map(input.villages.map((v) => [v.code, v.name])),
      };
      const output: ReportOutput = htmlToPdf
        ? {
            format: 'pdf',
            htmlToPdf,
            meta: {
              project: s.meta().title || path.basename(s.path, path.extname(s.path)),
              scenario: scenarioRow(s, id)?.name ?? t('scenariosUi.panel.baseline'),
              mode,
              generated: localDateTime(new Date()),
            },
          }
        : { format: 'xlsx' };
      const sheets = await writeReportFile(kind, {
        planning,
        decisions: run.decisions,
        summary: run.summary!,
        postings: input.planning.postings,
        names,
        tours: kind === 'tours' || kind === 'yearly' ? tourPlan(s, run) : null,
        rules: s.ruleValues(),
      }, target, config.locale, output);
      return { path: target, sheets };
    },
    async compareScenarios({ a, b, mode }: ApiArgsOf<'compareScenarios'>) {
      const s = current();
      // Both ids are checked before the (long) runs.
      scenarioRow(s, a);
      scenarioRow(s, b);
      const summaryOf = (id: number): ScenarioSummary => {
        const { summary } = runScenario(s, id, mode);
        if (!summary) throw new ApiError('INTERNAL', 'the analysis returned no planning proposals', { detail: 'no planning document' });
        return summary;
      };
      return { a: summaryOf(a), b: summaryOf(b) };
    },
    async setRuleValues({ values }: ApiArgsOf<'setRuleValues'>) {
      const s = writable();
      checkRuleValues(s, values);
      s.setRuleValues(values, t('cli.changeLabels.rules', { rules: Object.keys(values).map(ruleLabel).join('、') }));
      return settings(s);
    },
    async resetRules({ ids }: ApiArgsOf<'resetRules'>) {
      const s = writable();
      const values: RuleValues = {};
      for (const id of ids ?? RULES.map((r) => r.id)) {
        const def = RULES_BY_ID.get(id);
        if (!def) throw ruleValueError(id, '', 'unknown_rule');
        values[id] = def.defaultValue;
      }
      checkRuleValues(s, values);
      s.setRuleValues(values, ids ? t('cli.changeLabels.resetRules', { rules: ids.map(ruleLabel).join('、') }) : t('cli.changeLabels.resetAllRules'));
      return settings(s);
    },
    async getScenarios() {
      const s = current();
      return s.getScenarios().map((row) => scenarioInfo(s, row));
    },
    async createScenario({ name, description, copyOf }: ApiArgsOf<'createScenario'>) {
      const s = writable();
      let payload: ScenarioPayload = EMPTY_SCENARIO_PAYLOAD;
      if (copyOf !== undefined) {
        const source = scenarioRow(s, copyOf);
        if (source) payload = scenarioPayload(s, source);
      }
      const row = s.createScenario({ name, description: description ?? '', payload: JSON.stringify(payload) }, copyOf);
      return scenarioInfo(s, row);
    },
    async updateScenario({ id, name, description, payload }: ApiArgsOf<'updateScenario'>) {
      const s = writable();
      const row = s.updateScenario(id, { name, description, payload: payload === undefined ? undefined : JSON.stringify(payload) });
      return scenarioInfo(s, row);
    },
    async deleteScenario({ id }: ApiArgsOf<'deleteScenario'>) {
      const s = writable();
      const row = scenarioRow(s, id)!;
      s.deleteScenario(id, t('cli.changeLabels.deleteScenario', { name: row.name }));
      return { id };
    },
    async getDecisions({ scenarioId }: ApiArgsOf<'getDecisions'>) {
      const s = current();
      scenarioRow(s, scenarioId);
      return s.getDecisions(scenarioId);
    },
    async setDecision(args: ApiArgsOf<'setDecision'>) {
      const s = writable();
      scenarioRow(s, args.scenarioId);
      const d = decisionOf(s, args);
      const v = village(s, d.villageCode)!;
      return s.putDecision(d, t(`cli.changeLabels.decision_${d.action}`, { village: v.name, mode: d.mode ? t(`serviceModes.${d.mode}`) : '' }));
    },
    async clearDecision({ scenarioId, villageCode }: ApiArgsOf<'clearDecision'>) {
      const s = writable();
      scenarioRow(s, scenarioId);
      const name = village(s, villageCode)?.name ?? villageCode;
      s.clearDecision(scenarioId, villageCode, t('cli.changeLabels.clearDecision', { village: name }));
      return { villageCode };
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

/** "2025-03-01 14:05" in local time (the date printed on reports). */
function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
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
