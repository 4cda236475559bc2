/**
 * Shared shapes of the OpenStreetMap readers (PBF and XML). Both readers push the file's
 * elements, in file order, into an {@link OsmSink}; the sink decides what to keep.
 */

/** Tags of one element; null when the element has none (most nodes). */
export type OsmTags = Record<string, string> | null;

export interface OsmSink {
  /** One node. Coordinates in 1e-7 degrees (the PBF/XML precision), integers. */
  node(id: number, lonE7: number, latE7: number, tags: OsmTags): void;
  /** One way with its node references (absolute ids), in order. */
  way(id: number, refs: ArrayLike<number>, tags: OsmTags): void;
  /** One relation: counted, never mapped. */
  relation(id: number): void;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Called with the fraction (0..1) of the file's bytes consumed so far. */
  onProgress?: (fraction: number) => void;
}

/** A problem with the file's bytes (format, truncation); readOsm turns it into ApiError('BAD_OSM_FILE'). */
export class OsmFormatError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'OsmFormatError';
  }
}
