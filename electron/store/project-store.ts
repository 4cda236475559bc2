/**
 * The project store: one OGC GeoPackage file per project, read and written with better-sqlite3.
 * Opening validates the file read-only first, so a foreign, corrupt or newer file is refused
 * without a single byte written. Every write runs in one transaction; WAL journal.
 *
 * Imports, edits and deletions go through applyChange: the data change and its change_log row
 * (full rows before/after) commit in one transaction, which gives undo/redo across restarts and
 * a history list. There is no separate "save": every change is on disk when applyChange returns.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { ChangeSummary, Feature, FeatureCollection, Geometry, LayerName, LayerProperties, LayerSummary } from '../api/schema.js';
import { LAYER_NAMES } from '../api/schema.js';
import type { Facility, GridGeometry, Posting, Road, Scenario, Township, Village, VillageArea } from '../domain/types.js';
import type { ProposalDecision } from '../domain/planning.js';
import type { ThcTourConfig, TourConfig, VillageTourConstraint } from '../domain/tours.js';
import { printLayoutSchema, thcTourConfigSchema, villageTourConstraintSchema } from '../api/schema.js';
import { checkPrintLayout, type PrintLayout, type PrintTemplate } from '../domain/print-layout.js';
import { RULES, RULES_BY_ID, type RuleValues } from '../domain/rules.js';
import { decodeGpkgGeometry, encodeGpkgGeometry, envelopeOf } from './gpkg-geometry.js';
import { GPKG_APPLICATION_ID, META_TABLE, SCHEMA_VERSION, getMeta, migrate, seedSettings, setMeta } from './schema.js';
import { CHANGE_KINDS, decodeChange, encodeChange, type ChangeKind, type RowChange, type SqlRow } from './change-log.js';
import {
  CHANGE_LOG_TABLE,
  COVERAGE_RESULTS_TABLE,
  DECISIONS_TABLE,
  LAYER_TABLES,
  POSTINGS_TABLE,
  PRINT_LAYOUTS_TABLE,
  RASTERS_TABLE,
  SCENARIOS_TABLE,
  TOUR_CONFIG_TABLE,
  type Column,
  type TableDef,
} from './tables.js';

export interface StoreOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
}

export interface ProjectMeta {
  title: string;
  isDemo: boolean;
  /** Attribution owed for imported data, e.g. "© OpenStreetMap contributors". */
  attribution?: string;
}

/** A raster kept in the project (the DEM for walking slopes). Cells row-major from the north-west corner; NaN = void. */
export interface RasterRecord extends GridGeometry {
  name: string;
  kind: 'dem' | 'population';
  source: string;
  data: Float32Array;
}

/** Everything a project holds, as plain domain records (ids are assigned by the store). */
export interface ProjectData {
  villages: Village[];
  villageAreas: VillageArea[];
  facilities: Facility[];
  roads: Road[];
  townships: Township[];
  postings: Posting[];
  /** Optional rasters (the DEM), written in the same transaction. */
  rasters?: RasterRecord[];
}

/** Tables a change can update or delete rows of (the feature layers and the roster). */
export type ChangeLayer = LayerName | 'postings';

/** What one change does; every part is optional, all of it commits together (or none). */
export interface ChangeOps {
  /** New records, same shapes as ProjectStore.create's data; ids are assigned by the store. */
  insert?: Partial<ProjectData>;
  /** Domain fields to change (camelCase); geometry via `location` (points) or `coordinates`. */
  update?: { layer: ChangeLayer; id: number; record: Record<string, unknown> }[];
  delete?: { layer: ChangeLayer; id: number }[];
}

type Row = Record<string, unknown>;

const SQLITE_HEADER = 'SQLite format 3\0';

