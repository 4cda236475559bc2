/**
 * PlannerApi: the one typed API of the product. Every door (Electron IPC, browser-mode HTTP,
 * the CLI) calls the same implementation (electron/service) through `dispatch`, which validates
 * each argument object against the zod schema declared here.
 */
import { z } from 'zod';
import type { Facility, GridGeometry, Posting, Road, Township, Village, VillageArea } from '../domain/types.js';
import type { RuleDefinition } from '../domain/rules.js';
import { TRAVEL_MODES } from '../domain/rules.js';
import { DECISION_ACTIONS, SERVICE_MODES, type PlanningDocument, type ProposalDecision, type ScenarioInfo, type ScenarioSummary } from '../domain/planning.js';
import { CAPABILITIES, FACILITY_LEVELS, RELEASES, TITLE_LEVELS } from '../domain/types.js';
import type { CoverageDocument } from '../engine/analysis.js';
import { WEEKDAYS, type TourConfig, type TourPlanDocument } from '../domain/tours.js';
import { ORIENTATIONS, PAPER_SIZES, PRINT_DPI_CHOICES, PRINT_ELEMENT_KINDS, type PrintTemplate } from '../domain/print-layout.js';

export const LAYER_NAMES = ['villages', 'village_areas', 'facilities', 'roads', 'townships'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** Tables the exporters write: the feature layers plus the roster and the rules table. */
export const EXPORTABLE_TABLES = [...LAYER_NAMES, 'postings', 'settings'] as const;
export type ExportableTable = (typeof EXPORTABLE_TABLES)[number];
export const EXPORT_FORMATS = ['geojson', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Reports for meetings (issue 7); 'pdf' needs the door's PDF converter (else REPORT_FORMAT_UNAVAILABLE). */
export const REPORT_KINDS = ['tours', 'proposals', 'tiers', 'roster', 'yearly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;

/** What an import can fill. */
export const IMPORT_LAYERS = ['villages', 'facilities', 'roads', 'townships', 'postings', 'population', 'dem'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];
export const IMPORT_CRS = ['wgs84', 'gcj02', 'bd09', 'cgcs2000'] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];
export const IMPORT_ENCODINGS = ['auto', 'utf8', 'gbk'] as const;

export const importOptionsSchema = z
  .object({
    layer: z.enum(IMPORT_LAYERS),
    /** Coordinates in the file; Shapefiles with a .prj ignore this. */
    crs: z.enum(IMPORT_CRS).optional(),
    encoding: z.enum(IMPORT_ENCODINGS).optional(),
    /** XLSX sheet name (default: the first). */
    sheet: z.string().max(200).optional(),
    /** Field name → source column, overriding the guessed mapping. */
    mapping: z.record(z.string().max(100), z.string().max(500)).optional(),
    /** 'insert' adds records; 'update' matches on village code / facility code and changes them. */
    mode: z.enum(['insert', 'update']).optional(),
    /** The planner's decisions on what the preview flagged (defaults in brackets): swap lng/lat that
     * only make sense swapped [true]; keep points outside China or far outside the project [true];
     * repair self-intersecting polygons instead of rejecting them [false]. */
    swapSuspected: z.boolean().optional(),
    acceptOutside: z.boolean().optional(),
    repairPolygons: z.boolean().optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A filesystem path from the user: non-empty, bounded, no NUL bytes. */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte');

const none = z.object({}).strict();

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const count = z.number().int().min(0).max(100000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().min(1).max(64);
const villageCode = z.string().regex(/^\d{12}$/, 'a 12-digit village code');

const facilityRecord = z
  .object({
    code,
    name: z.string().min(1).max(200),
    level: z.enum(FACILITY_LEVELS),
    townshipCode: z.string().max(12).nullable(),
    villageCode: z.string().max(12).nullable(),
    capability: z.enum(CAPABILITIES).nullable(),
    isCentralThc: z.boolean(),
    isPlannedSubCenter: z.boolean(),
    beds: count,
    physicians: count,
    assistantPhysicians: count,
    villageDoctors: count,
    tcmPhysicians: count,
    nurses: count,
    publicHealthPhysicians: count,
    location: lngLat,
  })
  .strict();

const postingFields = {
  person: z.string().min(1).max(100),
  titleLevel: z.enum(TITLE_LEVELS),
  profession: z.string().max(100),
  fromInstitution: code,
  toInstitution: code.nullable(),
  toVillage: z.string().max(12).nullable(),
  startDate: isoDate,
  endDate: isoDate,
  release: z.enum(RELEASES),
  daysPerWeek: z.number().min(0).max(7),
};

export const facilityEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), facility: facilityRecord }).strict(),
  z.object({ op: z.literal('move'), code, location: lngLat }).strict(),
  z.object({ op: z.literal('close'), code }).strict(),
  z
    .object({
      op: z.literal('upgrade'),
      code,
      capability: z.enum(CAPABILITIES).optional(),
      isPlannedSubCenter: z.boolean().optional(),
      physicians: count.optional(),
      assistantPhysicians: count.optional(),
      villageDoctors: count.optional(),
      publicHealthPhysicians: count.optional(),
    })
    .strict(),
]);

