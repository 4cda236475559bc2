/** A hand-made coverage result for the renderer's analysis tests (shaped like the engine's CoverageDocument). */
import type { CoverageDocument } from '../../electron/api/schema.js';
import type { FacilityGroup } from '../../electron/engine/graph-types.js';
import { coverageTotals } from '../../electron/engine/coverage-totals.js';
import { T1 } from './renderer-fixtures.js';

type VillageCoverage = CoverageDocument['villages'][number];
type PerGroup<T> = Record<FacilityGroup, T>;

const STANDARDS: PerGroup<number> = { clinic: 15, thc: 30, county: 60 };

export function villageCoverage(
  id: number,
  code: string,
  name: string,
  minutes: PerGroup<number | null>,
  extra: Partial<VillageCoverage> = {},
): VillageCoverage {
  const per = <T>(fn: (g: FacilityGroup) => T): PerGroup<T> => ({ clinic: fn('clinic'), thc: fn('thc'), county: fn('county') });
  return {
    id,
    code,
    name,
    townshipCode: code.slice(0, 9),
    population: 1000,
    kind: 'village',
    blank: false,
    blankReason: null,
    minutes,
    nearest: per((g) => (minutes[g] === null ? null : `F-${g}`)),
    estimated: per(() => false),
    unreachable: per((g) => minutes[g] === null),
    beyond: per((g) => minutes[g] === null || minutes[g]! > STANDARDS[g]),
    offNetwork: false,
    snapDistanceM: 12,
    access: { sfca2: 1, e2sfca: 0.8, g2sfca: 0.6 },
    thcAccess: { sfca2: 2, e2sfca: 1.5, g2sfca: 1.2 },
    ...extra,
  };
}

/** The four villages of sampleLayers(): 上坪村 near, 下坪村 blank (no doctor), 石门村 blank and unreachable by THC, 新安 far and estimated. */
export function sampleCoverage(): CoverageDocument {
  const villages: VillageCoverage[] = [
    villageCoverage(1, `${T1}201`, '上坪村', { clinic: 2, thc: 12, county: 40 }, { population: 12345 }),
    villageCoverage(2, `${T1}202`, '下坪村', { clinic: 4.5, thc: 31, county: 55 }, { blank: true, blankReason: 'no_qualified_doctor' }),
    villageCoverage(3, `${T1}203`, '石门村', { clinic: 22, thc: null, county: 75 }, { blank: true, blankReason: 'no_clinic' }),
    villageCoverage(4, `${T1}204`, '新安安置点', { clinic: 16, thc: 29.9, county: 61 }, {
      kind: 'settlement',
      estimated: { clinic: true, thc: false, county: false },
      population: 500,
    }),
  ];
  const county = coverageTotals(villages, STANDARDS);
  return {
    mode: 'car',
    rulesUsed: { 'X.clinic_minutes': 15, 'X.thc_minutes': 30, 'X.county_hospital_minutes': 60, 'X.isochrone_bands': '15,30,60' },
    villages,
    townships: [{ ...coverageTotals(villages, STANDARDS), code: T1, name: '东岭镇' }],
    county,
    network: { nodes: 10, edges: 9, components: 1, issues: [], offNetworkVillages: 0, offNetworkFacilities: 0 },
    isochrones: {
      clinic: [
        { from: 0, to: 15, coordinates: [[[[110, 30], [110.1, 30], [110.1, 30.1], [110, 30]]]] },
        { from: 15, to: 30, coordinates: [[[[110.2, 30], [110.3, 30], [110.3, 30.1], [110.2, 30]]]] },
      ],
    },
  };
}
