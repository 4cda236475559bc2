/** V4 merges: adjacency from polygons or a Delaunay triangulation, joint clinic hosts, dropouts. */
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../../electron/domain/types.js';
import { delaunayAdjacency, villageAdjacency } from '../../electron/engine/planning/adjacency.js';
import { jointClinicGroups } from '../../electron/engine/planning/merges.js';
import { planVillages } from '../../electron/engine/planning/villages.js';
import { countyHospital, km, ONE_KM_PER_MINUTE, planningInput, square, thc, village } from './planning-village-fixtures.js';

const pairsOf = (a: Uint32Array): [number, number][] => Array.from({ length: a.length / 2 }, (_, k) => [a[2 * k], a[2 * k + 1]]);

describe('V4 adjacency', () => {
  it('polygons: two squares sharing an edge are adjacent, two apart are not, a shared corner alone is not', () => {
    const a = village(1, 500, [0.5, 0.5]);
    const b = village(2, 500, [1.5, 0.5]); // shares a's east edge
    const c = village(3, 500, [5.5, 0.5]); // 3 km away
    const d = village(4, 500, [2.5, 1.5]); // meets b at one corner only
    const areas = [square(a, 0, 0), square(b, 1, 0), square(c, 5, 0), square(d, 2, 1)];
    const adj = villageAdjacency([a, b, c, d], areas, () => true);
    expect(adj.source).toBe('polygons');
    expect(pairsOf(adj.pairs)).toEqual([[0, 1]]);
  });

  it('polygons: separately digitised boundaries 10 m apart are still adjacent', () => {
    const a = village(1, 500, [0.5, 0.5]);
    const b = village(2, 500, [1.5, 0.5]);
    const adj = villageAdjacency([a, b], [square(a, 0, 0), square(b, 1.01, 0)], () => true);
    expect(pairsOf(adj.pairs)).toEqual([[0, 1]]);
    const apart = villageAdjacency([a, b], [square(a, 0, 0), square(b, 1.1, 0)], () => true);
    expect(pairsOf(apart.pairs)).toEqual([]);
  });

  it('Delaunay fallback when fewer than 90 % of villages have a polygon', () => {
    const vs = [village(1, 500, [0, 0]), village(2, 500, [2, 0]), village(3, 500, [1, 2]), village(4, 500, [1, 0.7])];
    const adj = villageAdjacency(vs, [square(vs[0], 0, 0)], () => true);
    expect(adj.source).toBe('delaunay');
    // The centre point (index 3) neighbours all three; the outer triangle's edges stay too.
    expect(pairsOf(adj.pairs)).toEqual(expect.arrayContaining([[0, 3], [1, 3], [2, 3]]));
    // Only pairs of kept villages are returned.
    expect(pairsOf(villageAdjacency(vs, [], (i) => i !== 3).pairs).every(([p, q]) => p !== 3 && q !== 3)).toBe(true);
  });

  it('Delaunay: coincident and collinear points are still joined', () => {
    const frame = (lng: number, lat: number): [number, number] => [lng * 1e5, lat * 1e5];
    const line: LngLat[] = [km(0, 0), km(1, 0), km(2, 0)];
    expect(pairsOf(delaunayAdjacency(line, frame))).toEqual([[0, 1], [1, 2]]);
    expect(pairsOf(delaunayAdjacency([km(0, 0), km(0, 0)], frame))).toEqual([[0, 1]]);
  });
});

