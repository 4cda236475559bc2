/**
 * Column layout of the project's layers and attribute tables, declared once: the schema,
 * the readers and the writers are all derived from these lists.
 */
import type { LayerName } from '../api/schema.js';
import { DECISION_ACTIONS, SERVICE_MODES } from '../domain/planning.js';

export type ColumnType = 'TEXT' | 'INTEGER' | 'REAL' | 'BLOB';

export interface Column {
  /** SQL column name (snake_case, what GDAL and Excel users see). */
  name: string;
  /** Domain field name (camelCase). */
  field: string;
  type: ColumnType;
  notNull?: boolean;
  /** Stored as 0/1, read back as boolean. */
  bool?: boolean;
  check?: string;
  defaultSql?: string;
}

export interface TableDef {
  table: string;
  columns: Column[];
  /** Set for feature tables. */
  geometry?: { column: 'geom'; type: 'POINT' | 'LINESTRING' | 'MULTIPOLYGON'; domainField: 'location' | 'coordinates' };
  description: string;
  /** Schema version that introduced the table. */
  since: number;
}

const inList = (col: string, values: readonly string[]) => `${col} IN (${values.map((v) => `'${v}'`).join(', ')})`;

export const LAYER_TABLES: Record<LayerName, TableDef> = {
  villages: {
    table: 'villages',
    description: '行政村与移民搬迁安置点 / administrative villages and relocation settlements',
    since: 1,
    geometry: { column: 'geom', type: 'POINT', domainField: 'location' },
    columns: [
      { name: 'code', field: 'code', type: 'TEXT', notNull: true, check: "length(code) = 12" },
      { name: 'name', field: 'name', type: 'TEXT', notNull: true },
      { name: 'township_code', field: 'townshipCode', type: 'TEXT', notNull: true },
      { name: 'population', field: 'population', type: 'INTEGER', notNull: true, defaultSql: '0', check: 'population >= 0' },
      { name: 'households', field: 'households', type: 'INTEGER', notNull: true, defaultSql: '0', check: 'households >= 0' },
      { name: 'kind', field: 'kind', type: 'TEXT', notNull: true, defaultSql: "'village'", check: inList('kind', ['village', 'settlement']) },
      { name: 'area_km2', field: 'areaKm2', type: 'REAL' },
    ],
  },
  village_areas: {
    table: 'village_areas',
    description: '村域范围 / village area polygons (optional)',
    since: 2,
    geometry: { column: 'geom', type: 'MULTIPOLYGON', domainField: 'coordinates' },
    columns: [{ name: 'village_code', field: 'villageCode', type: 'TEXT', notNull: true }],
  },
  facilities: {
    table: 'facilities',
    description: '医疗卫生机构 / health facilities',
    since: 1,
    geometry: { column: 'geom', type: 'POINT', domainField: 'location' },
    columns: [
      { name: 'code', field: 'code', type: 'TEXT', notNull: true },
      { name: 'name', field: 'name', type: 'TEXT', notNull: true },
      { name: 'level', field: 'level', type: 'TEXT', notNull: true },
      { name: 'township_code', field: 'townshipCode', type: 'TEXT' },
      { name: 'village_code', field: 'villageCode', type: 'TEXT' },
      { name: 'capability', field: 'capability', type: 'TEXT' },
      { name: 'is_central_thc', field: 'isCentralThc', type: 'INTEGER', bool: true, notNull: true, defaultSql: '0' },
      { name: 'is_planned_sub_center', field: 'isPlannedSubCenter', type: 'INTEGER', bool: true, notNull: true, defaultSql: '0' },
      { name: 'beds', field: 'beds', type: 'INTEGER', notNull: true, defaultSql: '0' },
      { name: 'physicians', field: 'physicians', type: 'INTEGER', notNull: true, defaultSql: '0' },
      { name: 'assistant_physicians', field: 'assistantPhysicians', type: 'INTEGER', notNull: true, defaultSql: '0' },
      { name: 'village_doctors', field: 'villageDoctors', type: 'INTEGER', notNull: true, defaultSql: '0' },
      { name: 'tcm_physicians', field: 'tcmPhysicians', type: 'INTEGER', notNull: true, defaultSql: '0' },
      { name: 'nurses', field: 'nurses', type: 'INTEGER', notNull: true, defaultSql: '0' },
      { name: 'public_health_physicians', field: 'publicHealthPhysicians', type: 'INTEGER', notNull: true, defaultSql: '0' },
    ],
  },
  roads: {
    table: 'roads',
    description: '道路 / roads',
    since: 1,
    geometry: { column: 'geom', type: 'LINESTRING', domainField: 'coordinates' },
    columns: [
      { name: 'name', field: 'name', type: 'TEXT' },
      { name: 'road_class', field: 'roadClass', type: 'TEXT', notNull: true },
      { name: 'speed_kmh', field: 'speedKmh', type: 'REAL', check: 'speed_kmh IS NULL OR speed_kmh > 0' },
      { name: 'oneway', field: 'oneway', type: 'INTEGER', bool: true, notNull: true, defaultSql: '0' },
      { name: 'bridge', field: 'bridge', type: 'INTEGER', bool: true, notNull: true, defaultSql: '0' },
    ],
  },
  townships: {
    table: 'townships',
    description: '乡镇（街道）范围 / township boundaries',
    since: 1,
    geometry: { column: 'geom', type: 'MULTIPOLYGON', domainField: 'coordinates' },
    columns: [
      { name: 'code', field: 'code', type: 'TEXT', notNull: true, check: 'length(code) = 9' },
      { name: 'name', field: 'name', type: 'TEXT', notNull: true },
    ],
  },
};