export class ProjectStore {
  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
    readonly migratedFrom: number | null,
    readonly readOnly: boolean,
  ) {}

  // ---- lifecycle ------------------------------------------------------------------------

  /** Creates a new project file atomically (built under a temporary name, then renamed). */
  static create(file: string, meta: ProjectMeta, data: Partial<ProjectData> = {}, opts: StoreOptions & { overwrite?: boolean } = {}): ProjectStore {
    const target = path.resolve(file);
    if (fs.existsSync(target) && !opts.overwrite) throw new ApiError('FILE_EXISTS', `file exists: ${target}`, { path: target });
    assertWritableDir(target);
    const tmp = `${target}.${process.pid}.tmp`;
    removeDbFiles(tmp);
    try {
      const db = new Database(tmp, nativeOpts(opts));
      try {
        db.transaction(() => {
          migrate(db, 0);
          setMeta(db, 'title', meta.title);
          setMeta(db, 'is_demo', meta.isDemo ? '1' : '0');
          setMeta(db, 'created_at', new Date().toISOString());
          seedSettings(db);
          writeData(db, data);
        })();
      } finally {
        db.close();
      }
      removeDbFiles(target);
      fs.renameSync(tmp, target);
    } catch (e) {
      removeDbFiles(tmp);
      if (e instanceof ApiError) throw e;
      throw writeError(target, e);
    }
    return ProjectStore.open(target, opts);
  }

  static open(file: string, opts: StoreOptions = {}): ProjectStore {
    const target = path.resolve(file);
    const found = inspect(target, opts);
    const needsMigration = found.schemaVersion < SCHEMA_VERSION;
    if (!isWritable(target)) {
      // A read-only file can still be viewed and saved elsewhere, unless it must be migrated first.
      if (needsMigration) throw new ApiError('FILE_READ_ONLY', `not writable, cannot migrate: ${target}`, { path: target });
      const db = new Database(target, { ...nativeOpts(opts), readonly: true, fileMustExist: true });
      return new ProjectStore(target, db, null, true);
    }
    let db: Database.Database;
    try {
      db = new Database(target, { ...nativeOpts(opts), fileMustExist: true });
      db.pragma('foreign_keys = ON');
    } catch (e) {
      throw new ApiError('FILE_READ_ONLY', `cannot open ${target} for writing: ${(e as Error).message}`, { path: target });
    }
    let migratedFrom: number | null = null;
    if (needsMigration) {
      try {
        db.transaction(() => migrate(db, found.schemaVersion))();
        migratedFrom = found.schemaVersion;
      } catch (e) {
        db.close();
        throw new ApiError('MIGRATION_FAILED', `migration of ${target} failed: ${(e as Error).message}`, {
          path: target,
          detail: (e as Error).message,
        });
      }
    }
    // Switch to WAL only now: a failed migration must leave even the header bytes as they were.
    db.pragma('journal_mode = WAL');
    // Durability: with synchronous = FULL the WAL is fsynced at every commit, so once a change
    // has returned it survives a power cut or OS crash; a crash loses at most the change in flight.
    // (NORMAL, SQLite's usual WAL setting, can lose the last commits on power loss.) The cost,
    // one fsync per change, is small against user-paced edits and imports.
    db.pragma('synchronous = FULL');
    return new ProjectStore(target, db, migratedFrom, false);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Writes a compact copy of the project to `dest` (atomically) and returns nothing; the caller reopens. */
  copyTo(dest: string, overwrite = false): void {
    const target = path.resolve(dest);
    if (target === this.path) return;
    if (fs.existsSync(target) && !overwrite) throw new ApiError('FILE_EXISTS', `file exists: ${target}`, { path: target });
    assertWritableDir(target);
    const tmp = `${target}.${process.pid}.tmp`;
    removeDbFiles(tmp);
    try {
      this.db.prepare('VACUUM INTO ?').run(tmp);
      removeDbFiles(target);
      fs.renameSync(tmp, target);
    } catch (e) {
      removeDbFiles(tmp);
      throw writeError(target, e);
    }
  }

  // ---- reading --------------------------------------------------------------------------

  get schemaVersion(): number {
    return Number(getMeta(this.db, 'schema_version'));
  }

  meta(): ProjectMeta {
    return { title: getMeta(this.db, 'title') ?? '', isDemo: getMeta(this.db, 'is_demo') === '1', attribution: getMeta(this.db, 'attribution') ?? '' };
  }

  layerSummaries(): LayerSummary[] {
    return LAYER_NAMES.map((name) => {
      const def = LAYER_TABLES[name];
      const { n } = this.db.prepare(`SELECT count(*) AS n FROM "${def.table}"`).get() as { n: number };
      return { name, geometryType: def.geometry!.type, count: n };
    });
  }

  count(table: 'postings' | 'scenarios'): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }

  /** [west, south, east, north] over all feature layers, from gpkg_contents. */
  bounds(): [number, number, number, number] | null {
    const r = this.db
      .prepare("SELECT min(min_x) AS w, min(min_y) AS s, max(max_x) AS e, max(max_y) AS n FROM gpkg_contents WHERE data_type = 'features'")
      .get() as { w: number | null; s: number | null; e: number | null; n: number | null };
    return r.w === null || r.s === null || r.e === null || r.n === null ? null : [r.w, r.s, r.e, r.n];
  }

  getLayer<L extends LayerName>(layer: L): FeatureCollection<LayerProperties[L]> {
    const def = LAYER_TABLES[layer];
    const rows = this.db.prepare(`SELECT * FROM "${def.table}" ORDER BY fid`).all() as Row[];
    return { type: 'FeatureCollection', features: rows.map((r) => toFeature<LayerProperties[L]>(def, r)) };
  }

  getFeature<L extends LayerName>(layer: L, id: number): Feature<LayerProperties[L]> | null {
    const def = LAYER_TABLES[layer];
    const row = this.db.prepare(`SELECT * FROM "${def.table}" WHERE fid = ?`).get(id) as Row | undefined;
    return row ? toFeature<LayerProperties[L]>(def, row) : null;
  }

  getPostings(): Posting[] {
    return (this.db.prepare('SELECT * FROM postings ORDER BY fid').all() as Row[]).map((r) => rowToRecord(POSTINGS_TABLE, r) as unknown as Posting);
  }

  getScenarios(): Scenario[] {
    return (this.db.prepare('SELECT * FROM scenarios ORDER BY fid').all() as Row[]).map((r) => rowToRecord(SCENARIOS_TABLE, r) as unknown as Scenario);
  }

  getScenario(id: number): Scenario | null {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE fid = ?').get(id) as Row | undefined;
    return row ? (rowToRecord(SCENARIOS_TABLE, row) as unknown as Scenario) : null;
  }

  /** The planner's decisions of a scenario (0 = baseline), by village code. */
  getDecisions(scenarioId: number): ProposalDecision[] {
    const rows = this.db.prepare('SELECT * FROM decisions WHERE scenario_id = ? ORDER BY village_code').all(scenarioId) as Row[];
    return rows.map(toDecision);
  }

  /** The stored touring set-up (THC entries by code, then village entries by code); each row's JSON is checked. */
  getTourConfig(): TourConfig {
    const rows = this.db.prepare('SELECT scope, code, json FROM tour_config ORDER BY scope, code').all() as { scope: string; code: string; json: string }[];
    const out: TourConfig = { thcs: [], villages: [] };
    for (const r of rows) {
      const broken = (detail: string) => new ApiError('CORRUPT_FILE', `tour_config ${r.scope} ${r.code}: ${detail}`, { path: this.path, detail });
      let json: unknown;
      try {
        json = JSON.parse(r.json);
      } catch (e) {
        throw broken((e as Error).message);
      }
      const parsed = (r.scope === 'thc' ? thcTourConfigSchema : villageTourConstraintSchema).safeParse(json);
      if (!parsed.success) throw broken(`${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      if (r.scope === 'thc') out.thcs.push(parsed.data as ThcTourConfig);
      else out.villages.push(parsed.data as VillageTourConstraint);
    }
    return out;
  }

  /**
   * Stores touring set-up entries (already checked by the caller) in one undoable change: each
   * replaces the stored entry of its THC / village; with `replace` the entries not given are
   * removed. Returns the change, or null when nothing changed.
   */
  setTourConfig(config: Partial<TourConfig>, label: string, replace = false): ChangeSummary | null {
    return this.logged(label, 'edit', (db) => {
      const rows: RowChange[] = [];
      const wanted = new Map<string, { scope: 'thc' | 'village'; code: string; json: string }>();
      for (const c of config.thcs ?? []) wanted.set(`thc\u0000${c.thcCode}`, { scope: 'thc', code: c.thcCode, json: JSON.stringify(thcTourConfigSchema.parse(c)) });
      for (const c of config.villages ?? []) wanted.set(`village\u0000${c.villageCode}`, { scope: 'village', code: c.villageCode, json: JSON.stringify(villageTourConstraintSchema.parse(c)) });
      if (replace) {
        for (const before of db.prepare('SELECT * FROM tour_config ORDER BY fid').all() as SqlRow[]) {
          if (wanted.has(`${String(before.scope)}\u0000${String(before.code)}`)) continue;
          db.prepare('DELETE FROM tour_config WHERE fid = ?').run(before.fid);
          rows.push({ table: 'tour_config', fid: before.fid as number, before, after: null });
        }
      }
      for (const w of wanted.values()) {
        const before = db.prepare('SELECT * FROM tour_config WHERE scope = ? AND code = ?').get(w.scope, w.code) as SqlRow | undefined;
        if (before && before.json === w.json) continue;
        let fid: number;
        if (before) {
          fid = before.fid as number;
          db.prepare('UPDATE tour_config SET json = ? WHERE fid = ?').run(w.json, fid);
        } else {
          [fid] = insertRecords(db, TOUR_CONFIG_TABLE, [w]);
        }
        rows.push({ table: 'tour_config', fid, before: before ?? null, after: selectRow(db, 'tour_config', fid)! });
      }
      return rows;
    });
  }

  /**
   * The stored print layout templates, sorted by name (binary order), in two lists: the ones that
   * parse and pass checkPrintLayout, and the names of the others (damaged: never thrown, so one
   * bad row does not hide the rest).
   */
  readPrintTemplates(): { templates: PrintTemplate[]; damaged: string[] } {
    const rows = this.db.prepare('SELECT name, layout, updated_at FROM print_layouts ORDER BY name').all() as { name: string; layout: string; updated_at: string }[];
    const templates: PrintTemplate[] = [];
    const damaged: string[] = [];
    for (const r of rows) {
      const layout = parsePrintLayout(r.layout);
      if (layout) templates.push({ name: r.name, layout, updatedAt: r.updated_at });
      else damaged.push(r.name);
    }
    return { templates, damaged };
  }

  /** The valid stored templates, sorted by name (see readPrintTemplates for the damaged ones). */
  getPrintTemplates(): PrintTemplate[] {
    return this.readPrintTemplates().templates;
  }

  /**
   * Stores a template (name and layout already checked by the caller), replacing one of the same
   * name. With a label it is one undoable change; with null it is written without a change-log
   * row (the demo project's shipped example).
   */
  savePrintTemplate(name: string, layout: PrintLayout, label: string | null): PrintTemplate {
    const json = JSON.stringify(printLayoutSchema.parse(layout));
    const updatedAt = new Date().toISOString();
    const write = (db: Database.Database): RowChange[] => {
      const before = db.prepare('SELECT * FROM print_layouts WHERE name = ?').get(name) as SqlRow | undefined;
      let fid: number;
      if (before) {
        fid = before.fid as number;
        db.prepare('UPDATE print_layouts SET layout = ?, updated_at = ? WHERE fid = ?').run(json, updatedAt, fid);
      } else {
        [fid] = insertRecords(db, PRINT_LAYOUTS_TABLE, [{ name, layout: json, updatedAt }]);
      }
      return [{ table: 'print_layouts', fid, before: before ?? null, after: selectRow(db, 'print_layouts', fid)! }];
    };
    if (label === null) this.transaction(() => write(this.db));
    else this.logged(label, 'edit', write);
    return { name, layout: JSON.parse(json) as PrintLayout, updatedAt };
  }

  /** Deletes a template in one undoable change; false (nothing logged) when there is none of that name. */
  deletePrintTemplate(name: string, label: string): boolean {
    const change = this.logged(label, 'delete', (db) => {
      const before = db.prepare('SELECT * FROM print_layouts WHERE name = ?').get(name) as SqlRow | undefined;
      if (!before) return [];
      db.prepare('DELETE FROM print_layouts WHERE fid = ?').run(before.fid);
      return [{ table: 'print_layouts', fid: before.fid as number, before, after: null }];
    });
    return change !== null;
  }

  /** Current rule values; rules missing from the file fall back to their defaults. */
  ruleValues(): RuleValues {
    const stored = new Map(
      (this.db.prepare('SELECT id, value FROM settings').all() as { id: string; value: number | string }[]).map((r) => [r.id, r.value]),
    );
    return Object.fromEntries(RULES.map((r) => [r.id, stored.get(r.id) ?? r.defaultValue]));
  }

  // ---- writing --------------------------------------------------------------------------

  /** Runs `fn` in one transaction: all of it lands, or none. */
  transaction<T>(fn: () => T): T {
    if (this.readOnly) throw new ApiError('FILE_READ_ONLY', `opened read-only: ${this.path}`, { path: this.path });
    return this.db.transaction(fn)();
  }

  /** Adds records to the project in one transaction. */
  add(data: Partial<ProjectData>): void {
    this.transaction(() => writeData(this.db, data));
  }

  // ---- change log: undoable imports, edits and deletions --------------------------------------

  /**
   * Applies one change and records it in the change log, in one transaction: all of it lands, or
   * nothing (no data, no log row). Like an editor, a new change discards the undone (redo-able)
   * changes. Unknown ids → NOT_FOUND; unknown fields or layers → INVALID_ARGUMENT.
   */
  applyChange(label: string, kind: ChangeKind, ops: ChangeOps): ChangeSummary {
    if (!CHANGE_KINDS.includes(kind)) throw new ApiError('INVALID_ARGUMENT', `bad change kind: ${String(kind)}`, { field: 'kind' });
    return this.transaction(() => {
      const db = this.db;
      db.prepare('DELETE FROM change_log WHERE undone = 1').run();
      const rows: RowChange[] = [];
      for (const [def, records] of insertPlan(ops.insert ?? {})) {
        const fids = insertRecords(db, def, records); // extends the extent and touches last_change
        for (const fid of fids) rows.push({ table: def.table, fid, before: null, after: selectRow(db, def.table, fid)! });
      }
      for (const u of ops.update ?? []) {
        const def = changeLayerDef(u.layer);
        const before = existingRow(db, def, u.layer, u.id);
        const { sets, params } = updateAssignments(def, u.record);
        if (sets.length > 0) db.prepare(`UPDATE "${def.table}" SET ${sets.join(', ')} WHERE fid = ?`).run(...params, u.id);
        rows.push({ table: def.table, fid: u.id, before, after: selectRow(db, def.table, u.id)! });
      }
      for (const d of ops.delete ?? []) {
        const def = changeLayerDef(d.layer);
        const before = existingRow(db, def, d.layer, d.id);
        db.prepare(`DELETE FROM "${def.table}" WHERE fid = ?`).run(d.id);
        rows.push({ table: def.table, fid: d.id, before, after: null });
      }
      // Updates and deletions can shrink an extent: recompute those tables (inserts only grow it).
      refreshContents(db, new Set(rows.filter((r) => r.before !== null).map((r) => r.table)));
      const at = new Date().toISOString();
      const [id] = insertRecords(db, CHANGE_LOG_TABLE, [{ at, kind, label, undone: false, ops: encodeChange(rows) }]);
      return this.changeSummary(id)!;
    });
  }

  /** Reverts the latest change not yet undone (restoring the exact previous rows); null when none. */
  undo(): ChangeSummary | null {
    return this.transaction(() => {
      const row = this.db.prepare('SELECT fid, ops FROM change_log WHERE undone = 0 ORDER BY fid DESC LIMIT 1').get() as
        | { fid: number; ops: string }
        | undefined;
      if (!row) return null;
      const { rows } = decodeChange(row.ops);
      restoreRows(this.db, [...rows].reverse(), 'before');
      this.db.prepare('UPDATE change_log SET undone = 1 WHERE fid = ?').run(row.fid);
      return this.changeSummary(row.fid);
    });
  }

  /** Re-applies the oldest undone change; null when there is nothing to redo. */
  redo(): ChangeSummary | null {
    return this.transaction(() => {
      const row = this.db.prepare('SELECT fid, ops FROM change_log WHERE undone = 1 ORDER BY fid ASC LIMIT 1').get() as
        | { fid: number; ops: string }
        | undefined;
      if (!row) return null;
      const { rows } = decodeChange(row.ops);
      restoreRows(this.db, rows, 'after');
      this.db.prepare('UPDATE change_log SET undone = 0 WHERE fid = ?').run(row.fid);
      return this.changeSummary(row.fid);
    });
  }

  /** Every change in the log, newest first (undone ones included, flagged). */
  history(): ChangeSummary[] {
    const rows = this.db.prepare(`${CHANGE_SUMMARY_SQL} ORDER BY fid DESC`).all() as ChangeSummaryRow[];
    return rows.map(toChangeSummary);
  }

  private changeSummary(id: number): ChangeSummary | null {
    const row = this.db.prepare(`${CHANGE_SUMMARY_SQL} WHERE fid = ?`).get(id) as ChangeSummaryRow | undefined;
    return row ? toChangeSummary(row) : null;
  }

  // ---- scenarios, decisions and rule values --------------------------------------------------

  /**
   * Adds a scenario; with `copyDecisionsOf` (a scenario id, 0 = baseline) its decisions are
   * copied too, in the same transaction. Not in the change log (deleting one is).
   */
  createScenario(rec: { name: string; description: string; payload: string }, copyDecisionsOf?: number): Scenario {
    return this.transaction(() => {
      const createdAt = new Date().toISOString();
      const [id] = insertRecords(this.db, SCENARIOS_TABLE, [{ ...rec, createdAt }]);
      if (copyDecisionsOf !== undefined) {
        const copies = this.getDecisions(copyDecisionsOf).map((d) => ({ ...d, scenarioId: id }));
        insertRecords(this.db, DECISIONS_TABLE, copies);
      }
      return this.getScenario(id)!;
    });
  }

  /** Changes a scenario's name, description or payload (JSON text); SCENARIO_NOT_FOUND for an unknown id. */
  updateScenario(id: number, patch: { name?: string; description?: string; payload?: string }): Scenario {
    return this.transaction(() => {
      if (!this.getScenario(id)) throw scenarioNotFound(id);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const { sets, params } = updateAssignments(SCENARIOS_TABLE, defined);
      if (sets.length > 0) this.db.prepare(`UPDATE scenarios SET ${sets.join(', ')} WHERE fid = ?`).run(...params, id);
      touchContents(this.db, 'scenarios', null);
      return this.getScenario(id)!;
    });
  }

  /**
   * Deletes a scenario with its decisions (one undoable change) and its stored coverage results
   * (derived data: not restored by undo, the next run recomputes them).
   */
  deleteScenario(id: number, label: string): ChangeSummary {
    return this.logged(label, 'delete', (db) => {
      const scenario = selectRow(db, 'scenarios', id);
      if (!scenario) throw scenarioNotFound(id);
      const rows: RowChange[] = [];
      for (const d of db.prepare('SELECT * FROM decisions WHERE scenario_id = ? ORDER BY fid').all(id) as SqlRow[]) {
        db.prepare('DELETE FROM decisions WHERE fid = ?').run(d.fid);
        rows.push({ table: 'decisions', fid: d.fid as number, before: d, after: null });
      }
      db.prepare('DELETE FROM scenarios WHERE fid = ?').run(id);
      rows.push({ table: 'scenarios', fid: id, before: scenario, after: null });
      db.prepare('DELETE FROM coverage_results WHERE scenario_id = ?').run(id);
      return rows;
    })!;
  }

  /** Stores (or replaces) the decision on one village of a scenario: an undoable change. */
  putDecision(d: ProposalDecision, label: string): ProposalDecision {
    this.logged(label, 'edit', (db) => {
      const before = db.prepare('SELECT * FROM decisions WHERE scenario_id = ? AND village_code = ?').get(d.scenarioId, d.villageCode) as SqlRow | undefined;
      let fid: number;
      if (before) {
        fid = before.fid as number;
        const { sets, params } = updateAssignments(DECISIONS_TABLE, d as unknown as Record<string, unknown>);
        db.prepare(`UPDATE decisions SET ${sets.join(', ')} WHERE fid = ?`).run(...params, fid);
      } else {
        [fid] = insertRecords(db, DECISIONS_TABLE, [d]);
      }
      return [{ table: 'decisions', fid, before: before ?? null, after: selectRow(db, 'decisions', fid)! }];
    });
    return this.getDecisions(d.scenarioId).find((x) => x.villageCode === d.villageCode)!;
  }

  /** Removes the decision on one village (back to "proposed"); false when there was none. */
  clearDecision(scenarioId: number, villageCode: string, label: string): boolean {
    const change = this.logged(label, 'edit', (db) => {
      const before = db.prepare('SELECT * FROM decisions WHERE scenario_id = ? AND village_code = ?').get(scenarioId, villageCode) as SqlRow | undefined;
      if (!before) return [];
      db.prepare('DELETE FROM decisions WHERE fid = ?').run(before.fid);
      return [{ table: 'decisions', fid: before.fid as number, before, after: null }];
    });
    return change !== null;
  }

  /**
   * Writes rule values (already checked by the caller) in one undoable change; values equal to the
   * stored ones are left alone. Returns the change, or null when nothing changed.
   */
  setRuleValues(values: RuleValues, label: string): ChangeSummary | null {
    return this.logged(label, 'edit', (db) => {
      seedSettings(db); // rules newer than the file get their default rows first
      const rows: RowChange[] = [];
      for (const [id, value] of Object.entries(values)) {
        if (!RULES_BY_ID.has(id)) throw new ApiError('INVALID_ARGUMENT', `unknown rule ${id}`, { field: id });
        const before = db.prepare('SELECT rowid, * FROM settings WHERE id = ?').get(id) as SqlRow;
        if (before.value === value) continue;
        db.prepare('UPDATE settings SET value = ? WHERE id = ?').run(value, id);
        const fid = before.rowid as number;
        rows.push({ table: 'settings', fid, before, after: selectRow(db, 'settings', fid)! });
      }
      return rows;
    });
  }

  /**
   * One change and its change_log row in one transaction, for changes that are not plain layer
   * edits (decisions, rule values, scenario deletion). `mutate` returns the rows it touched;
   * none → nothing is logged (and the redo branch is kept).
   */
  private logged(label: string, kind: ChangeKind, mutate: (db: Database.Database) => RowChange[]): ChangeSummary | null {
    return this.transaction(() => {
      const rows = mutate(this.db);
      if (rows.length === 0) return null;
      this.db.prepare('DELETE FROM change_log WHERE undone = 1').run();
      refreshContents(this.db, new Set(rows.map((r) => r.table)));
      const at = new Date().toISOString();
      const [id] = insertRecords(this.db, CHANGE_LOG_TABLE, [{ at, kind, label, undone: false, ops: encodeChange(rows) }]);
      return this.changeSummary(id)!;
    });
  }

  /** The first raster of a kind (e.g. the project's DEM), or null. */
  getRaster(kind: RasterRecord['kind']): RasterRecord | null {
    const row = this.db.prepare('SELECT * FROM rasters WHERE kind = ? ORDER BY fid LIMIT 1').get(kind) as Row | undefined;
    if (!row) return null;
    const rec = rowToRecord(RASTERS_TABLE, row) as unknown as Omit<RasterRecord, 'data'> & { data: Buffer };
    // Copy into an aligned buffer: SQLite hands back a Buffer that may not be 4-byte aligned.
    const bytes = new Uint8Array(rec.data.byteLength);
    bytes.set(rec.data);
    return { ...rec, data: new Float32Array(bytes.buffer) };
  }

  /** Stores a raster, replacing one of the same name. */
  putRaster(r: RasterRecord): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM rasters WHERE name = ?').run(r.name);
      insertRecords(this.db, RASTERS_TABLE, [rasterRow(r)]);
    });
  }

  /** A stored coverage result (JSON text) for a scenario (0 = baseline) and travel mode. */
  getCoverageResult(scenarioId: number, mode: string): { computedAt: string; result: string } | null {
    const row = this.db.prepare('SELECT computed_at, result FROM coverage_results WHERE scenario_id = ? AND mode = ?').get(scenarioId, mode) as
      | { computed_at: string; result: string }
      | undefined;
    return row ? { computedAt: row.computed_at, result: row.result } : null;
  }

  putCoverageResult(scenarioId: number, mode: string, result: string): string {
    const computedAt = new Date().toISOString();
    this.transaction(() => {
      this.db.prepare('DELETE FROM coverage_results WHERE scenario_id = ? AND mode = ?').run(scenarioId, mode);
      insertRecords(this.db, COVERAGE_RESULTS_TABLE, [{ scenarioId, mode, computedAt, result }]);
    });
    return computedAt;
  }

  /** Adds an attribution line (kept once) for imported data; call inside a transaction or alone. */
  setAttribution(line: string): void {
    const current = getMeta(this.db, 'attribution') ?? '';
    if (current.split('\n').includes(line)) return;
    this.transaction(() => setMeta(this.db, 'attribution', current ? `${current}\n${line}` : line));
  }

  setTitle(title: string): void {
    this.transaction(() => setMeta(this.db, 'title', title));
  }
}

// ---- helpers ------------------------------------------------------------------------------

function nativeOpts(opts: StoreOptions): Database.Options {
  return opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
}

/** A failed write: FILE_READ_ONLY when the destination cannot be opened at all, else WRITE_FAILED. */
function writeError(target: string, e: unknown): ApiError {
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message;
  const cannotOpen = ['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code);
  return new ApiError(cannotOpen ? 'FILE_READ_ONLY' : 'WRITE_FAILED', `cannot write ${target}: ${message}`, { path: target, detail: message });
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK); // WAL needs its -wal/-shm files beside it
    return true;
  } catch {
    return false;
  }
}

function assertWritableDir(target: string): void {
  const dir = path.dirname(target);
  let ok = false;
  try {
    ok = fs.statSync(dir).isDirectory();
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    ok = false;
  }
  if (!ok) throw new ApiError('FILE_READ_ONLY', `folder missing or not writable: ${dir}`, { path: dir });
}

/** Read-only inspection: is this one of our GeoPackages, and which schema version? */
function inspect(file: string, opts: StoreOptions): { schemaVersion: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('FILE_NOT_FOUND', `no such file: ${file}`, { path: file });
  }
  if (!stat.isFile()) throw new ApiError('NOT_A_GEOPACKAGE', `not a file: ${file}`, { path: file });
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER) throw new ApiError('NOT_A_GEOPACKAGE', `not an SQLite/GeoPackage file: ${file}`, { path: file });

  let db: Database.Database | null = null;
  try {
    db = new Database(file, { ...nativeOpts(opts), readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new ApiError('CORRUPT_FILE', `integrity check failed: ${String(check)}`, { path: file });
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== GPKG_APPLICATION_ID && !tables.has('gpkg_contents')) {
      throw new ApiError('NOT_A_GEOPACKAGE', `SQLite file without GeoPackage tables: ${file}`, { path: file });
    }
    if (!tables.has(META_TABLE)) throw new ApiError('NOT_A_PROJECT', `no ${META_TABLE} table: ${file}`, { path: file, table: META_TABLE });
    const version = Number(getMeta(db, 'schema_version'));
    if (!Number.isInteger(version) || version < 1) throw new ApiError('CORRUPT_FILE', `bad schema_version in ${file}`, { path: file });
    if (version > SCHEMA_VERSION) {
      throw new ApiError('NEWER_SCHEMA', `schema ${version} > ${SCHEMA_VERSION}`, { path: file, found: version, supported: SCHEMA_VERSION });
    }
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new ApiError('NOT_A_GEOPACKAGE', `not a database: ${file}`, { path: file });
    throw new ApiError('CORRUPT_FILE', `cannot read ${file}: ${(e as Error).message}`, { path: file });
  } finally {
    db?.close();
  }
}

function toFeature<P>(def: TableDef, row: Row): Feature<P> {
  const geometry = decodeGpkgGeometry(row.geom as Uint8Array);
  return { type: 'Feature', id: row.fid as number, geometry, properties: rowToRecord(def, row) as P };
}

function rowToRecord(def: TableDef, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.fid };
  for (const c of def.columns) {
    const v = row[c.name];
    out[c.field] = c.bool ? v === 1 : (v ?? null);
  }
  return out;
}

function recordParams(columns: Column[], rec: Record<string, unknown>): unknown[] {
  return columns.map((c) => {
    const v = rec[c.field];
    if (c.bool) return v ? 1 : 0;
    return v === undefined ? null : v;
  });
}

function geometryOf(def: TableDef, rec: Record<string, unknown>): Geometry {
  const g = def.geometry!;
  const value = rec[g.domainField];
  switch (g.type) {
    case 'POINT': return { type: 'Point', coordinates: value as [number, number] };
    case 'LINESTRING': return { type: 'LineString', coordinates: value as [number, number][] };
    case 'MULTIPOLYGON': return { type: 'MultiPolygon', coordinates: value as [number, number][][][] };
  }
}

/** Inserts records (domain shape) and returns their new fids, in order. */
function insertRecords(db: Database.Database, def: TableDef, records: readonly object[]): number[] {
  if (records.length === 0) return [];
  const fids: number[] = [];
  const cols = def.columns.map((c) => `"${c.name}"`);
  if (def.geometry) cols.unshift('geom');
  const stmt = db.prepare(`INSERT INTO "${def.table}" (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  let env: [number, number, number, number] | null = null;
  for (const r of records) {
    const rec = r as Record<string, unknown>;
    const params = recordParams(def.columns, rec);
    if (def.geometry) {
      const geom = geometryOf(def, rec);
      const e = envelopeOf(geom);
      env = env ? [Math.min(env[0], e[0]), Math.max(env[1], e[1]), Math.min(env[2], e[2]), Math.max(env[3], e[3])] : e;
      params.unshift(encodeGpkgGeometry(geom));
    }
    fids.push(Number(stmt.run(params).lastInsertRowid));
  }
  touchContents(db, def.table, env);
  return fids;
}

/** Keeps gpkg_contents' extent and last_change current (GDAL reports the extent from here). */
function touchContents(db: Database.Database, table: string, env: [number, number, number, number] | null): void {
  db.prepare("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?").run(table);
  if (!env) return;
  db.prepare(
    `UPDATE gpkg_contents SET min_x = min(coalesce(min_x, @minx), @minx), max_x = max(coalesce(max_x, @maxx), @maxx),
       min_y = min(coalesce(min_y, @miny), @miny), max_y = max(coalesce(max_y, @maxy), @maxy) WHERE table_name = @table`,
  ).run({ minx: env[0], maxx: env[1], miny: env[2], maxy: env[3], table });
}

function writeData(db: Database.Database, data: Partial<ProjectData>): void {
  insertRecords(db, LAYER_TABLES.townships, data.townships ?? []);
  insertRecords(db, LAYER_TABLES.villages, data.villages ?? []);
  insertRecords(db, LAYER_TABLES.village_areas, data.villageAreas ?? []);
  insertRecords(db, LAYER_TABLES.facilities, data.facilities ?? []);
  insertRecords(db, LAYER_TABLES.roads, data.roads ?? []);
  insertRecords(db, POSTINGS_TABLE, data.postings ?? []);
  insertRecords(db, RASTERS_TABLE, (data.rasters ?? []).map(rasterRow));
}

function rasterRow(r: RasterRecord): object {
  if (r.data.length !== r.width * r.height) throw new ApiError('INVALID_ARGUMENT', 'raster size mismatch', { field: 'data' });
  return { ...r, data: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength) };
}

// ---- change log helpers -------------------------------------------------------------------

const CHANGE_SUMMARY_SQL = "SELECT fid, at, kind, label, undone, json_extract(ops, '$.counts') AS counts FROM change_log";
interface ChangeSummaryRow {
  fid: number;
  at: string;
  kind: ChangeKind;
  label: string;
  undone: number;
  counts: string | null;
}

function toChangeSummary(r: ChangeSummaryRow): ChangeSummary {
  return { id: r.fid, at: r.at, kind: r.kind, label: r.label, undone: r.undone === 1, counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : {} };
}

/** Tables whose rows a change may touch, by SQL name ('settings' has no TableDef: see rowKey). */
const CHANGE_TABLES: ReadonlyMap<string, TableDef | null> = new Map<string, TableDef | null>([
  ...[...Object.values(LAYER_TABLES), POSTINGS_TABLE, RASTERS_TABLE, SCENARIOS_TABLE, DECISIONS_TABLE, TOUR_CONFIG_TABLE, PRINT_LAYOUTS_TABLE].map((d) => [d.table, d] as const),
  ['settings', null],
]);

/** The column a logged row is keyed by: fid, except the rules table (text id: its SQLite rowid). */
function rowKey(table: string): 'fid' | 'rowid' {
  return table === 'settings' ? 'rowid' : 'fid';
}

/** A stored layout that parses, has the PrintLayout shape and passes checkPrintLayout; else null. */
function parsePrintLayout(json: string): PrintLayout | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = printLayoutSchema.safeParse(value);
  if (!parsed.success) return null;
  return checkPrintLayout(parsed.data).length === 0 ? parsed.data : null;
}

function scenarioNotFound(id: number): ApiError {
  return new ApiError('SCENARIO_NOT_FOUND', `no scenario with id ${id}`, { id });
}

function toDecision(row: Row): ProposalDecision {
  const { id: _id, ...rest } = rowToRecord(DECISIONS_TABLE, row);
  return rest as unknown as ProposalDecision;
}

function changeLayerDef(layer: string): TableDef {
  const def = layer === 'postings' ? POSTINGS_TABLE : (LAYER_TABLES as Record<string, TableDef | undefined>)[layer];
  if (!def) throw new ApiError('INVALID_ARGUMENT', `unknown layer: ${layer}`, { field: 'layer' });
  return def;
}

/** Inserts in the same order as writeData. */
function insertPlan(data: Partial<ProjectData>): [TableDef, readonly object[]][] {
  return [
    [LAYER_TABLES.townships, data.townships ?? []],
    [LAYER_TABLES.villages, data.villages ?? []],
    [LAYER_TABLES.village_areas, data.villageAreas ?? []],
    [LAYER_TABLES.facilities, data.facilities ?? []],
    [LAYER_TABLES.roads, data.roads ?? []],
    [POSTINGS_TABLE, data.postings ?? []],
    [RASTERS_TABLE, (data.rasters ?? []).map(rasterRow)],
  ];
}

function selectRow(db: Database.Database, table: string, fid: number): SqlRow | undefined {
  const key = rowKey(table);
  const cols = key === 'rowid' ? 'rowid, *' : '*';
  return db.prepare(`SELECT ${cols} FROM "${table}" WHERE ${key} = ?`).get(fid) as SqlRow | undefined;
}

function existingRow(db: Database.Database, def: TableDef, layer: string, id: number): SqlRow {
  const row = selectRow(db, def.table, id);
  if (!row) throw new ApiError('NOT_FOUND', `no ${layer} feature with id ${id}`, { layer, id });
  return row;
}

/** SET clauses for an update of domain fields; unknown fields are refused. */
function updateAssignments(def: TableDef, record: Record<string, unknown>): { sets: string[]; params: unknown[] } {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (field === 'id') continue;
    if (def.geometry && field === def.geometry.domainField) {
      if (!Array.isArray(value)) throw new ApiError('INVALID_ARGUMENT', `bad geometry for ${def.table}`, { field });
      sets.push('geom = ?');
      params.push(encodeGpkgGeometry(geometryOf(def, record)));
      continue;
    }
    const col = def.columns.find((c) => c.field === field);
    if (!col) throw new ApiError('INVALID_ARGUMENT', `unknown field ${field} in ${def.table}`, { field });
    sets.push(`"${col.name}" = ?`);
    params.push(col.bool ? (value ? 1 : 0) : value === undefined ? null : value);
  }
  return { sets, params };
}

