/**
 * Shared data shapes of the travel-time engine. Plain data and typed arrays only, so results
 * can cross a worker boundary (structured clone / transfer) unchanged.
 */
import type { TravelMode } from '../domain/rules.js';

/** One road as the engine sees it (from the project's `roads` layer). */
export interface RoadInput {
  /** Project feature id (fid) of the road, for messages. */
  id: number;
  coordinates: [number, number][];
  roadClass: string;
  /** Speed override km/h (applies to motorised modes only), or null. */
  speedKmh: number | null;
  oneway: boolean;
  bridge: boolean;
}

/** Speeds km/h per mode and road class, from the rules table (`X.speed.<mode>.<class>`). */
export type SpeedTable = Record<TravelMode, Record<string, number>>;

/** Compact road graph: nodes with coordinates and a CSR adjacency in both directions. */
export interface RoadGraph {
  nodeCount: number;
  /** Node longitudes / latitudes (degrees). */
  lng: Float64Array;
  lat: Float64Array;
  /** Undirected road segments ("edges"): endpoints, length, class index, flags. */
  edgeCount: number;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  edgeLengthM: Float64Array;
  /** Index into `classes`. */
  edgeClass: Uint16Array;
  /** bit 0: one-way (only from → to), bit 1: bridge. */
  edgeFlags: Uint8Array;
  /** Speed override km/h, 0 when none. */
  edgeSpeedOverride: Float32Array;
  /** Road (input) index of each edge. */
  edgeRoad: Uint32Array;
  classes: string[];
  /** Forward CSR: arcs leaving node n are outArc[outStart[n] .. outStart[n+1]) (edge index; sign via outDir). */
  outStart: Uint32Array;
  outEdge: Uint32Array;
  /** 1 when the arc runs edgeFrom → edgeTo, 0 when it runs edgeTo → edgeFrom. */
  outForward: Uint8Array;
  /** Reverse CSR (arcs entering each node), same encoding; used for "village → facility" times. */
  inStart: Uint32Array;
  inEdge: Uint32Array;
  inForward: Uint8Array;
  /** Connected component id of each node (weakly connected), and the count. */
  component: Int32Array;
  componentCount: number;
}

export type GraphIssueKind = 'no_geometry' | 'zero_length' | 'duplicate_segment' | 'self_loop' | 'invalid_coordinate';

export interface GraphIssue {
  kind: GraphIssueKind;
  roadId: number;
}

/** Where a place (village or facility) attaches to the network. */
export interface SnapResult {
  /**
   * Nearest edge, kept even when the place is off network (beyond the max snap distance); -1 only
   * when the graph has no edges or the place has no usable coordinates.
   */
  edge: Int32Array;
  /** Position along the edge from edgeFrom (0) to edgeTo (1). */
  t: Float64Array;
  /** Straight-line distance from the place to the snap point, metres (Infinity when edge is -1). */
  offRoadM: Float64Array;
  /** 1 when the place is beyond the max snap distance ("off network"). */
  offNetwork: Uint8Array;
}

export type FacilityGroup = 'clinic' | 'thc' | 'county';

/** Travel time from every target to its nearest source. */
export interface NearestResult {
  /** Minutes to the nearest source; Infinity when unreachable (callers must report, never show NaN). */
  minutes: Float64Array;
  /** Index (into the sources array) of the nearest source, -1 when unreachable. */
  nearest: Int32Array;
  /** 1 when the figure is a straight-line estimate (either end off network). */
  estimated: Uint8Array;
}

export interface ProgressSink {
  (fraction: number, stage: string): void;
}

/** Thrown by engine loops when the caller's AbortSignal fires. */
export class EngineCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'EngineCancelled';
  }
}