export const postingEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), posting: z.object(postingFields).strict() }).strict(),
  z.object({ op: z.literal('remove'), id: z.number().int().positive() }).strict(),
  z.object({ op: z.literal('update'), id: z.number().int().positive(), patch: z.object(postingFields).partial().strict() }).strict(),
]);

export const scenarioPayloadSchema = z
  .object({
    version: z.literal(1),
    facilityEdits: z.array(facilityEditSchema).max(10000),
    postingEdits: z.array(postingEditSchema).max(10000),
  })
  .strict();

const scenarioId = z.number().int().min(0);

// ---- tour set-up (schema 6) -----------------------------------------------------------------
// Shapes only (types, integers, weekday names, code formats): the ranges (teams 0-20, hours 1-14,
// session ≥ V1.tour_session_hours, day start 0-1439, day within 24 h) and the existence of the
// codes are checked by the service, which names the THC or village and the problem in the locale.
const weekday = z.enum(WEEKDAYS);
export const thcTourConfigSchema = z
  .object({
    thcCode: z.string().min(1).max(64),
    teams: z.number().int(),
    workingDays: z.array(weekday).max(7),
    hoursPerDay: z.number().finite(),
    sessionHours: z.number().finite(),
    maxTravelMinutesPerDay: z.number().finite(),
    dayStart: z.number().int(),
  })
  .strict();
export const villageTourConstraintSchema = z
  .object({
    villageCode: z.string().regex(/^\d{12}$/, 'a 12-digit village code'),
    allowedDays: z.array(weekday).max(7).nullable(),
    venueCode: z.string().regex(/^\d{12}$/, 'a 12-digit village code').nullable(),
  })
  .strict();

// ---- print layouts (schema 7) ---------------------------------------------------------------
// The shape of a PrintLayout, strictly (unknown keys, other papers, dpi values refused). Whether
// every element is there once and on the page is checked by checkPrintLayout in the service.
const mm = z.number().finite();
export const printElementSchema = z
  .object({ kind: z.enum(PRINT_ELEMENT_KINDS), visible: z.boolean(), x: mm, y: mm, w: mm, h: mm })
  .strict();
export const printLayoutSchema = z
  .object({
    paper: z.enum(PAPER_SIZES),
    orientation: z.enum(ORIENTATIONS),
    marginMm: z.number().finite().min(0).max(40),
    title: z.string().max(120),
    subtitle: z.string().max(200),
    organisation: z.string().max(120),
    date: z.string().max(60),
    sources: z.string().max(400),
    approvalNo: z.string().max(60),
    dpi: z.number().refine((v) => (PRINT_DPI_CHOICES as readonly number[]).includes(v), `one of ${PRINT_DPI_CHOICES.join(', ')}`),
    gridMinutes: z.number().finite().min(0).max(600),
    elements: z.array(printElementSchema).max(100),
  })
  .strict();
/** Largest PNG writePng accepts, decoded. */
export const MAX_PNG_BYTES = 64 * 1024 * 1024;