/** Writes each row's `before` (undo) or `after` (redo) state back, exactly, with its fid. */
function restoreRows(db: Database.Database, rows: readonly RowChange[], side: 'before' | 'after'): void {
  const stmts = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let st = stmts.get(sql);
    if (!st) stmts.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const tables = new Set<string>();
  for (const r of rows) {
    if (!CHANGE_TABLES.has(r.table)) throw new ApiError('CORRUPT_FILE', `change log names unknown table ${r.table}`, { table: r.table });
    tables.add(r.table);
    prepared(`DELETE FROM "${r.table}" WHERE ${rowKey(r.table)} = ?`).run(r.fid);
    const target = r[side];
    if (!target) continue;
    const cols = Object.keys(target);
    prepared(`INSERT INTO "${r.table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
      cols.map((c) => target[c]),
    );
  }
  refreshContents(db, tables);
}

/** Recomputes gpkg_contents' extent (feature tables) and sets last_change for each table. */
function refreshContents(db: Database.Database, tables: ReadonlySet<string>): void {
  for (const table of tables) {
    const def = CHANGE_TABLES.get(table);
    if (!def?.geometry) {
      touchContents(db, table, null);
      continue;
    }
    let env: [number, number, number, number] | null = null;
    for (const { geom } of db.prepare(`SELECT geom FROM "${table}" WHERE geom IS NOT NULL`).iterate() as IterableIterator<{ geom: Uint8Array }>) {
      const e = blobEnvelope(geom);
      env = env ? [Math.min(env[0], e[0]), Math.max(env[1], e[1]), Math.min(env[2], e[2]), Math.max(env[3], e[3])] : e;
    }
    db.prepare(
      `UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now'), min_x = ?, max_x = ?, min_y = ?, max_y = ? WHERE table_name = ?`,
    ).run(env?.[0] ?? null, env?.[1] ?? null, env?.[2] ?? null, env?.[3] ?? null, table);
  }
}

/** [minx, maxx, miny, maxy] from a GeoPackage blob: the header envelope when present, else decoded. */
function blobEnvelope(blob: Uint8Array): [number, number, number, number] {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const flags = buf[3];
  if (((flags >> 1) & 0x07) >= 1) {
    const le = (flags & 1) === 1;
    const d = (i: number) => (le ? buf.readDoubleLE(8 + i * 8) : buf.readDoubleBE(8 + i * 8));
    return [d(0), d(1), d(2), d(3)];
  }
  return envelopeOf(decodeGpkgGeometry(blob));
}
