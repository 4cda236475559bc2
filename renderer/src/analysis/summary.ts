/**
 * County totals (the engine's, with each standard's rule id) and the per-township chart of a
 * coverage result. The chart sums the villages by the map's travel-time bands (X.isochrone_bands)
 * so its colours and the map legend's mean the same. Pure, unit-tested.
 */
import type { CoverageDocument } from '../../../electron/api/schema.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import { bandIndex, FACILITY_GROUPS, STANDARD_RULE, standardMinutes } from './bands.js';
import { minutesOf } from './mapData.js';

export interface GroupTotals {
  group: FacilityGroup;
  ruleId: string;
  standard: number;
  withinVillages: number;
  withinPopulation: number;
  beyondVillages: number;
  beyondPopulation: number;
  /** Of the beyond ones: no route at all. */
  unreachableVillages: number;
  /** Villages whose figure is a straight-line estimate. */
  estimatedVillages: number;
}

export interface CountyTotals {
  villages: number;
  population: number;
  blankVillages: number;
  blankPopulation: number;
  groups: Record<FacilityGroup, GroupTotals>;
}

/** The county summary of the panel: the engine's county totals, with each group's standard and rule id. */
export function countyTotals(doc: CoverageDocument): CountyTotals {
  const c = doc.county;
  const groups = {} as Record<FacilityGroup, GroupTotals>;
  for (const g of FACILITY_GROUPS) {
    groups[g] = {
      group: g,
      ruleId: STANDARD_RULE[g],
      standard: standardMinutes(doc.rulesUsed, g),
      withinVillages: c.within[g].villages,
      withinPopulation: c.within[g].population,
      beyondVillages: c.beyond[g].villages,
      beyondPopulation: c.beyond[g].population,
      unreachableVillages: c.unreachable[g],
      estimatedVillages: doc.villages.reduce((n, v) => n + (v.estimated[g] ? 1 : 0), 0),
    };
  }
  return { villages: c.villages, population: c.population, blankVillages: c.blank, blankPopulation: c.blankPopulation, groups };
}

/** One bar of the chart: a township, with its population in each band (`b0`, `b1`, …) and unreachable. */
export interface TownshipBandRow {
  code: string;
  name: string;
  total: number;
  unreachable: number;
  [band: `b${number}`]: number;
}

/** Population by travel-time band per township for a group, townships in code order. */
export function townshipBandRows(
  doc: CoverageDocument,
  group: FacilityGroup,
  limits: readonly number[],
  townshipNames: ReadonlyMap<string, string>,
): TownshipBandRow[] {
  const rows = new Map<string, TownshipBandRow>();
  const blank = (code: string): TownshipBandRow => {
    const row: TownshipBandRow = { code, name: townshipNames.get(code) ?? code, total: 0, unreachable: 0 };
    for (let i = 0; i <= limits.length; i++) row[`b${i}`] = 0;
    return row;
  };
  for (const code of townshipNames.keys()) rows.set(code, blank(code));
  for (const v of doc.villages) {
    let row = rows.get(v.townshipCode);
    if (!row) rows.set(v.townshipCode, (row = blank(v.townshipCode)));
    const i = bandIndex(minutesOf(v, group), limits);
    const pop = Number.isFinite(v.population) && v.population > 0 ? v.population : 0;
    if (i < 0) row.unreachable += pop;
    else row[`b${i}`] += pop;
    row.total += pop;
  }
  return [...rows.values()].filter((r) => r.total > 0).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
