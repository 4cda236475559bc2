/** GeoJSON FeatureCollection (or a single Feature); properties become columns, 1-based feature index + 1 the row. */
import { ApiError } from '../../api/errors.js';
import type { Geometry } from '../../api/schema.js';
import { decodeText } from './text.js';
import type { SourceRow, SourceTable } from './types.js';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

export function readGeoJson(file: string, buf: Buffer, encoding: 'auto' | 'utf8' | 'gbk' = 'auto'): SourceTable {
  const dec = decodeText(file, buf, encoding);
  let doc: unknown;
  try {
    doc = JSON.parse(dec.text);
  } catch (e) {
    throw new ApiError('BAD_IMPORT_FILE', `invalid JSON in ${file}`, { path: file, detail: (e as Error).message });
  }
  return geoJsonToTable(file, doc, 'geojson', dec.encoding, dec.problems);
}

export function geoJsonToTable(file: string, doc: unknown, format: SourceTable['format'], encoding: string | null, problems: SourceTable['problems'] = []): SourceTable {
  const d = doc as { type?: string; features?: unknown[] };
  let features: unknown[];
  if (d && d.type === 'FeatureCollection' && Array.isArray(d.features)) features = d.features;
  else if (d && d.type === 'Feature') features = [d];
  else throw new ApiError('BAD_IMPORT_FILE', `not a GeoJSON FeatureCollection: ${file}`, { path: file, detail: 'expected a GeoJSON FeatureCollection' });
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows: SourceRow[] = [];
  features.forEach((f, i) => {
    const ft = f as { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null };
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(ft?.properties ?? {})) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
      values[k] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
    }
    const g = ft?.geometry;
    const geometry = g && typeof g.type === 'string' && GEOMETRY_TYPES.has(g.type) && Array.isArray(g.coordinates) ? (g as unknown as Geometry) : null;
    rows.push({ row: i + 2, values, geometry });
  });
  for (const r of rows) for (const c of columns) if (!(c in r.values)) r.values[c] = '';
  return { format, encoding, sheets: [], columns, rows, problems };
}