export const POSTINGS_TABLE: TableDef = {
  table: 'postings',
  description: '派驻人员名册 / staff posting roster',
  since: 1,
  columns: [
    { name: 'person', field: 'person', type: 'TEXT', notNull: true },
    { name: 'title_level', field: 'titleLevel', type: 'TEXT', notNull: true },
    { name: 'profession', field: 'profession', type: 'TEXT', notNull: true, defaultSql: "''" },
    { name: 'from_institution', field: 'fromInstitution', type: 'TEXT', notNull: true },
    { name: 'to_institution', field: 'toInstitution', type: 'TEXT' },
    { name: 'to_village', field: 'toVillage', type: 'TEXT' },
    { name: 'start_date', field: 'startDate', type: 'TEXT', notNull: true },
    { name: 'end_date', field: 'endDate', type: 'TEXT', notNull: true },
    { name: 'release', field: 'release', type: 'TEXT', notNull: true, defaultSql: "'full'", check: inList('release', ['full', 'half']) },
    { name: 'days_per_week', field: 'daysPerWeek', type: 'REAL', notNull: true, defaultSql: '5', check: 'days_per_week > 0 AND days_per_week <= 7' },
  ],
};

export const SCENARIOS_TABLE: TableDef = {
  table: 'scenarios',
  description: '规划方案 / planning scenarios',
  since: 2,
  columns: [
    { name: 'name', field: 'name', type: 'TEXT', notNull: true },
    { name: 'created_at', field: 'createdAt', type: 'TEXT', notNull: true },
    { name: 'description', field: 'description', type: 'TEXT', notNull: true, defaultSql: "''" },
    { name: 'payload', field: 'payload', type: 'TEXT', notNull: true, defaultSql: "'{}'" },
  ],
};

/** Rasters kept in the project: the DEM used for walking slopes (Tobler), later population grids. */
export const RASTERS_TABLE: TableDef = {
  table: 'rasters',
  description: '栅格（高程等） / rasters (DEM …): Float32 little-endian cells, row-major from the north-west corner',
  since: 3,
  columns: [
    { name: 'name', field: 'name', type: 'TEXT', notNull: true },
    { name: 'kind', field: 'kind', type: 'TEXT', notNull: true, check: "kind IN ('dem', 'population')" },
    { name: 'width', field: 'width', type: 'INTEGER', notNull: true, check: 'width > 0' },
    { name: 'height', field: 'height', type: 'INTEGER', notNull: true, check: 'height > 0' },
    { name: 'west', field: 'west', type: 'REAL', notNull: true },
    { name: 'north', field: 'north', type: 'REAL', notNull: true },
    { name: 'dx', field: 'dx', type: 'REAL', notNull: true, check: 'dx > 0' },
    { name: 'dy', field: 'dy', type: 'REAL', notNull: true, check: 'dy > 0' },
    { name: 'source', field: 'source', type: 'TEXT', notNull: true, defaultSql: "''" },
    { name: 'data', field: 'data', type: 'BLOB', notNull: true },
  ],
};

/** Coverage results per scenario (0 = baseline) and travel mode, as JSON documents. */
export const COVERAGE_RESULTS_TABLE: TableDef = {
  table: 'coverage_results',
  description: '覆盖分析结果 / coverage analysis results per scenario and mode',
  since: 3,
  columns: [
    { name: 'scenario_id', field: 'scenarioId', type: 'INTEGER', notNull: true, defaultSql: '0' },
    { name: 'mode', field: 'mode', type: 'TEXT', notNull: true },
    { name: 'computed_at', field: 'computedAt', type: 'TEXT', notNull: true },
    { name: 'result', field: 'result', type: 'TEXT', notNull: true },
  ],
};

/**
 * The change log (schema 4): one row per import, edit or deletion, holding the full rows before
 * and after (all columns, fid and geometry blob included) so undo/redo restore them exactly.
 * `ops` is JSON: { counts: {table: n}, rows: [{ table, fid, before, after }] }, blobs as base64.
 */