export const apiArgs = {
  getAppInfo: none,
  getProjectSummary: none,
  openProject: z.object({ path: filePath }).strict(),
  openDemoProject: none,
  newProject: z.object({ path: filePath, demo: z.boolean() }).strict(),
  saveProjectAs: z.object({ path: filePath, overwrite: z.boolean().optional() }).strict(),
  getLayer: z.object({ layer: z.enum(LAYER_NAMES) }).strict(),
  getFeature: z.object({ layer: z.enum(LAYER_NAMES), id: z.number().int().positive() }).strict(),
  getPostings: none,
  getSettings: none,
  getBasemapInfo: none,
  getTile: z
    .object({
      z: z.number().int().min(0).max(22),
      x: z.number().int().min(0),
      y: z.number().int().min(0),
    })
    .strict(),
  setLocale: z.object({ locale: z.enum(LOCALES) }).strict(),
  getDemInfo: none,
  getDemData: none,
  importDem: z.object({ path: filePath }).strict(),
  importOsm: z.object({ path: filePath }).strict(),
  /** Runs the coverage analysis in the calling process (the CLI's door; the UI runs it in a worker). */
  analyzeProject: z
    .object({
      mode: z.enum(TRAVEL_MODES),
      scenarioId: z.number().int().min(0).optional(),
      outDir: filePath.optional(),
    })
    .strict(),
  saveCoverageResult: z
    .object({
      scenarioId: z.number().int().min(0),
      mode: z.enum(TRAVEL_MODES),
      result: z
        .object({
          mode: z.enum(TRAVEL_MODES),
          rulesUsed: z.record(z.string(), z.union([z.number(), z.string()])),
          villages: z.array(z.object({ code: z.string() }).passthrough()),
          townships: z.array(z.object({ code: z.string() }).passthrough()),
          county: z.object({}).passthrough(),
          network: z.object({}).passthrough(),
          isochrones: z.record(z.string(), z.array(z.object({ from: z.number(), to: z.number() }).passthrough())),
          slope: z.object({}).passthrough().optional(),
          planning: z.object({}).passthrough().optional(),
        })
        .strict(),
    })
    .strict(),
  getCoverageResult: z.object({ scenarioId: z.number().int().min(0), mode: z.enum(TRAVEL_MODES) }).strict(),
  /** Reads an input file and reports what an import would do; writes nothing. */
  previewImport: z.object({ path: filePath, options: importOptionsSchema }).strict(),
  /** Imports the valid rows in one change (undoable); with skipInvalid false, any problem → nothing written. */
  applyImport: z.object({ path: filePath, options: importOptionsSchema, skipInvalid: z.boolean() }).strict(),
  /** Writes an empty XLSX template with Chinese headers for a layer. */
  writeTemplate: z.object({ layer: z.enum(IMPORT_LAYERS), path: filePath }).strict(),
  undo: none,
  redo: none,
  getHistory: none,
  /** Changes rule values (all or nothing: each checked against its range, then the order of pairs). */
  setRuleValues: z.object({ values: z.record(z.string().max(100), z.union([z.number(), z.string().max(200)])) }).strict(),
  /** Puts rules back to their defaults (all when `ids` is left out). */
  resetRules: z.object({ ids: z.array(z.string().max(100)).max(1000).optional() }).strict(),
  getScenarios: none,
  /** A new scenario; `copyOf` copies another scenario's edits and decisions (0: the baseline's decisions). */
  createScenario: z.object({ name: z.string().trim().min(1).max(100), description: z.string().max(2000).optional(), copyOf: scenarioId.optional() }).strict(),
  updateScenario: z
    .object({
      id: z.number().int().positive(),
      name: z.string().trim().min(1).max(100).optional(),
      description: z.string().max(2000).optional(),
      payload: scenarioPayloadSchema.optional(),
    })
    .strict(),
  deleteScenario: z.object({ id: z.number().int().positive() }).strict(),
  getDecisions: z.object({ scenarioId }).strict(),
  /** Accept, reject or override one village's proposal; override and reject need a reason, override a mode. */
  setDecision: z
    .object({
      scenarioId,
      villageCode,
      action: z.enum(DECISION_ACTIONS),
      mode: z.enum(SERVICE_MODES).nullable().optional(),
      visitsPerWeek: z.number().min(0).max(14).nullable().optional(),
      postingDaysPerWeek: z.number().min(0).max(7).nullable().optional(),
      reason: z.string().max(2000).optional(),
      proposedMode: z.enum(SERVICE_MODES).nullable().optional(),
    })
    .strict(),
  clearDecision: z.object({ scenarioId, villageCode }).strict(),
  /** The stored touring set-up (entries without one take the rules-table defaults). */
  getTourConfig: none,
  /**
   * Stores touring set-up entries (one undoable change; all or nothing): each entry replaces the
   * stored one of its THC / village; with `replace` the stored set-up is replaced as a whole.
   * Out-of-range values or unknown codes → TOUR_CONFIG_INVALID, nothing written.
   */
  setTourConfig: z
    .object({
      thcs: z.array(thcTourConfigSchema).max(1000).optional(),
      villages: z.array(villageTourConstraintSchema).max(100000).optional(),
      replace: z.boolean().optional(),
    })
    .strict(),
  /** Weekly tours per THC and the higher-level tours of a scenario (in the calling process); with outDir writes the tour files. */
  planTours: z
    .object({
      mode: z.enum(TRAVEL_MODES),
      scenarioId: z.number().int().min(0).optional(),
      outDir: filePath.optional(),
    })
    .strict(),
  /** Coverage + proposals of two scenarios, summarised side by side (runs in the calling process). */
  compareScenarios: z.object({ a: scenarioId, b: scenarioId, mode: z.enum(TRAVEL_MODES) }).strict(),
  /** One report of a scenario as a workbook (runs the analysis, and the tours for tours/yearly, in the calling process). */
  writeReport: z
    .object({
      kind: z.enum(REPORT_KINDS),
      format: z.enum(REPORT_FORMATS),
      path: filePath,
      mode: z.enum(TRAVEL_MODES),
      scenarioId: z.number().int().min(0).optional(),
      overwrite: z.boolean().optional(),
    })
    .strict(),
  /** The project's print layout templates by name; damaged rows are named in `damaged`, not returned. */
  getPrintTemplates: none,
  /**
   * Saves a print layout template under a name (1–60 characters once trimmed, not "default"),
   * replacing one of the same name: one undoable change. A bad name or a layout that
   * checkPrintLayout refuses → PRINT_TEMPLATE_INVALID, nothing written.
   */
  savePrintTemplate: z.object({ name: z.string().max(1000), layout: printLayoutSchema }).strict(),
  /** Deletes a template (undoable); unknown name → PRINT_TEMPLATE_NOT_FOUND. Returns the remaining ones. */
  deletePrintTemplate: z.object({ name: z.string().max(1000) }).strict(),
  /**
   * Writes a PNG image (base64, optionally as a data: URL; at most 64 MB decoded) atomically to a
   * path ending in .png. Not a PNG or another extension → PNG_INVALID; an existing file →
   * FILE_EXISTS unless `overwrite`.
   */
  writePng: z
    .object({
      path: filePath,
      data: z.string().max(Math.ceil(MAX_PNG_BYTES / 3) * 4 + 64),
      overwrite: z.boolean().optional(),
    })
    .strict(),
  exportLayer: z
    .object({
      layer: z.enum(EXPORTABLE_TABLES),
      format: z.enum(EXPORT_FORMATS),
      path: filePath,
      overwrite: z.boolean().optional(),
    })
    .strict(),
} as const;

