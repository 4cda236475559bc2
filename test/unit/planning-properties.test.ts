/** Properties of the village planning over random small counties (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VillageProposal } from '../../electron/domain/planning.js';
import type { Facility, Village } from '../../electron/domain/types.js';
import { planVillages } from '../../electron/engine/planning/villages.js';
import { clinic, countyHospital, planningInput, thc, village } from './planning-village-fixtures.js';

interface World {
  villages: Village[];
  facilities: Facility[];
}

const world: fc.Arbitrary<World> = fc
  .record({
    spots: fc.array(
      fc.record({
        x: fc.double({ min: 0, max: 20, noNaN: true }),
        y: fc.double({ min: 0, max: 20, noNaN: true }),
        population: fc.oneof(fc.integer({ min: 100, max: 3500 }), fc.constantFrom(0, Number.NaN)),
        area: fc.oneof(fc.constant(null), fc.double({ min: 0.5, max: 20, noNaN: true })),
        settlement: fc.boolean(),
        clinic: fc.constantFrom('none', 'qualified', 'unqualified'),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    capability: fc.constantFrom('below_basic', 'basic', 'recommended', null),
    physicians: fc.integer({ min: 0, max: 6 }),
    county: fc.boolean(),
  })
  .map(({ spots, capability, physicians, county }) => {
    const villages = spots.map((s, i) => village(i + 1, s.population, [s.x, s.y], { areaKm2: s.area, kind: s.settlement ? 'settlement' : 'village' }));
    const facilities: Facility[] = spots.flatMap((s, i) => (s.clinic === 'none' ? [] : [clinic(villages[i], [s.x, s.y + 0.2], s.clinic === 'qualified' ? 1 : 0)]));
    facilities.push(thc(capability as Facility['capability'], physicians, 0, [10, 10]));
    if (county) facilities.push(countyHospital([10, -20]));
    return { villages, facilities };
  });

/** The final mode of a tour, counting a county-backfilled tour as one. */
const service = (p: VillageProposal): string => (p.mode === 'county_backfill' ? `backfill:${p.backfillOf}` : String(p.mode));

describe('planVillages properties', () => {
  it('every village gets exactly one proposal, in order; merge members match the proposals’ mergeId', () => {
    fc.assert(
      fc.property(world, ({ villages, facilities }) => {
        const plan = planVillages(planningInput(villages, facilities));
        expect(plan.villages.map((p) => p.code)).toEqual(villages.map((v) => v.code));
        for (const m of plan.merges) {
          for (const member of m.members) {
            const p = plan.villages.find((x) => x.code === member.code)!;
            expect(p.mergeId).toBe(m.id);
            expect(p.mode).toBe(m.kind);
          }
        }
        for (const p of plan.villages) {
          if (p.mergeId === null) continue;
          expect(plan.merges.find((m) => m.id === p.mergeId)?.members.some((x) => x.code === p.code)).toBe(true);
        }
        // Missing data never gets a mode; everything else does.
        for (const p of plan.villages) expect(p.mode === null).toBe(p.missing.length > 0);
      }),
      { numRuns: 150 },
    );
  });

  it('X.large_village_population: raising it never turns a tour into a posting', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 2000, max: 3000 }), fc.integer({ min: 1, max: 1500 }), ({ villages, facilities }, large, raise) => {
        const before = planVillages(planningInput(villages, facilities, { rules: { 'X.large_village_population': large } })).villages;
        const after = planVillages(planningInput(villages, facilities, { rules: { 'X.large_village_population': large + raise } })).villages;
        before.forEach((p, i) => {
          if (service(p) === 'tour' || service(p) === 'backfill:tour') expect(['tour', 'backfill:tour']).toContain(service(after[i]));
        });
      }),
      { numRuns: 150 },
    );
  });
});
