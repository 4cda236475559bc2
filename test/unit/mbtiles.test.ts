/**
 * MBTiles writer/reader round trip, and (when it has been built) a look inside the offline
 * basemap produced by scripts/build-basemap.ts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import * as turf from '@turf/turf';
import Database from 'better-sqlite3';
import Pbf from 'pbf';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';
import { openMbtiles, writeMbtiles, type MbtilesMetadata } from '../../electron/io/mbtiles.js';

const dir = mkdtempSync(join(tmpdir(), 'mbtiles-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta: MbtilesMetadata = {
  name: '测试底图',
  format: 'pbf',
  minzoom: 0,
  maxzoom: 3,
  bounds: [110.1, 27.1, 110.9, 27.7],
  center: [110.4, 27.4, 2],
  attribution: '测试 · test',
  layers: ['land', 'roads'],
};
const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

describe('MBTiles', () => {
  it('round-trips metadata and tiles', () => {
    const path = join(dir, 'a.mbtiles');
    writeMbtiles(path, meta, [
      { z: 0, x: 0, y: 0, data: bytes(1, 2, 3) },
      { z: 3, x: 6, y: 1, data: bytes(9, 8, 7, 6) },
    ]);
    const r = openMbtiles(path);
    try {
      expect(r.metadata).toEqual(meta);
      expect(Array.from(r.getTile(0, 0, 0)!)).toEqual([1, 2, 3]);
      expect(Array.from(r.getTile(3, 6, 1)!)).toEqual([9, 8, 7, 6]);
      expect(r.getTile(3, 6, 6)).toBeNull();
      expect(r.getTile(3, 9, 1)).toBeNull();
      expect(r.getTile(-1, 0, 0)).toBeNull();
    } finally {
      r.close();
    }
  });

  it('stores tiles gzipped, in TMS rows, with the MBTiles 1.3 schema', () => {
    const path = join(dir, 'b.mbtiles');
    writeMbtiles(path, meta, [{ z: 3, x: 6, y: 1, data: bytes(9, 8, 7, 6) }]);
    const db = new Database(path, { readonly: true });
    try {
      const row = db.prepare('SELECT zoom_level z, tile_column x, tile_row y, tile_data d FROM tiles').get() as { z: number; x: number; y: number; d: Buffer };
      expect([row.z, row.x, row.y]).toEqual([3, 6, 8 - 1 - 1]);
      expect([row.d[0], row.d[1]]).toEqual([0x1f, 0x8b]);
      expect(Array.from(gunzipSync(row.d))).toEqual([9, 8, 7, 6]);
      const m = new Map((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((x) => [x.name, x.value]));
      expect(m.get('format')).toBe('pbf');
      expect(m.get('bounds')).toBe('110.1,27.1,110.9,27.7');
      expect(m.get('center')).toBe('110.4,27.4,2');
      expect(JSON.parse(m.get('json')!).vector_layers.map((l: { id: string }) => l.id)).toEqual(['land', 'roads']);
      const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tiles'").all() as { sql: string }[];
      expect(indexes.some((i) => /UNIQUE INDEX/i.test(i.sql) && /zoom_level, tile_column, tile_row/.test(i.sql))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('replaces an existing file and leaves no temporary files behind', () => {
    const path = join(dir, 'c.mbtiles');
    writeFileSync(path, 'not a database');
    writeMbtiles(path, meta, [{ z: 0, x: 0, y: 0, data: bytes(5) }]);
    const r = openMbtiles(path);
    expect(Array.from(r.getTile(0, 0, 0)!)).toEqual([5]);
    r.close();
    writeMbtiles(path, { ...meta, name: 'v2' }, []);
    const r2 = openMbtiles(path);
    expect(r2.metadata.name).toBe('v2');
    expect(r2.getTile(0, 0, 0)).toBeNull();
    r2.close();
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
    const leftovers = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('keeps the old file when writing fails', () => {
    const path = join(dir, 'd.mbtiles');
    writeMbtiles(path, meta, [{ z: 0, x: 0, y: 0, data: bytes(1) }]);
    const failing = (function* () {
      yield { z: 0, x: 0, y: 0, data: bytes(2) };
      throw new Error('boom');
    })();
    expect(() => writeMbtiles(path, meta, failing)).toThrow('boom');
    const r = openMbtiles(path);
    expect(Array.from(r.getTile(0, 0, 0)!)).toEqual([1]);
    r.close();
  });

  it('refuses to open a missing file (read-only, never creates one)', () => {
    const path = join(dir, 'missing.mbtiles');
    expect(() => openMbtiles(path)).toThrow();
    expect(existsSync(path)).toBe(false);
  });
});

const BASEMAP = join(process.cwd(), 'data', 'basemap.mbtiles');

describe.runIf(existsSync(BASEMAP))('data/basemap.mbtiles', () => {
  it('is small and carries the expected metadata', () => {
    expect(statSync(BASEMAP).size).toBeLessThan(5 * 1024 * 1024);
    const r = openMbtiles(BASEMAP);
    try {
      expect(r.metadata.name).toBe('示例县底图（虚构示例数据）');
      expect(r.metadata.attribution).toContain('虚构');
      for (const l of ['land', 'water', 'waterway', 'contour', 'hillshade', 'roads', 'places', 'boundary']) expect(r.metadata.layers).toContain(l);
    } finally {
      r.close();
    }
  });

  it('has land, roads, places and contours in the zoom-10 tile at the county centre', () => {
    const r = openMbtiles(BASEMAP);
    try {
      const [w, s, e, n] = turf.bbox(turf.polygon(generateDemoCounty().countyBoundary));
      const [lng, lat] = [(w + e) / 2, (s + n) / 2];
      const z = 10;
      const x = Math.floor(((lng + 180) / 360) * 2 ** z);
      const rad = (lat * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
      const data = r.getTile(z, x, y);
      expect(data).not.toBeNull();
      const tile = new VectorTile(new Pbf(data!) as unknown as ConstructorParameters<typeof VectorTile>[0]);
      for (const l of ['land', 'roads', 'places', 'contour']) expect(Object.keys(tile.layers)).toContain(l);
      const kinds = new Set(Array.from({ length: tile.layers.land.length }, (_, i) => tile.layers.land.feature(i).properties.kind));
      expect(kinds.has('county')).toBe(true);
      const road = tile.layers.roads.feature(0).properties;
      expect(typeof road.class).toBe('string');
      const contour = tile.layers.contour.feature(0).properties;
      expect(typeof contour.ele).toBe('number');
      expect([0, 1]).toContain(contour.major);
    } finally {
      r.close();
    }
  });
});
