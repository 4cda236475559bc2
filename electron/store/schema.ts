/**
 * GeoPackage core tables and the project's own schema, with numbered migrations.
 * Schema history:
 *   1: layers villages, facilities, roads, townships; postings, settings; ccp_meta.
 *   2: adds the optional village_areas layer and the scenarios table.
 *   3: adds rasters (DEM cells as a blob) and coverage_results (per scenario and mode).
 *   4: adds change_log (every import, edit and deletion with its rows before/after: undo/redo, history).
 *   5: adds decisions (the planner's accept / reject / override per scenario and village) and
 *      seeds the rules added for planning proposals (V4, V5, T5-T7 …) with their defaults.
 *   6: adds tour_config (touring set-up per THC and village, JSON per row, unique (scope, code))
 *      and seeds the touring rules (X.tour_*) with their defaults.
 *   7: adds print_layouts (named print layout templates, JSON per row, unique name).
 * A project from an older version is migrated in one transaction on open; a failure rolls
 * back and leaves the file as it was.
 */
import type Database from 'better-sqlite3';
import { RULES } from '../domain/rules.js';
import {
  CHANGE_LOG_TABLE,
  COVERAGE_RESULTS_TABLE,
  DECISIONS_TABLE,
  LAYER_TABLES,
  POSTINGS_TABLE,
  PRINT_LAYOUTS_TABLE,
  RASTERS_TABLE,
  SCENARIOS_TABLE,
  SETTINGS_TABLE_SQL,
  TOUR_CONFIG_TABLE,
  createTableSql,
  type TableDef,
} from './tables.js';

export const SCHEMA_VERSION = 7;
/** 'GPKG' as the SQLite application_id (GeoPackage 1.2+). */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** GeoPackage 1.3.0: read without warnings by GDAL 3.6 (Debian 12), which only partly supports 1.4. */
export const GPKG_USER_VERSION = 10300;
export const META_TABLE = 'ccp_meta';

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

function createGpkgCore(db: Database.Database): void {
  db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
  db.pragma(`user_version = ${GPKG_USER_VERSION}`);
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (
      table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
  `);
  const srs = db.prepare(
    'INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?,?,?,?,?,?)',
  );
  srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
  srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
  srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
}

/** Creates a table from its definition and registers it in gpkg_contents (and geometry columns). */
export function createRegisteredTable(db: Database.Database, def: TableDef): void {
  db.exec(createTableSql(def));
  const dataType = def.geometry ? 'features' : 'attributes';
  db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?,?,?,?,?)').run(
    def.table,
    dataType,
    def.table,
    def.description,
    def.geometry ? 4326 : null,
  );
  if (def.geometry) {
    db.prepare(
      'INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?,?,?,?,0,0)',
    ).run(def.table, def.geometry.column, def.geometry.type, 4326);
  }
}

function registerAttributes(db: Database.Database, table: string, description: string): void {
  db.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)").run(
    table,
    table,
    description,
  );
}

export interface Migration {
  version: number;
  up(db: Database.Database): void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    up(db) {
      createGpkgCore(db);
      db.exec(`CREATE TABLE ${META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT)`);
      registerAttributes(db, META_TABLE, '项目元数据 / project metadata');
      for (const name of ['villages', 'facilities', 'roads', 'townships'] as const) createRegisteredTable(db, LAYER_TABLES[name]);
      db.exec('CREATE INDEX villages_code ON villages(code)');
      db.exec('CREATE INDEX facilities_code ON facilities(code)');
      createRegisteredTable(db, POSTINGS_TABLE);
      db.exec(SETTINGS_TABLE_SQL);
      registerAttributes(db, 'settings', '规则参数表 / rules table with current values');
    },
  },
  {
    version: 2,
    up(db) {
      createRegisteredTable(db, LAYER_TABLES.village_areas);
      createRegisteredTable(db, SCENARIOS_TABLE);
      // Rules added since version 1 get their defaults; existing values are kept.
      seedSettings(db);
    },
  },
  {
    version: 3,
    up(db) {
      createRegisteredTable(db, RASTERS_TABLE);
      db.exec('CREATE UNIQUE INDEX rasters_name ON rasters(name)');
      createRegisteredTable(db, COVERAGE_RESULTS_TABLE);
      db.exec('CREATE UNIQUE INDEX coverage_results_key ON coverage_results(scenario_id, mode)');
    },
  },
  {
    version: 4,
    up(db) {
      createRegisteredTable(db, CHANGE_LOG_TABLE);
      db.exec('CREATE INDEX change_log_undone ON change_log(undone, fid)');
    },
  },
  {
    version: 5,
    up(db) {
      createRegisteredTable(db, DECISIONS_TABLE);
      db.exec('CREATE UNIQUE INDEX decisions_key ON decisions(scenario_id, village_code)');
      seedSettings(db);
    },
  },
  {
    version: 6,
    up(db) {
      createRegisteredTable(db, TOUR_CONFIG_TABLE);
      db.exec('CREATE UNIQUE INDEX tour_config_key ON tour_config(scope, code)');
      seedSettings(db);
    },
  },
  {
    version: 7,
    up(db) {
      createRegisteredTable(db, PRINT_LAYOUTS_TABLE);
      db.exec('CREATE UNIQUE INDEX print_layouts_name ON print_layouts(name)');
    },
  },
];

/** Inserts default values for rules that have no row yet. */
export function seedSettings(db: Database.Database): void {
  const ins = db.prepare('INSERT OR IGNORE INTO settings (id, rule, value, unit, source) VALUES (?,?,?,?,?)');
  for (const r of RULES) ins.run(r.id, r.rule, r.defaultValue, r.unit, r.source);
}

export function setMeta(db: Database.Database, key: string, value: string): void {
  db.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, value);
}

export function getMeta(db: Database.Database, key: string): string | null {
  const row = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`).get(key) as { value: string | null } | undefined;
  return row?.value ?? null;
}

/** Runs the migrations after `from` up to `to` (inclusive); the caller holds the transaction. */
export function migrate(db: Database.Database, from: number, to = SCHEMA_VERSION): void {
  for (const m of MIGRATIONS) {
    if (m.version > from && m.version <= to) m.up(db);
  }
  setMeta(db, 'schema_version', String(to));
}
