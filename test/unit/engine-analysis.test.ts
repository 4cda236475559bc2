/** The analysis pipeline: DEM slopes, isochrones per group, live what-if. */
import { describe, expect, it } from 'vitest';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import { createAnalysisSession, parseBands, roadInputsFromLayer, runCoverageAnalysis, type AnalysisInput } from '../../electron/engine/analysis.js';
import { gridFromFunction } from '../../electron/engine/elevation.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';

const county = generateDemoCounty();
const demoInput = (mode: AnalysisInput['mode'], withDem: boolean): AnalysisInput => ({
  villages: county.villages,
  facilities: county.facilities,
  roads: roadInputsFromLayer(county.roads),
  townships: county.townships.map((t) => ({ code: t.code, name: t.name })),
  rules: defaultRuleValues(),
  mode,
  dem: withDem ? gridFromFunction((lng, lat) => county.elevation(lng, lat), county.bbox, 0.002) : null,
});

describe('analysis pipeline on the demo county', () => {
  const car = runCoverageAnalysis(demoInput('car', true)).document;

  it('covers every village with finite or null minutes, and isochrones for each group', () => {
    expect(car.villages).toHaveLength(county.villages.length);
    for (const v of car.villages) {
      for (const g of ['clinic', 'thc', 'county'] as const) {
        const m = v.minutes[g];
        expect(m === null || Number.isFinite(m)).toBe(true);
      }
    }
    for (const g of ['clinic', 'thc', 'county'] as const) {
      const bands = car.isochrones[g]!;
      expect(bands.map((b) => [b.from, b.to])).toEqual([[0, 15], [15, 30], [30, 60]]);
      expect(bands[0].coordinates.length).toBeGreaterThan(0);
    }
    expect(car.rulesUsed['X.isochrone_bands']).toBe('15,30,60');
    expect(car.slope).toMatchObject({ dem: true });
    expect(car.slope!.coverage).toBeGreaterThan(0.9);
  });

  it('makes walking slower in the mountains when the DEM is used', () => {
    const flat = runCoverageAnalysis(demoInput('walk', false)).document;
    const hilly = runCoverageAnalysis(demoInput('walk', true)).document;
    const remote = county.cases.remoteSmallBlank;
    const t = (doc: typeof flat) => doc.villages.find((v) => v.code === remote)!.minutes.clinic!;
    expect(t(hilly)).toBeGreaterThan(t(flat));
    // Driving edges ignore the DEM; only the walked off-road legs change, so drives change far less than walks.
    const carFlat = runCoverageAnalysis(demoInput('car', false)).document;
    const meanChange = (a: typeof flat, b: typeof flat) =>
      a.villages.reduce((s, v, i) => s + Math.abs((v.minutes.county ?? 0) - (b.villages[i].minutes.county ?? 0)), 0) / a.villages.length;
    expect(meanChange(carFlat, car)).toBeLessThan(meanChange(flat, hilly));
  });

  it('what-if: a clinic added at the large blank village brings its clinic time to about zero', () => {
    const session = createAnalysisSession(demoInput('car', true), { isochrones: false });
    const code = county.cases.largeBlankFar;
    const village = county.villages.find((v) => v.code === code)!;
    const before = session.output().document.villages.find((v) => v.code === code)!;
    expect(before.blank).toBe(true);
    const after = session.addClinic(code, village.location).document.villages.find((v) => v.code === code)!;
    expect(after.blank).toBe(false);
    expect(after.minutes.clinic!).toBeLessThan(before.minutes.clinic ?? Infinity);
    expect(after.minutes.clinic!).toBeLessThan(1);
    const reset = session.reset().document.villages.find((v) => v.code === code)!;
    expect(reset.minutes.clinic).toEqual(before.minutes.clinic);
  });

  it('what-if: moving the county hospital far away lengthens county-level times, isochrones follow', () => {
    const session = createAnalysisSession(demoInput('car', false));
    const hospital = county.facilities.find((f) => f.level === 'county_hospital')!;
    const before = session.output().document;
    const moved = session.moveFacility(hospital.id, [county.bbox[0], county.bbox[1]]).document;
    const sum = (d: typeof before) => d.villages.reduce((s, v) => s + (v.minutes.county ?? 0), 0);
    expect(sum(moved)).toBeGreaterThan(sum(before));
    expect(moved.isochrones.county).not.toEqual(before.isochrones.county);
    expect(moved.isochrones.clinic).toEqual(before.isochrones.clinic);
  });
});

describe('parseBands', () => {
  it('reads editable band limits, tolerating Chinese commas and junk', () => {
    expect(parseBands('15,30,60')).toEqual([15, 30, 60]);
    expect(parseBands('10，20 45')).toEqual([10, 20, 45]);
    expect(parseBands('60,abc,15,15')).toEqual([15, 60]);
    expect(parseBands('')).toEqual([15, 30, 60]);
  });
});
