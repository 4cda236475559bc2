/**
 * MBTiles 1.3 reader and writer for vector tiles (https://github.com/mapbox/mbtiles-spec).
 * Tiles are stored gzip-compressed with TMS row numbering (y flipped); the API speaks XYZ.
 */
import { renameSync, rmSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { BasemapInfo } from '../api/schema.js';

/** The basemap description the API returns, less its availability flag. */
export type MbtilesMetadata = Omit<BasemapInfo, 'available'>;

export interface MbtilesTile {
  z: number;
  x: number;
  y: number;
  /** Raw (uncompressed) MVT. */
  data: Uint8Array;
}

export interface MbtilesReader {
  metadata: MbtilesMetadata;
  /** XYZ tile, gunzipped; null when the tile is absent. */
  getTile(z: number, x: number, y: number): Uint8Array | null;
  close(): void;
}

/** XYZ row <-> TMS row (the same formula both ways). */
export const flipY = (z: number, y: number): number => 2 ** z - 1 - y;

const SCHEMA = `
  CREATE TABLE metadata (name TEXT, value TEXT);
  CREATE UNIQUE INDEX name ON metadata (name);
  CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
  CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
`;

function metadataRows(m: MbtilesMetadata): [string, string][] {
  const vectorLayers = m.layers.map((id) => ({ id, fields: {}, minzoom: m.minzoom, maxzoom: m.maxzoom }));
  return [
    ['name', m.name],
    ['format', m.format],
    ['type', 'baselayer'],
    ['version', '1'],
    ['minzoom', String(m.minzoom)],
    ['maxzoom', String(m.maxzoom)],
    ['bounds', m.bounds.join(',')],
    ['center', m.center.join(',')],
    ['attribution', m.attribution],
    ['json', JSON.stringify({ vector_layers: vectorLayers })],
  ];
}

/**
 * Writes a complete MBTiles file. It is built under a temporary name next to `path` and renamed
 * over it at the end, so readers never see a half-written file and a failed run leaves the old
 * file in place.
 */
export function writeMbtiles(path: string, metadata: MbtilesMetadata, tiles: Iterable<MbtilesTile>): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const db = new Database(tmp);
  try {
    db.exec(SCHEMA);
    const putMeta = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)');
    const putTile = db.prepare('INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const [k, v] of metadataRows(metadata)) putMeta.run(k, v);
      for (const t of tiles) putTile.run(t.z, t.x, flipY(t.z, t.y), gzipSync(t.data));
    })();
    db.close();
    renameSync(tmp, path);
  } catch (err) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw err;
  }
}

function parseMetadata(rows: { name: string; value: string }[]): MbtilesMetadata {
  const m = new Map(rows.map((r) => [r.name, r.value]));
  const nums = (key: string, n: number): number[] => {
    const v = (m.get(key) ?? '').split(',').map(Number);
    if (v.length !== n || v.some((x) => !Number.isFinite(x))) throw new Error(`mbtiles: bad ${key} metadata`);
    return v;
  };
  const format = m.get('format');
  if (format !== 'pbf') throw new Error(`mbtiles: unsupported format ${format ?? '(none)'}`);
  let layers: string[] = [];
  const json = m.get('json');
  if (json) layers = ((JSON.parse(json) as { vector_layers?: { id: string }[] }).vector_layers ?? []).map((l) => l.id);
  return {
    name: m.get('name') ?? '',
    format,
    minzoom: Number(m.get('minzoom') ?? 0),
    maxzoom: Number(m.get('maxzoom') ?? 22),
    bounds: nums('bounds', 4) as [number, number, number, number],
    center: nums('center', 3) as [number, number, number],
    attribution: m.get('attribution') ?? '',
    layers,
  };
}

const isGzip = (b: Uint8Array): boolean => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Opens an MBTiles file read-only. `nativeBinding` is passed to better-sqlite3 (the packaged Electron app needs its own build). */
export function openMbtiles(path: string, opts: { nativeBinding?: string } = {}): MbtilesReader {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    const metadata = parseMetadata(db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]);
    const get = db.prepare('SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    return {
      metadata,
      getTile(z, x, y) {
        if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y) || z < 0 || z > 30 || x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) return null;
        const row = get.get(z, x, flipY(z, y)) as { data: Buffer } | undefined;
        if (!row) return null;
        // Some producers store tiles uncompressed; accept both.
        const raw = isGzip(row.data) ? gunzipSync(row.data) : row.data;
        return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      },
      close() {
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
