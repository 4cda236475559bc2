/** Travelling salesman over a cost matrix: construction + local search, deterministic per seed. */
import type { TspOptions, TspSolution } from './vrp-types.js';

/** `cost` row-major n × n (asymmetric allowed). */
export function solveTsp(_n: number, _cost: Float64Array, _opts: TspOptions = {}): TspSolution {
  throw new Error('solveTsp: not implemented yet');
}