describe('V4 joint clinic groups', () => {
  const locations = [km(0, 0), km(5, 0.5), km(9, 0)];
  const codes = ['a', 'b', 'c'];
  const all = new Uint32Array([0, 1, 0, 2, 1, 2]);

  it('host minimises population-weighted minutes', () => {
    // a: 300×5 + 700×9 = 7800; b: 300×5 + 700×4 = 4300; c: 300×9 + 300×4 = 3900 → c.
    const r = jointClinicGroups({ locations, population: [300, 300, 700], codes, candidates: [0, 1, 2], pairs: all, travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 });
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].host).toBe(2);
    expect(r.groups[0].members).toEqual([2, 0, 1]);
    expect(r.groups[0].minutes[0]).toBe(0);
    expect(r.groups[0].weightedMinutes).toBeCloseTo(r.groups[0].minutes.reduce((s, m, k) => s + m * [700, 300, 300][k], 0) / 1300, 9);
    // With the weight at a, the middle village hosts.
    const mid = jointClinicGroups({ locations, population: [700, 300, 700], codes, candidates: [0, 1, 2], pairs: all, travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 });
    expect(mid.groups[0].host).toBe(1);
  });

  it('host ties: equal weighted minutes and population → the smaller code', () => {
    const two = [km(0, 0), km(3, 0)];
    const pair = new Uint32Array([0, 1]);
    // Weighted minutes: host 0 costs 500×3, host 1 costs 400×3 → host 1 (the larger village).
    expect(jointClinicGroups({ locations: two, population: [400, 500], codes: ['a', 'b'], candidates: [0, 1], pairs: pair, travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 }).groups[0].host).toBe(1);
    expect(jointClinicGroups({ locations: two, population: [500, 400], codes: ['a', 'b'], candidates: [0, 1], pairs: pair, travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 }).groups[0].host).toBe(0);
    expect(jointClinicGroups({ locations: two, population: [450, 450], codes: ['b', 'a'], candidates: [0, 1], pairs: pair, travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 }).groups[0].host).toBe(1);
  });

  it('V4.merge_max_minutes: pairs beyond it are cut; members that cannot reach the host drop out and regroup', () => {
    // A chain 0-1-2-3 with 12 km steps: every step within 20 minutes, the ends 36 km apart.
    const chain = [km(0, 0), km(12, 0), km(24, 0), km(36, 0)];
    const r = jointClinicGroups({ locations: chain, population: [500, 500, 500, 500], codes: ['a', 'b', 'c', 'd'], candidates: [0, 1, 2, 3], pairs: new Uint32Array([0, 1, 1, 2, 2, 3]), travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 });
    const sets = r.groups.map((g) => [...g.members].sort());
    expect(sets).toEqual([[0, 1, 2]]);
    // The dropout (3) alone cannot make a group: it is decided by the later steps.
    const cut = jointClinicGroups({ locations: [km(0, 0), km(25, 0)], population: [500, 500], codes: ['a', 'b'], candidates: [0, 1], pairs: new Uint32Array([0, 1]), travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 });
    expect(cut).toMatchObject({ groups: [], cutPairs: 1, keptPairs: 0 });
  });

  it('a long chain of small villages holds more than one joint clinic', () => {
    const chain = [0, 1, 2, 3, 4, 5].map((i) => km(i * 12, 0));
    const pairs = new Uint32Array([0, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    const r = jointClinicGroups({ locations: chain, population: chain.map(() => 500), codes: ['a', 'b', 'c', 'd', 'e', 'f'], candidates: [0, 1, 2, 3, 4, 5], pairs, travel: ONE_KM_PER_MINUTE, maxMinutes: 20, minPopulation: 800 });
    expect(r.groups.length).toBe(2);
    expect(r.groups.flatMap((g) => g.members).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('planVillages: a joint clinic merge lists the members with minutes to the host (host 0)', () => {
    const a = village(1, 300, [0.5, 0.5]);
    const b = village(2, 600, [1.5, 0.5]);
    const c = village(3, 400, [10.5, 0.5]);
    const areas = [square(a, 0, 0), square(b, 1, 0), square(c, 10, 0)];
    const plan = planVillages(planningInput([a, b, c], [thc('basic', 30), countyHospital()], { areas }));
    expect(plan.merges).toEqual([
      {
        id: 1,
        kind: 'joint_clinic',
        hostCode: b.code,
        hostName: b.name,
        hostLocation: b.location,
        clinicCode: null,
        members: [
          { code: b.code, name: b.name, population: 600, minutes: 0 },
          { code: a.code, name: a.name, population: 300, minutes: 1 },
        ],
        weightedMinutes: 0.3,
        adjacency: 'polygons',
        rules: expect.arrayContaining(['V4.joint_clinic_min_population', 'V4.merge_max_minutes', 'V4']),
      },
    ]);
    expect(plan.villages.map((p) => [p.mode, p.mergeId])).toEqual([['joint_clinic', 1], ['joint_clinic', 1], ['tour', null]]);
    expect(plan.villages[1].steps.at(-1)).toMatchObject({ code: 'joint_host_self' });
    expect(plan.villages[0].steps.at(-1)).toMatchObject({ code: 'joint_host', params: { host: b.name, minutes: 1, limit: 20 } });
  });

  it('neighbour merges: one per serving clinic, with its clinic code and location', () => {
    const host = village(9, 1500, [0, 0]);
    const a = village(1, 1200, [5, 0]);
    const b = village(2, 1100, [-5, 0.2]);
    const f = { ...countyHospital([0, -50]) };
    const clinicFacility = { ...thc('basic', 30) };
    const plan = planVillages(planningInput([host, a, b], [clinicFacility, f, { ...clinicFacility, id: 900, code: `VC-${host.code}`, name: '村9卫生室', level: 'village_clinic', villageCode: host.code, villageDoctors: 1, location: host.location }]));
    expect(plan.merges).toHaveLength(1);
    expect(plan.merges[0]).toMatchObject({ kind: 'neighbour', hostCode: host.code, clinicCode: `VC-${host.code}`, hostLocation: host.location, adjacency: 'travel_time' });
    expect(plan.merges[0].members.map((m) => m.code)).toEqual([a.code, b.code]);
  });
});