export type ApiMethod = keyof typeof apiArgs;
export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];

// ---- result types -------------------------------------------------------------------------

export type Position = [number, number];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface Feature<P> {
  type: 'Feature';
  id: number;
  geometry: Geometry;
  properties: P;
}
export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

/** Properties of each layer's features: the domain record without its geometry. */
export interface LayerProperties {
  villages: Omit<Village, 'location'>;
  village_areas: Omit<VillageArea, 'coordinates'>;
  facilities: Omit<Facility, 'location'>;
  roads: Omit<Road, 'coordinates'>;
  townships: Omit<Township, 'coordinates'>;
}

export type AnyLayerFeatureCollection = FeatureCollection<LayerProperties[LayerName]>;

export interface LayerSummary {
  name: LayerName;
  geometryType: 'POINT' | 'LINESTRING' | 'MULTIPOLYGON';
  count: number;
}

export interface ProjectSummary {
  path: string;
  /** File name without extension. */
  name: string;
  /** Title stored in the project (e.g. 示例县（虚构示例数据）). */
  title: string;
  schemaVersion: number;
  layers: LayerSummary[];
  postings: number;
  scenarios: number;
  /** [west, south, east, north] of all layers, or null for an empty project. */
  bounds: [number, number, number, number] | null;
  isDemo: boolean;
  /** Data attribution to show with the map (e.g. © OpenStreetMap contributors), '' when none. */
  attribution: string;
  /** The file could only be opened read-only: edits are refused, 另存为 still works. */
  readOnly: boolean;
  /** Set when opening migrated the file from an older schema. */
  migratedFrom: number | null;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  locale: Locale;
  door: 'electron' | 'browser' | 'cli';
  projectPath: string | null;
}

export interface RuleSetting extends RuleDefinition {
  value: number | string;
}

export interface BasemapInfo {
  available: boolean;
  name: string;
  format: 'pbf';
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
  attribution: string;
  /** Source-layer names present in the tiles. */
  layers: string[];
}

