/** Vehicle routing from one depot: savings construction + local search within and across routes. */
import type { VrpProblem, VrpSolution } from './vrp-types.js';

export function solveVrp(_p: VrpProblem): VrpSolution {
  throw new Error('solveVrp: not implemented yet');
}
