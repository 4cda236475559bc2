/** Internal shapes shared by the import readers, the validator and the planner. */
import type { Geometry, ImportPreview, ImportProblem } from '../../api/schema.js';

/** One data row as read: 1-based Excel row number, cell text by column, and a geometry for spatial formats. */
export interface SourceRow {
  row: number;
  values: Record<string, string>;
  geometry?: Geometry | null;
}

/** A file read into rows, before mapping. */
export interface SourceTable {
  format: ImportPreview['format'];
  encoding: string | null;
  sheets: string[];
  columns: string[];
  rows: SourceRow[];
  /** File-level problems found while reading (e.g. unknown_encoding). */
  problems: ImportProblem[];
  /** True when geometries are already WGS-84 (a Shapefile reprojected with its .prj). */
  geometryIsWgs84?: boolean;
}

/** Limits: files larger than this are refused before parsing (FILE_TOO_LARGE). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** GeoTIFF grids may be larger. */
export const MAX_RASTER_BYTES = 300 * 1024 * 1024;
/** Zip archives: total uncompressed size and entry count limits (zip-bomb guard). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_ROWS = 200_000;

export function problem(row: number | null, column: string | null, code: string, params: Record<string, string | number> = {}): ImportProblem {
  return { row, column, code, params: { ...(row !== null ? { row } : {}), ...(column !== null ? { column } : {}), ...params } };
}
