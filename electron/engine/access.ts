/**
 * Spatial accessibility of care per village: two-step floating catchment area (2SFCA) scores.
 *
 * Step 1, per facility j: the supply-to-demand ratio of its catchment
 *     R_j = S_j / Σ_k P_k · W(d_kj)
 * Step 2, per village i: the sum of the ratios of the facilities whose catchment covers it
 *     A_i = Σ_j R_j · W(d_ij)
 * where S_j is the facility's supply (doctors), P_k a village's population, d the travel time
 * village → facility and d0 the catchment (the group's travel-time standard). Scores are
 * reported per 1,000 residents (doctors per 1,000 people within reach).
 *
 * The three variants differ only in the distance weight W:
 * - 2SFCA, Luo & Wang (2003), "Measures of spatial accessibility to health care in a GIS
 *   environment", Environment and Planning B 30(6): W = 1 within d0, 0 beyond.
 * - Enhanced 2SFCA, Luo & Qi (2009), "An enhanced two-step floating catchment area (E2SFCA)
 *   method for measuring spatial accessibility to primary care physicians", Health & Place 15(4):
 *   step weights 1.00 / 0.68 / 0.22 for the sub-zones [0, d0/3], (d0/3, 2d0/3], (2d0/3, d0]
 *   (their 10/20/30-minute zones, scaled to the catchment).
 * - Gaussian 2SFCA, Dai (2010), "Black residential segregation, disparities in spatial access to
 *   health care facilities, and late-stage breast cancer diagnosis in metropolitan Detroit",
 *   Health & Place 16(5): W = (e^{-½(d/d0)²} − e^{-½}) / (1 − e^{-½}) within d0, 0 beyond
 *   (1 at the door, falling smoothly to 0 at the catchment edge).
 *
 * A facility whose catchment holds nobody (Σ P·W = 0) has no ratio to share: R_j = 0.
 */

export interface AccessScores {
  sfca2: number;
  e2sfca: number;
  g2sfca: number;
}

export type DistanceWeight = (minutes: number, catchmentMinutes: number) => number;

export const weight2sfca: DistanceWeight = (d, d0) => (d <= d0 ? 1 : 0);

/** Luo & Qi (2009) step weights. */
export const E2SFCA_STEPS = [1, 0.68, 0.22] as const;

export const weightE2sfca: DistanceWeight = (d, d0) => {
  if (!(d <= d0)) return 0;
  if (d <= d0 / 3) return E2SFCA_STEPS[0];
  if (d <= (2 * d0) / 3) return E2SFCA_STEPS[1];
  return E2SFCA_STEPS[2];
};

const E_HALF = Math.exp(-0.5);

export const weightGaussian: DistanceWeight = (d, d0) => {
  if (!(d <= d0)) return 0;
  const r = d / d0;
  return (Math.exp(-0.5 * r * r) - E_HALF) / (1 - E_HALF);
};

export interface AccessInput {
  /** Residents per village. */
  population: ArrayLike<number>;
  /** Supply per facility (doctors). */
  supply: ArrayLike<number>;
  /** Minutes village → facility, facility-major: [f * villageCount + v]; Infinity beyond reach. */
  minutes: Float64Array;
  catchmentMinutes: number;
}

/** Score per village (per 1,000 residents) for one distance weight. */
export function floatingCatchmentScores(input: AccessInput, weight: DistanceWeight): Float64Array {
  const villages = input.population.length;
  const facilities = input.supply.length;
  const d0 = input.catchmentMinutes;
  const scores = new Float64Array(villages);
  for (let f = 0; f < facilities; f++) {
    const row = f * villages;
    let demand = 0;
    for (let v = 0; v < villages; v++) demand += usable(input.population[v]) * weight(input.minutes[row + v], d0);
    const supply = usable(input.supply[f]);
    if (demand <= 0 || supply <= 0) continue;
    const ratio = supply / demand;
    for (let v = 0; v < villages; v++) scores[v] += ratio * weight(input.minutes[row + v], d0);
  }
  for (let v = 0; v < villages; v++) scores[v] *= 1000;
  return scores;
}

/** All three scores per village. */
export function accessScores(input: AccessInput): { sfca2: Float64Array; e2sfca: Float64Array; g2sfca: Float64Array } {
  return {
    sfca2: floatingCatchmentScores(input, weight2sfca),
    e2sfca: floatingCatchmentScores(input, weightE2sfca),
    g2sfca: floatingCatchmentScores(input, weightGaussian),
  };
}

/** Negative, NaN or infinite counts count as zero (bad input must not poison every score). */
function usable(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}
