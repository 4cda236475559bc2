/** The routing core's problem and answer shapes (tsp.ts, vrp.ts). */

/**
 * Routes from one depot (node 0) over customers 1..n-1: minimise total travel while every route
 * keeps its stop, duration and travel limits; a customer may be restricted to some routes.
 */
export interface VrpProblem {
  /** Node count; node 0 is the depot. */
  n: number;
  /** Travel minutes, row-major n × n (Infinity: unreachable). */
  time: Float64Array;
  /** Service minutes at each node (0 at the depot). */
  service: Float64Array;
  /** Routes available (vehicles, or team-days). */
  routes: number;
  /** Stops a route may hold at most. */
  maxStops: number;
  /** Duration of a route (travel + service) at most, minutes. */
  maxDuration: number;
  /** Travel of a route at most, minutes. */
  maxTravel: number;
  /** Per customer node (index = node), the routes it may join (1 = allowed); null or missing: any. */
  allowed?: (Uint8Array | null)[];
  /** Seed of the deterministic search. */
  seed?: number;
  /** Ruin-and-recreate rounds after the first local optimum (default DEFAULT_VRP_ITERATIONS in vrp.ts; 0: construction + local search only). */
  iterations?: number;
}

export interface VrpSolution {
  /** Customer nodes of each route, in visiting order (depot left out). */
  routes: number[][];
  /** Customers that fit no route within the limits. */
  unassigned: number[];
  /** Total travel minutes of all routes, depot legs included. */
  travel: number;
}

export interface TspOptions {
  seed?: number;
  /** Improvement rounds of the iterated local search (deterministic effort, not time); default defaultTspIterations(n) in tsp.ts. */
  iterations?: number;
}

export interface TspSolution {
  /** A closed tour as a permutation of 0..n-1 starting at 0. */
  order: number[];
  length: number;
}
