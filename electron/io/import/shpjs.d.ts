/** Minimal types for shpjs@6 (only the parsers used by the Shapefile importer). */
declare module 'shpjs' {
  export function parseShp(shp: ArrayBuffer | Uint8Array, prj?: unknown): ({ type: string; coordinates: unknown } | null)[];
  export function parseDbf(dbf: ArrayBuffer | Uint8Array, cpg?: string): Record<string, unknown>[];
}
