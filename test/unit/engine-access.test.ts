/**
 * Floating-catchment access scores on cases small enough to compute by hand.
 */
import { describe, expect, it } from 'vitest';
import { accessScores, weight2sfca, weightE2sfca, weightGaussian } from '../../electron/engine/access.js';
import { analyzeCoverage } from '../../electron/engine/coverage.js';
import { facility, road, rules, village } from './engine-fixtures.js';

describe('2SFCA, E2SFCA and Gaussian 2SFCA by hand', () => {
  // Two villages (1,000 and 3,000 residents), two facilities (2 and 3 doctors), catchment 30 min.
  // Minutes village → facility:   F1   F2
  //                         V1     5   25
  //                         V2    15   40 (outside the catchment)
  const input = {
    population: [1000, 3000],
    supply: [2, 3],
    minutes: new Float64Array([5, 15, 25, 40]), // facility-major: F1 (V1, V2), F2 (V1, V2)
    catchmentMinutes: 30,
  };
  const scores = accessScores(input);

  it('2SFCA (Luo & Wang 2003): R1 = 2/4000, R2 = 3/1000; A = Σ R per 1,000', () => {
    expect(scores.sfca2[0]).toBeCloseTo(3.5, 12); // (0.0005 + 0.003) × 1000
    expect(scores.sfca2[1]).toBeCloseTo(0.5, 12);
  });

  it('E2SFCA (Luo & Qi 2009): weights 1 / 0.68 / 0.22 by thirds of the catchment', () => {
    // R1 = 2 / (1000·1 + 3000·0.68) = 2/3040; R2 = 3 / (1000·0.22) = 3/220
    expect(scores.e2sfca[0]).toBeCloseTo(3.6578947368421053, 12); // (2/3040·1 + 3/220·0.22) × 1000
    expect(scores.e2sfca[1]).toBeCloseTo(0.44736842105263164, 12); // 2/3040·0.68 × 1000
  });

  it('Gaussian 2SFCA (Dai 2010): G(d) = (e^{-½(d/d0)²} − e^{-½}) / (1 − e^{-½})', () => {
    expect(weightGaussian(5, 30)).toBeCloseTo(0.9649454688235423, 12);
    expect(weightGaussian(15, 30)).toBeCloseTo(0.7013665732390044, 12);
    expect(weightGaussian(25, 30)).toBeCloseTo(0.2544483340734067, 12);
    expect(scores.g2sfca[0]).toBeCloseTo(3.6288245428425308, 10);
    expect(scores.g2sfca[1]).toBeCloseTo(0.45705848571915636, 10);
  });

  it('weights: 1 at the door, 0 beyond the catchment or when unreachable', () => {
    for (const w of [weight2sfca, weightE2sfca, weightGaussian]) {
      expect(w(0, 30)).toBe(1);
      expect(w(30.01, 30)).toBe(0);
      expect(w(Infinity, 30)).toBe(0);
    }
    expect(weightGaussian(30, 30)).toBeCloseTo(0, 12);
    expect(weightE2sfca(10, 30)).toBe(1);
    expect(weightE2sfca(10.5, 30)).toBe(0.68);
    expect(weightE2sfca(20.5, 30)).toBe(0.22);
  });

  it('a facility nobody can reach shares nothing (no division by zero), and bad counts count as zero', () => {
    const s = accessScores({ population: [0, NaN], supply: [4, -1], minutes: new Float64Array([5, 5, 5, 5]), catchmentMinutes: 30 });
    expect(Array.from(s.sfca2)).toEqual([0, 0]);
    expect(Array.from(s.g2sfca)).toEqual([0, 0]);
  });
});

describe('access in the coverage analysis', () => {
  it('counts qualified clinic doctors within the clinic standard and THC physicians within the THC standard', () => {
    // Walking (75 m/min) along one road: V1 at 0 m, the clinic and the THC at 750 m (10 min),
    // V2 at 3500 m (36.7 min from them: beyond both standards). Villages sit on the road.
    const villages = [village(1, [0, 0]), village(2, [3500, 0], { population: 2000 })];
    const result = analyzeCoverage({
      villages,
      facilities: [
        facility(1, 'village_clinic', [750, 0], { villageCode: villages[0].code, physicians: 1, assistantPhysicians: 0, villageDoctors: 1 }),
        facility(2, 'township_hc', [750, 0], { physicians: 5, assistantPhysicians: 9 }),
      ],
      roads: [road([[0, 0], [750, 0], [3500, 0]])],
      townships: [{ code: '431299001', name: '甲镇' }],
      rules: rules(),
      mode: 'walk',
    });
    const [v1, v2] = result.villages;
    // Only V1 (1,000 residents) is in either catchment: 2 doctors and 5 physicians per 1,000, whatever the weight.
    for (const k of ['sfca2', 'e2sfca', 'g2sfca'] as const) {
      expect(v1.access[k], k).toBeCloseTo(2, 9);
      expect(v1.thcAccess[k], k).toBeCloseTo(5, 9);
      expect(v2.access[k], k).toBe(0);
      expect(v2.thcAccess[k], k).toBe(0);
    }
  });
});
