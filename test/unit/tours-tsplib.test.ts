/**
 * TSPLIB reader and distance conventions: berlin52's optimal tour measures exactly 7542; EUC_2D,
 * CEIL_2D, ATT and GEO follow the TSPLIB 95 formulas; malformed files are refused with a reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseOptimal,
  parseTour,
  parseTsplib,
  tsplibDistance,
  tsplibMatrix,
  tsplibTourLength,
  type TsplibInstance,
} from '../../electron/engine/tours/tsplib.js';

const DIR = path.resolve(import.meta.dirname, '../../../shared/data/tsplib');

function twoPoints(type: TsplibInstance['edgeWeightType'], a: [number, number], b: [number, number]): TsplibInstance {
  return parseTsplib(`NAME: t\nTYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: ${type}\nNODE_COORD_SECTION\n1 ${a[0]} ${a[1]}\n2 ${b[0]} ${b[1]}\nEOF\n`);
}

describe('TSPLIB shared data', () => {
  it.skipIf(!existsSync(DIR))('berlin52.opt.tour measures exactly 7542 under berlin52.tsp (EUC_2D)', () => {
    const inst = parseTsplib(readFileSync(path.join(DIR, 'berlin52.tsp'), 'utf8'));
    const tour = parseTour(readFileSync(path.join(DIR, 'berlin52.opt.tour'), 'utf8'));
    expect(inst.name).toBe('berlin52');
    expect(inst.dimension).toBe(52);
    expect(inst.edgeWeightType).toBe('EUC_2D');
    expect(tour.length).toBe(52);
    expect(new Set(tour).size).toBe(52);
    expect(tsplibTourLength(inst, tour)).toBe(7542);
  });
  it.skipIf(!existsSync(DIR))('optimal.txt lists the five benchmark optima', () => {
    const opt = parseOptimal(readFileSync(path.join(DIR, 'optimal.txt'), 'utf8'));
    expect(opt.get('berlin52')).toBe(7542);
    expect(opt.get('kroA100')).toBe(21282);
  });
});

describe('TSPLIB distance conventions', () => {
  it('EUC_2D rounds to the nearest integer (nint)', () => {
    expect(tsplibDistance(twoPoints('EUC_2D', [0, 0], [1, 1]), 0, 1)).toBe(1); // √2 → 1
    expect(tsplibDistance(twoPoints('EUC_2D', [0, 0], [1.5, 0]), 0, 1)).toBe(2); // 1.5 → 2
    expect(tsplibDistance(twoPoints('EUC_2D', [0, 0], [3, 4]), 0, 1)).toBe(5);
  });
  it('CEIL_2D rounds up', () => {
    expect(tsplibDistance(twoPoints('CEIL_2D', [0, 0], [1, 1]), 0, 1)).toBe(2);
    expect(tsplibDistance(twoPoints('CEIL_2D', [0, 0], [3, 4]), 0, 1)).toBe(5);
  });
  it('ATT is pseudo-Euclidean √(d²/10) rounded up when nint falls below it', () => {
    expect(tsplibDistance(twoPoints('ATT', [0, 0], [10, 0]), 0, 1)).toBe(4); // r = 3.162, nint 3 < r → 4
    expect(tsplibDistance(twoPoints('ATT', [0, 0], [0, 20]), 0, 1)).toBe(7); // r = 6.325 → 7
    expect(tsplibDistance(twoPoints('ATT', [0, 0], [0, 0]), 0, 1)).toBe(0);
  });
  it('GEO reads DDD.MM as degrees and minutes and truncates RRR·acos(…) + 1', () => {
    // One degree of longitude on the equator: 6378.388 · π/180 = 111.32 → (int)(112.32) = 112.
    expect(tsplibDistance(twoPoints('GEO', [0, 0], [0, 1.0]), 0, 1)).toBe(112);
    // 0.30 is 30 minutes, half a degree: 55.66 → 56.
    expect(tsplibDistance(twoPoints('GEO', [0, 0], [0, 0.3]), 0, 1)).toBe(56);
    const g = twoPoints('GEO', [39.54, 116.25], [31.14, 121.28]);
    expect(tsplibDistance(g, 0, 1)).toBe(tsplibDistance(g, 1, 0));
    expect(tsplibDistance(g, 0, 0)).toBe(0);
  });
  it('the matrix is symmetric with a zero diagonal', () => {
    const inst = parseTsplib('NAME: m\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nEOF');
    expect(Array.from(tsplibMatrix(inst))).toEqual([0, 5, 10, 5, 0, 5, 10, 5, 0]);
  });
});

describe('TSPLIB parsing', () => {
  it('parses "KEY: value" and "KEY : value" headers and 1-based node ids', () => {
    const inst = parseTsplib('NAME : x\nTYPE : TSP\nCOMMENT : a test\nDIMENSION : 2\nEDGE_WEIGHT_TYPE : CEIL_2D\nNODE_COORD_SECTION\n2 5 6\n1 1.5 2.5\nEOF\n');
    expect(inst.name).toBe('x');
    expect(inst.comment).toBe('a test');
    expect(Array.from(inst.x)).toEqual([1.5, 5]);
    expect(Array.from(inst.y)).toEqual([2.5, 6]);
  });
  it('reads a tour section up to -1 as 0-based nodes', () => {
    expect(parseTour('NAME : t\nTYPE : TOUR\nDIMENSION : 3\nTOUR_SECTION\n1\n3\n2\n-1\nEOF\n')).toEqual([0, 2, 1]);
  });
  it('refuses an unsupported edge weight type, a missing dimension and missing coordinates', () => {
    expect(() => parseTsplib('NAME: a\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEOF')).toThrow(/EXPLICIT is not supported/);
    expect(() => parseTsplib('NAME: a\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\nEOF')).toThrow(/DIMENSION/);
    expect(() => parseTsplib('NAME: a\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\nEOF')).toThrow(/every node/);
  });
});