export const CHANGE_LOG_TABLE: TableDef = {
  table: 'change_log',
  description: '修改记录（撤销/重做） / change log of imports, edits and deletions (undo/redo)',
  since: 4,
  columns: [
    { name: 'at', field: 'at', type: 'TEXT', notNull: true },
    { name: 'kind', field: 'kind', type: 'TEXT', notNull: true, check: inList('kind', ['import', 'edit', 'delete']) },
    { name: 'label', field: 'label', type: 'TEXT', notNull: true, defaultSql: "''" },
    { name: 'undone', field: 'undone', type: 'INTEGER', bool: true, notNull: true, defaultSql: '0', check: 'undone IN (0, 1)' },
    { name: 'ops', field: 'ops', type: 'TEXT', notNull: true },
  ],
};

/**
 * The planner's decisions on village proposals (schema 5): one row per scenario (0 = baseline)
 * and village; accept / reject / override with the reason, kept across runs of the proposals.
 */
export const DECISIONS_TABLE: TableDef = {
  table: 'decisions',
  description: '规划建议处理意见 / decisions on planning proposals per scenario and village',
  since: 5,
  columns: [
    { name: 'scenario_id', field: 'scenarioId', type: 'INTEGER', notNull: true, defaultSql: '0', check: 'scenario_id >= 0' },
    { name: 'village_code', field: 'villageCode', type: 'TEXT', notNull: true, check: 'length(village_code) = 12' },
    { name: 'action', field: 'action', type: 'TEXT', notNull: true, check: inList('action', DECISION_ACTIONS) },
    { name: 'mode', field: 'mode', type: 'TEXT', check: `mode IS NULL OR ${inList('mode', SERVICE_MODES)}` },
    { name: 'visits_per_week', field: 'visitsPerWeek', type: 'REAL', check: 'visits_per_week IS NULL OR visits_per_week >= 0' },
    { name: 'posting_days_per_week', field: 'postingDaysPerWeek', type: 'REAL', check: 'posting_days_per_week IS NULL OR (posting_days_per_week >= 0 AND posting_days_per_week <= 7)' },
    { name: 'reason', field: 'reason', type: 'TEXT', notNull: true, defaultSql: "''" },
    { name: 'proposed_mode', field: 'proposedMode', type: 'TEXT', check: `proposed_mode IS NULL OR ${inList('proposed_mode', SERVICE_MODES)}` },
    { name: 'decided_at', field: 'decidedAt', type: 'TEXT', notNull: true },
  ],
};

/**
 * The touring set-up (schema 6): one row per THC (scope 'thc': teams, working days, hours …) or
 * village (scope 'village': allowed days, central venue), as validated JSON (electron/domain/tours.ts
 * ThcTourConfig / VillageTourConstraint). Missing rows take the rules-table defaults.
 */
export const TOUR_CONFIG_TABLE: TableDef = {
  table: 'tour_config',
  description: '巡诊设置 / touring set-up per THC and village',
  since: 6,
  columns: [
    { name: 'scope', field: 'scope', type: 'TEXT', notNull: true, check: inList('scope', ['thc', 'village']) },
    { name: 'code', field: 'code', type: 'TEXT', notNull: true, check: 'length(code) > 0' },
    { name: 'json', field: 'json', type: 'TEXT', notNull: true, check: 'json_valid(json)' },
  ],
};

/**
 * Print layout templates (schema 7): one row per named template (unique name, never "default"),
 * the layout as JSON (electron/domain/print-layout.ts PrintLayout) and when it was last saved.
 * Keyed by fid like every other table, so saves and deletions go through the change log (undo).
 */
export const PRINT_LAYOUTS_TABLE: TableDef = {
  table: 'print_layouts',
  description: '打印版式模板 / print layout templates',
  since: 7,
  columns: [
    { name: 'name', field: 'name', type: 'TEXT', notNull: true, check: 'length(name) > 0' },
    { name: 'layout', field: 'layout', type: 'TEXT', notNull: true, check: 'json_valid(layout)' },
    { name: 'updated_at', field: 'updatedAt', type: 'TEXT', notNull: true },
  ],
};

/** Rules table with current values; `value` holds numbers and strings as SQLite stores them. */
export const SETTINGS_TABLE_SQL = `CREATE TABLE settings (
  id TEXT PRIMARY KEY NOT NULL,
  rule TEXT NOT NULL,
  value,
  unit TEXT NOT NULL,
  source TEXT NOT NULL
)`;

export function createTableSql(def: TableDef): string {
  const cols = ['fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL'];
  if (def.geometry) cols.push(`geom ${def.geometry.type}`);
  for (const c of def.columns) {
    let s = `"${c.name}" ${c.type}`;
    if (c.notNull) s += ' NOT NULL';
    if (c.defaultSql !== undefined) s += ` DEFAULT ${c.defaultSql}`;
    if (c.check) s += ` CHECK (${c.check})`;
    cols.push(s);
  }
  return `CREATE TABLE "${def.table}" (\n  ${cols.join(',\n  ')}\n)`;
}
