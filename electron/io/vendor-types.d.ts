/** Minimal type declarations for untyped packages used by the basemap builder and its tests. */

declare module 'vt-pbf' {
  import type { LegacyTile } from 'geojson-vt';
  /** Serialises geojson-vt tiles (one per layer name) to an uncompressed MVT protobuf. */
  export function fromGeojsonVt(layers: Record<string, LegacyTile>, options?: { version?: number; extent?: number }): Uint8Array;
  const vtpbf: { fromGeojsonVt: typeof fromGeojsonVt };
  export default vtpbf;
}

declare module 'pbf' {
  /** pbf@3 reader/writer (only what is used here: construction from a buffer). */
  export default class Pbf {
    constructor(buf?: Uint8Array | ArrayBuffer);
    pos: number;
    length: number;
  }
}
