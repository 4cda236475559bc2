/// <reference path="./shpjs.d.ts" />
/**
 * Zipped Shapefiles: .shp + .dbf required (.shx optional), .prj reprojected to WGS-84 with proj4
 * (incl. CGCS2000 Gauss-Krüger, EPSG:4491-4554 style WKT), DBF text decoded per .cpg, else UTF-8
 * when valid, else GBK (what ArcGIS/SuperMap in China write without a .cpg).
 */
import path from 'node:path';
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { ApiError } from '../../api/errors.js';
import type { Geometry, Position } from '../../api/schema.js';
import { geoJsonToTable } from './geojson.js';
import type { SourceTable } from './types.js';
import { readZipEntry, type ZipEntry } from './zip.js';

function cpgToEncoding(cpg: string): string {
  const c = cpg.trim().toLowerCase();
  if (/^(utf-?8|65001)$/.test(c)) return 'utf-8';
  if (/^(gbk|gb2312|gb18030|936|cp936|ansi 936)$/.test(c)) return 'gbk';
  return c;
}

/** A proj4 converter from a .prj's WKT, or null for a geographic CRS (WGS-84/CGCS2000, within centimetres). */
export function converterFromPrj(file: string, wkt: string): ((p: Position) => Position) | null {
  if (/^\s*GEOGCS/i.test(wkt)) return null;
  let conv: proj4.Converter;
  try {
    conv = proj4(wkt, 'EPSG:4326');
    const test = conv.forward([500000, 3000000]);
    if (!Number.isFinite(test[0])) throw new Error('projection gives no numbers');
  } catch (e) {
    throw new ApiError('UNKNOWN_CRS', `cannot use .prj of ${file}`, { path: file, detail: (e as Error).message });
  }
  return (p) => conv.forward([p[0], p[1]]) as Position;
}

function mapCoords(g: Geometry, f: (p: Position) => Position): Geometry {
  const deep = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? f(c as Position) : (c as unknown[]).map(deep));
  return { ...g, coordinates: deep(g.coordinates) } as Geometry;
}

export function readShapefileZip(file: string, buf: Buffer, entries: ZipEntry[], encodingOverride: 'auto' | 'utf8' | 'gbk' = 'auto'): SourceTable {
  const real = entries.filter((e) => !e.name.includes('__MACOSX'));
  const shpEntry = real.find((e) => e.name.toLowerCase().endsWith('.shp'))!;
  const base = shpEntry.name.slice(0, -4).toLowerCase();
  const part = (ext: string) => real.find((e) => e.name.toLowerCase() === base + ext);
  const dbfEntry = part('.dbf');
  if (!dbfEntry) throw new ApiError('SHAPEFILE_INCOMPLETE', `no .dbf in ${file}`, { path: file, part: `${path.basename(shpEntry.name, '.shp')}.dbf` });
  const shp = readZipEntry(file, buf, shpEntry);
  const dbf = readZipEntry(file, buf, dbfEntry);
  const prjEntry = part('.prj');
  const cpgEntry = part('.cpg');
  const conv = prjEntry ? converterFromPrj(file, readZipEntry(file, buf, prjEntry).toString('utf8')) : null;
  let encoding: string;
  if (encodingOverride === 'utf8') encoding = 'utf-8';
  else if (encodingOverride === 'gbk') encoding = 'gbk';
  else if (cpgEntry) encoding = cpgToEncoding(readZipEntry(file, buf, cpgEntry).toString('latin1'));
  else {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(dbf);
      encoding = 'utf-8';
    } catch {
      encoding = 'gbk';
    }
  }
  let geoms: ({ type: string; coordinates: unknown } | null)[];
  let props: Record<string, unknown>[];
  try {
    geoms = parseShp(new Uint8Array(shp));
    props = parseDbf(new Uint8Array(dbf), encoding);
  } catch (e) {
    throw new ApiError('BAD_IMPORT_FILE', `cannot read Shapefile ${file}`, { path: file, detail: (e as Error).message });
  }
  const features = geoms.map((g, i) => ({
    type: 'Feature',
    geometry: g && conv ? mapCoords(g as Geometry, conv) : g,
    properties: props[i] ?? {},
  }));
  const t = geoJsonToTable(file, { type: 'FeatureCollection', features }, 'shapefile', encoding);
  return { ...t, geometryIsWgs84: prjEntry !== undefined };
}
