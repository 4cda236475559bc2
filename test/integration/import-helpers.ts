/** Test helpers for the importer: a small project, a zip writer and a Shapefile writer. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ProjectStore } from '../../electron/store/project-store.js';
import type { LngLat, Township, Village } from '../../electron/domain/types.js';

export function tmpDir(prefix = 'ccp-import-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  const h = crypto.createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) h.update(fs.readFileSync(f));
  return h.digest('hex');
}

const square = (w: number, s: number, e: number, n: number): LngLat[][][] => [[[[w, s], [e, s], [e, n], [w, n], [w, s]]]];

export const TOWNSHIPS: Township[] = [
  { id: 0, code: '350524100', name: '城关镇', coordinates: square(118.0, 25.0, 118.1, 25.1) },
  { id: 0, code: '350524101', name: '龙门镇', coordinates: square(118.1, 25.0, 118.2, 25.1) },
];

export const EXISTING_VILLAGE: Village = {
  id: 0, code: '350524100201', name: '老村', townshipCode: '350524100', population: 500, households: 120, kind: 'village', areaKm2: null,
  location: [118.05, 25.05],
};

export function makeProject(dir: string, name = 'p.gpkg'): ProjectStore {
  return ProjectStore.create(path.join(dir, name), { title: '测试县', isDemo: false }, { townships: TOWNSHIPS, villages: [EXISTING_VILLAGE] });
}

/** A zip archive (deflated entries). */
export function zip(entries: { name: string; data: Buffer | string; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
    const comp = e.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name);
    const crc = crc32(raw);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(e.store ? 0 : 8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(raw.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(e.store ? 0 : 8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(raw.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, comp);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export type ShpGeom = { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: [number, number][][] };

/** Writes .shp, .shx and .dbf bytes (Point or Polygon layer; character fields, GBK or UTF-8). */
export function shapefile(geoms: ShpGeom[], fields: string[], records: string[][], encoding: 'gbk' | 'utf8' = 'gbk'): { shp: Buffer; shx: Buffer; dbf: Buffer } {
  const shapeType = geoms[0].type === 'Point' ? 1 : 5;
  const recs: Buffer[] = geoms.map((g) => {
    if (g.type === 'Point') {
      const b = Buffer.alloc(20);
      b.writeInt32LE(1, 0);
      b.writeDoubleLE(g.coordinates[0], 4);
      b.writeDoubleLE(g.coordinates[1], 12);
      return b;
    }
    const pts = g.coordinates.flat();
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const b = Buffer.alloc(44 + 4 * g.coordinates.length + 16 * pts.length);
    b.writeInt32LE(5, 0);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
    b.writeInt32LE(g.coordinates.length, 36);
    b.writeInt32LE(pts.length, 40);
    let k = 0;
    g.coordinates.forEach((ring, i) => {
      b.writeInt32LE(k, 44 + 4 * i);
      k += ring.length;
    });
    const base = 44 + 4 * g.coordinates.length;
    pts.forEach((p, i) => {
      b.writeDoubleLE(p[0], base + 16 * i);
      b.writeDoubleLE(p[1], base + 16 * i + 8);
    });
    return b;
  });
  const allPts = geoms.flatMap((g) => (g.type === 'Point' ? [g.coordinates] : g.coordinates.flat()));
  const bbox = [Math.min(...allPts.map((p) => p[0])), Math.min(...allPts.map((p) => p[1])), Math.max(...allPts.map((p) => p[0])), Math.max(...allPts.map((p) => p[1]))];
  const header = (lengthBytes: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(lengthBytes / 2, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(shapeType, 32);
    bbox.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
    return h;
  };
  const shpParts: Buffer[] = [];
  const shxParts: Buffer[] = [];
  let off = 100;
  recs.forEach((r, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(r.length / 2, 4);
    shpParts.push(rh, r);
    const x = Buffer.alloc(8);
    x.writeInt32BE(off / 2, 0);
    x.writeInt32BE(r.length / 2, 4);
    shxParts.push(x);
    off += 8 + r.length;
  });
  const shp = Buffer.concat([header(off), ...shpParts]);
  const shx = Buffer.concat([header(100 + 8 * recs.length), ...shxParts]);
  // DBF
  const enc = (s: string) => (encoding === 'gbk' ? iconv.encode(s, 'gbk') : Buffer.from(s, 'utf8'));
  const widths = fields.map((_, i) => Math.max(10, ...records.map((r) => enc(r[i] ?? '').length)));
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + widths.reduce((a, b) => a + b, 0);
  const dbf = Buffer.alloc(headerLen + recLen * records.length + 1, 0x20);
  dbf.fill(0, 0, headerLen);
  dbf[0] = 3;
  dbf[1] = 126;
  dbf[2] = 1;
  dbf[3] = 1;
  dbf.writeUInt32LE(records.length, 4);
  dbf.writeUInt16LE(headerLen, 8);
  dbf.writeUInt16LE(recLen, 10);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    enc(f).copy(dbf, o, 0, 10);
    dbf[o + 11] = 0x43; // 'C'
    dbf[o + 16] = widths[i];
  });
  dbf[headerLen - 1] = 0x0d;
  records.forEach((r, j) => {
    let o = headerLen + recLen * j;
    dbf[o++] = 0x20;
    r.forEach((v, i) => {
      enc(v).copy(dbf, o);
      o += widths[i];
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  return { shp, shx, dbf };
}

export const GK_117_WKT =
  'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],' +
  'PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