export interface ApiResults {
  getAppInfo: AppInfo;
  getProjectSummary: ProjectSummary | null;
  openProject: ProjectSummary;
  openDemoProject: ProjectSummary;
  newProject: ProjectSummary;
  saveProjectAs: ProjectSummary;
  getLayer: AnyLayerFeatureCollection;
  getFeature: Feature<LayerProperties[LayerName]>;
  getPostings: Posting[];
  getSettings: RuleSetting[];
  getBasemapInfo: BasemapInfo;
  /** Gzip-free MVT bytes, or null where the basemap has no tile. */
  getTile: Uint8Array | null;
  setLocale: { locale: Locale };
  exportLayer: { path: string; count: number };
  previewImport: ImportPreview;
  applyImport: ImportOutcome;
  writeTemplate: { path: string };
  undo: ChangeSummary | null;
  redo: ChangeSummary | null;
  getHistory: ChangeSummary[];
  getDemInfo: DemInfo | null;
  /** The DEM cells as Float32 little-endian bytes (width × height, row-major from the north-west). */
  getDemData: Uint8Array | null;
  importDem: DemInfo;
  importOsm: OsmImportSummary;
  /** `result.planning` holds the proposals; `summary` the scenario's comparison figures. */
  analyzeProject: { result: CoverageDocument; summary: ScenarioSummary | null; files: string[] };
  saveCoverageResult: { computedAt: string };
  getCoverageResult: { computedAt: string; result: CoverageDocument } | null;
  setRuleValues: RuleSetting[];
  resetRules: RuleSetting[];
  getScenarios: ScenarioInfo[];
  createScenario: ScenarioInfo;
  updateScenario: ScenarioInfo;
  deleteScenario: { id: number };
  getDecisions: ProposalDecision[];
  setDecision: ProposalDecision;
  clearDecision: { villageCode: string };
  compareScenarios: { a: ScenarioSummary; b: ScenarioSummary };
  getTourConfig: TourConfig;
  setTourConfig: TourConfig;
  /** The plan (week per depot, higher-level tours) and the files written (outDir). */
  planTours: { plan: TourPlanDocument; files: string[] };
  /** The workbook written and its sheet names, in order. */
  writeReport: { path: string; sheets: string[] };
  /** Valid templates sorted by name; names of stored templates that cannot be read or printed. */
  getPrintTemplates: { templates: PrintTemplate[]; damaged: string[] };
  savePrintTemplate: PrintTemplate;
  /** The templates left, as getPrintTemplates. */
  deletePrintTemplate: { templates: PrintTemplate[]; damaged: string[] };
  writePng: { path: string; bytes: number };
}

export type { PlanningDocument, PrintTemplate, ProposalDecision, ScenarioInfo, ScenarioSummary, TourConfig, TourPlanDocument };

/** One problem found in an input file: where, and why (an i18n key under `importProblems`). */
export interface ImportProblem {
  /** 1-based data row as the user sees it in Excel (header = row 1), or null for the whole file. */
  row: number | null;
  /** Source column name, or null. */
  column: string | null;
  code: string;
  params: Record<string, string | number>;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'geotiff';
  /** Detected or chosen text encoding (CSV/DBF), null for others. */
  encoding: string | null;
  sheets: string[];
  columns: string[];
  /** Field → source column as guessed (or as given in options.mapping). */
  mapping: Record<string, string>;
  /** Fields this layer needs that no column fills. */
  missingRequired: string[];
  rows: number;
  accepted: number;
  rejected: number;
  inserts: number;
  updates: number;
  /** In update mode: what changes, field by field (the first 500). */
  changes: ImportChange[];
  problems: ImportProblem[];
  /** Up to 2,000 accepted points (WGS-84) for the preview map, with their label. */
  points: { lng: number; lat: number; label: string }[];
  /** Coordinate warnings that need a decision (swapped lng/lat, outside China, far outside the project). */
  crsWarnings: ImportProblem[];
  /** First rows as read (for the mapping table). */
  sample: Record<string, string>[];
}

/** One field an update import changes on an existing village or facility. */
export interface ImportChange {
  code: string;
  name: string;
  /** Domain field name (location = the point). */
  field: string;
  from: string;
  to: string;
}

export interface ImportOutcome {
  inserted: number;
  updated: number;
  rejected: number;
  /** Change-log id of the import (for undo), null when nothing was written. */
  changeId: number | null;
}

export interface ChangeSummary {
  id: number;
  at: string;
  kind: 'import' | 'edit' | 'delete';
  label: string;
  undone: boolean;
  /** Rows touched per table. */
  counts: Record<string, number>;
}

export interface DemInfo extends GridGeometry {
  name: string;
  source: string;
}

export interface OsmImportSummary {
  path: string;
  roads: number;
  villages: number;
  facilities: number;
  skippedRoads: number;
  skippedPlaces: number;
  warnings: number;
}

/** A coverage result as stored in the project and exchanged between doors (no per-node arrays). */
export type { CoverageDocument };

export type ApiArgsOf<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;

/** The API as the renderer and the CLI see it. */
export type PlannerApi = {
  [M in ApiMethod]: (args: ApiArgsOf<M>) => Promise<ApiResults[M]>;
};
