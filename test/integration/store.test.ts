import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { SCHEMA_VERSION, migrate, setMeta } from '../../electron/store/schema.js';
import { sha256, tempDir, tinyProject } from '../helpers/fixtures.js';

function expectApiError(fn: () => unknown, code: string): ApiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe(code);
    return e as ApiError;
  }
  throw new Error(`expected ApiError ${code}`);
}

describe('ProjectStore on real GeoPackage files', () => {
  it('creates a project and reads back every field and geometry', () => {
    const file = path.join(tempDir(), 'p.gpkg');
    const data = tinyProject();
    const store = ProjectStore.create(file, { title: '测试县', isDemo: false }, data);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.meta()).toEqual({ title: '测试县', isDemo: false, attribution: '' });
    expect(Object.fromEntries(store.layerSummaries().map((l) => [l.name, l.count]))).toEqual({
      villages: 2, village_areas: 0, facilities: 2, roads: 1, townships: 1,
    });
    const villages = store.getLayer('villages');
    const v = villages.features[1];
    expect(v.geometry).toEqual({ type: 'Point', coordinates: [110.15, 27.12] });
    const { location, ...rest } = data.villages[1];
    expect(v.properties).toEqual({ ...rest, id: 2 });
    expect(location).toEqual(v.geometry.coordinates);
    const thc = store.getFeature('facilities', 2)!;
    expect(thc.properties.isCentralThc).toBe(true);
    expect(thc.properties.publicHealthPhysicians).toBe(0);
    expect(store.getLayer('roads').features[0].geometry).toEqual({ type: 'LineString', coordinates: data.roads[0].coordinates });
    expect(store.getLayer('townships').features[0].geometry.type).toBe('MultiPolygon');
    expect(store.getPostings()[0]).toMatchObject({ person: '王某', release: 'full', daysPerWeek: 5 });
    expect(store.ruleValues()['V1.tour_visits_per_week']).toBe(2);
    expect(store.bounds()).toEqual([110.0, 27.0, 110.2, 27.2]);
    store.close();
  });

  it('writes a valid GeoPackage header and WAL journal', () => {
    const file = path.join(tempDir(), 'p.gpkg');
    ProjectStore.create(file, { title: 't', isDemo: false }, tinyProject()).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const contents = db.prepare('SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name').all();
    expect(contents).toContainEqual({ table_name: 'villages', data_type: 'features', srs_id: 4326 });
    expect(contents).toContainEqual({ table_name: 'postings', data_type: 'attributes', srs_id: null });
    db.close();
  });

  it('adds records in one transaction: a bad record leaves nothing behind', () => {
    const file = path.join(tempDir(), 'p.gpkg');
    const store = ProjectStore.create(file, { title: 't', isDemo: false }, tinyProject());
    const good = { ...tinyProject().villages[0], code: '431299101203', name: '好村' };
    const bad = { ...tinyProject().villages[0], code: '43129910120' }; // 11 digits violates the CHECK
    expect(() => store.add({ villages: [good, bad] })).toThrow();
    expect(store.getLayer('villages').features).toHaveLength(2);
    store.close();
  });

  it('refuses a file that is not a GeoPackage without touching it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.gpkg');
    fs.writeFileSync(file, '村名,人口\n石门村,1830\n');
    const before = sha256(file);
    const err = expectApiError(() => ProjectStore.open(file), 'NOT_A_GEOPACKAGE');
    expect(err.params.path).toBe(file);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['notes.gpkg']);
  });

  it('refuses a GeoPackage from another tool (no project tables) without touching it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'other.gpkg');
    const db = new Database(file);
    db.pragma('application_id = 1196444487');
    db.exec("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL); CREATE TABLE parcels (fid INTEGER PRIMARY KEY, name TEXT)");
    db.close();
    const before = sha256(file);
    const err = expectApiError(() => ProjectStore.open(file), 'NOT_A_PROJECT');
    expect(err.params.table).toBe('ccp_meta');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['other.gpkg']);
  });

  it('refuses a corrupt project without touching it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.gpkg');
    ProjectStore.create(file, { title: 't', isDemo: false }, tinyProject()).close();
    const bytes = fs.readFileSync(file);
    // Keep the SQLite header, overwrite the pages after the first with garbage.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expectApiError(() => ProjectStore.open(file), 'CORRUPT_FILE');
    expect(sha256(file)).toBe(before);
  });

  it('reports a missing file and an unwritable destination clearly', () => {
    const dir = tempDir();
    expectApiError(() => ProjectStore.open(path.join(dir, 'missing.gpkg')), 'FILE_NOT_FOUND');
    expectApiError(() => ProjectStore.create(path.join(dir, 'no-such-dir', 'p.gpkg'), { title: 't', isDemo: false }), 'FILE_READ_ONLY');
    const file = path.join(dir, 'p.gpkg');
    const store = ProjectStore.create(file, { title: 't', isDemo: false }, tinyProject());
    expectApiError(() => store.copyTo('/proc/ccp-cannot-write.gpkg'), 'FILE_READ_ONLY');
    expectApiError(() => ProjectStore.create(file, { title: 't', isDemo: false }), 'FILE_EXISTS');
    store.close();
  });

  it('copies a project with "save as" and opens the copy', () => {
    const dir = tempDir();
    const store = ProjectStore.create(path.join(dir, 'a.gpkg'), { title: '甲', isDemo: false }, tinyProject());
    store.copyTo(path.join(dir, 'b.gpkg'));
    store.close();
    const copy = ProjectStore.open(path.join(dir, 'b.gpkg'));
    expect(copy.meta().title).toBe('甲');
    expect(copy.getLayer('facilities').features).toHaveLength(2);
    copy.close();
  });

  it('migrates a schema-1 project on open and keeps its data', () => {
    const file = path.join(tempDir(), 'old.gpkg');
    const db = new Database(file);
    db.transaction(() => {
      migrate(db, 0, 1);
      setMeta(db, 'title', '旧项目');
    })();
    db.close();
    // Fill the old file through the current writer for the tables schema 1 already had.
    const data = tinyProject();
    const v1 = new Database(file);
    v1.prepare("INSERT INTO postings (person, title_level, from_institution, start_date, end_date) VALUES ('李某','senior','CH-1','2026-01-01','2026-06-30')").run();
    v1.close();
    const store = ProjectStore.open(file);
    expect(store.migratedFrom).toBe(1);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.meta().title).toBe('旧项目');
    expect(store.getPostings()).toHaveLength(1);
    store.add({ villageAreas: [{ id: 0, villageCode: data.villages[0].code, coordinates: [[[[110, 27], [110.1, 27], [110.1, 27.1], [110, 27]]]] }] });
    expect(store.getLayer('village_areas').features).toHaveLength(1);
    expect(store.ruleValues()['P2.half_release_max_share']).toBe(10);
    store.close();
    // Reopening does not migrate again.
    const again = ProjectStore.open(file);
    expect(again.migratedFrom).toBeNull();
    again.close();
  });

  it('rolls a failed migration back and leaves the file as it was', () => {
    const file = path.join(tempDir(), 'old.gpkg');
    const db = new Database(file);
    db.transaction(() => migrate(db, 0, 1))();
    db.exec('CREATE TABLE scenarios (x)'); // a clash the version-2 migration cannot resolve
    db.close();
    const before = sha256(file);
    expectApiError(() => ProjectStore.open(file), 'MIGRATION_FAILED');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a project written by a newer version', () => {
    const file = path.join(tempDir(), 'new.gpkg');
    ProjectStore.create(file, { title: 't', isDemo: false }).close();
    const db = new Database(file);
    setMeta(db, 'schema_version', String(SCHEMA_VERSION + 1));
    db.close();
    const before = sha256(file);
    const err = expectApiError(() => ProjectStore.open(file), 'NEWER_SCHEMA');
    expect(err.params.found).toBe(SCHEMA_VERSION + 1);
    expect(sha256(file)).toBe(before);
  });

  it('keeps a DEM raster (voids included) and coverage results per scenario and mode', () => {
    const store = ProjectStore.create(path.join(tempDir(), 'p.gpkg'), { title: 't', isDemo: false }, tinyProject());
    const data = new Float32Array([100, 120.5, NaN, 140, 150, 160]);
    store.putRaster({ name: 'dem', kind: 'dem', width: 3, height: 2, west: 110, north: 27.2, dx: 0.1, dy: 0.1, source: 'test.hgt', data });
    const dem = store.getRaster('dem')!;
    expect(dem).toMatchObject({ width: 3, height: 2, west: 110, north: 27.2, source: 'test.hgt' });
    expect(Array.from(dem.data.slice(0, 2))).toEqual([100, 120.5]);
    expect(Number.isNaN(dem.data[2])).toBe(true);
    expect(() => store.putRaster({ ...dem, width: 4 })).toThrow(ApiError);
    expect(store.getRaster('dem')!.width).toBe(3);

    expect(store.getCoverageResult(0, 'car')).toBeNull();
    store.putCoverageResult(0, 'car', '{"a":1}');
    store.putCoverageResult(0, 'car', '{"a":2}');
    store.putCoverageResult(1, 'car', '{"b":1}');
    expect(JSON.parse(store.getCoverageResult(0, 'car')!.result)).toEqual({ a: 2 });
    expect(JSON.parse(store.getCoverageResult(1, 'car')!.result)).toEqual({ b: 1 });
    expect(store.getCoverageResult(0, 'walk')).toBeNull();
    store.close();
  });

  it('migrates a schema-2 project to the current schema', () => {
    const file = path.join(tempDir(), 'v2.gpkg');
    const db = new Database(file);
    db.transaction(() => migrate(db, 0, 2))();
    db.close();
    const store = ProjectStore.open(file);
    expect(store.migratedFrom).toBe(2);
    expect(store.getRaster('dem')).toBeNull();
    store.putCoverageResult(0, 'walk', '{}');
    store.close();
  });

  it('ships the demo county at the current schema version (rebuild with npm run demo after a migration)', () => {
    const db = new Database(path.resolve(__dirname, '../../data/demo-county.gpkg'), { readonly: true });
    const version = (db.prepare("SELECT value FROM ccp_meta WHERE key = 'schema_version'").get() as { value: string }).value;
    db.close();
    expect(Number(version)).toBe(SCHEMA_VERSION);
  });
});
