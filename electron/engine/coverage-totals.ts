/**
 * Sums village coverage into township and county totals, with population by travel-time band.
 */
import type { FacilityGroup } from './graph-types.js';
import { FACILITY_GROUPS } from './facility-groups.js';

/** The per-village facts the totals need (a subset of VillageCoverage). */
export interface VillageFacts {
  population: number;
  blank: boolean;
  minutes: Record<FacilityGroup, number | null>;
  beyond: Record<FacilityGroup, boolean>;
  unreachable: Record<FacilityGroup, boolean>;
}

export interface TimeBand {
  from: number;
  /** Upper bound (exclusive); null for the open last band and the unreachable band. */
  to: number | null;
  /** The band of villages with no route to any facility of the group. */
  unreachable: boolean;
  population: number;
  villages: number;
}

export interface CoverageTotals {
  villages: number;
  population: number;
  blank: number;
  blankPopulation: number;
  within: Record<FacilityGroup, { villages: number; population: number }>;
  beyond: Record<FacilityGroup, { villages: number; population: number }>;
  unreachable: Record<FacilityGroup, number>;
  /** Population by travel-time band to each group, bands from the standards: [0,15),[15,30),[30,60),[60,∞), unreachable. */
  bands: Record<FacilityGroup, TimeBand[]>;
}

const perGroup = <T>(make: () => T): Record<FacilityGroup, T> => ({ clinic: make(), thc: make(), county: make() });

/** Population as a number to add up (a missing or negative count adds nothing rather than NaN). */
export const residents = (p: number): number => (Number.isFinite(p) && p > 0 ? p : 0);

/** Band limits: 0, the distinct standards in ascending order, then open-ended; plus "unreachable". */
export function emptyBands(standards: readonly number[]): TimeBand[] {
  const limits = [...new Set(standards.filter((s) => s > 0))].sort((a, b) => a - b);
  const lows = [0, ...limits];
  const bands: TimeBand[] = lows.map((from, i) => ({ from, to: i + 1 < lows.length ? lows[i + 1] : null, unreachable: false, population: 0, villages: 0 }));
  bands.push({ from: lows[lows.length - 1], to: null, unreachable: true, population: 0, villages: 0 });
  return bands;
}

export function coverageTotals(villages: readonly VillageFacts[], standards: Record<FacilityGroup, number>): CoverageTotals {
  const limits = FACILITY_GROUPS.map((g) => standards[g]);
  const totals: CoverageTotals = {
    villages: 0,
    population: 0,
    blank: 0,
    blankPopulation: 0,
    within: perGroup(() => ({ villages: 0, population: 0 })),
    beyond: perGroup(() => ({ villages: 0, population: 0 })),
    unreachable: perGroup(() => 0),
    bands: perGroup(() => emptyBands(limits)),
  };
  for (const v of villages) {
    const pop = residents(v.population);
    totals.villages++;
    totals.population += pop;
    if (v.blank) {
      totals.blank++;
      totals.blankPopulation += pop;
    }
    for (const g of FACILITY_GROUPS) {
      const side = v.beyond[g] ? totals.beyond[g] : totals.within[g];
      side.villages++;
      side.population += pop;
      if (v.unreachable[g]) totals.unreachable[g]++;
      const band = bandOf(totals.bands[g], v.minutes[g]);
      band.villages++;
      band.population += pop;
    }
  }
  return totals;
}

function bandOf(bands: TimeBand[], minutes: number | null): TimeBand {
  if (minutes === null) return bands[bands.length - 1];
  for (let i = bands.length - 2; i >= 0; i--) if (minutes >= bands[i].from) return bands[i];
  return bands[0];
}
