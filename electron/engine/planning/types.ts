/**
 * Input of the planning engine: the project records, the coverage result of the same records
 * (minutes, blank flags) and a travel-time oracle over the road network of the same mode.
 */
import type { RuleValues, TravelMode } from '../../domain/rules.js';
import type { Facility, LngLat, Posting, Village, VillageArea } from '../../domain/types.js';
import type { VillageCoverage } from '../coverage.js';

/** Travel times between arbitrary places over the analysed network (or a stand-in in tests). */
export interface TravelOracle {
  /** Minutes from `from` to each of `to` (trip direction from → to); Infinity when unreachable or beyond `limitMinutes`. */
  minutes(from: LngLat, to: readonly LngLat[], limitMinutes?: number): Float64Array;
  /** Road kilometres of the shortest path (by length) from `from` to each of `to`, when the oracle knows roads. */
  km?(from: LngLat, to: readonly LngLat[]): Float64Array;
}

export interface PlanningInput {
  /** The villages, in the same order as `coverage`. */
  villages: readonly Village[];
  facilities: readonly Facility[];
  postings: readonly Posting[];
  /** Village polygons (may be empty: adjacency then comes from a Delaunay triangulation). */
  villageAreas: readonly VillageArea[];
  /** The coverage analysis of these villages and facilities (same order as `villages`). */
  coverage: readonly VillageCoverage[];
  rules: RuleValues;
  mode: TravelMode;
  travel: TravelOracle;
  /** Roster year checked (default: the year most postings start in). */
  year?: number;
}
