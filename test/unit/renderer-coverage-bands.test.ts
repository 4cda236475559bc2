/** Travel-time bands, their colours and the coverage map features. */
import { describe, expect, it } from 'vitest';
import {
  bandColor,
  bandIndex,
  bandLabel,
  bandLimitsOf,
  bandsFor,
  parseBandLimits,
  standardMinutes,
} from '../../renderer/src/analysis/bands.js';
import { addedClinicId, coverageFeatures, facilitiesWithWhatIf, isochroneFeatures } from '../../renderer/src/analysis/mapData.js';
import { COVERAGE_COLORS, COVERAGE_RAMP } from '../../renderer/src/map/palette.js';
import { sampleCoverage } from './renderer-coverage-fixtures.js';
import { sampleLayers, T1 } from './renderer-fixtures.js';

const LIMITS = [15, 30, 60];

describe('travel-time bands', () => {
  it('read the X.isochrone_bands rule, tolerating spaces, Chinese commas and junk', () => {
    expect(parseBandLimits('15,30,60')).toEqual([15, 30, 60]);
    expect(parseBandLimits('60， 15 30')).toEqual([15, 30, 60]);
    expect(parseBandLimits('abc')).toEqual([15, 30, 60]);
    expect(parseBandLimits([30, 10, 10, -5])).toEqual([10, 30]);
  });

  it('classify minutes into 0-15 / 15-30 / 30-60 / 60+ and unreachable', () => {
    expect([0, 14.99, 15, 29.9, 30, 59, 60, 600].map((m) => bandIndex(m, LIMITS))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(bandIndex(null, LIMITS)).toBe(-1);
    expect(bandIndex(Infinity, LIMITS)).toBe(-1);
    expect(bandIndex(NaN, LIMITS)).toBe(-1);
  });

  it('colour bands along a sequential ramp, near to far, and unreachable grey', () => {
    const bands = bandsFor(LIMITS);
    expect(bands.map(bandLabel)).toEqual(['0–15', '15–30', '30–60', '60+']);
    const colors = bands.map((b) => b.color);
    expect(new Set(colors).size).toBe(4);
    expect(colors[0]).toBe(COVERAGE_RAMP[0]);
    expect(colors[3]).toBe(COVERAGE_RAMP[COVERAGE_RAMP.length - 1]);
    // Sequential: each farther band is darker (lower luminance) than the nearer one.
    const luminance = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      return 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    };
    const lum = colors.map(luminance);
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1]);
    expect(bandColor(5, LIMITS)).toBe(colors[0]);
    expect(bandColor(null, LIMITS)).toBe(COVERAGE_COLORS.unreachable);
    expect(colors).not.toContain(COVERAGE_COLORS.unreachable);
  });

  it('take the limits and standards from the rules a result used', () => {
    const doc = sampleCoverage();
    expect(bandLimitsOf(doc)).toEqual(LIMITS);
    expect(bandLimitsOf({ ...doc, rulesUsed: { 'X.isochrone_bands': '10,20' } })).toEqual([10, 20]);
    expect(bandLimitsOf({ ...doc, rulesUsed: {} })).toEqual([15, 30]);
    expect(standardMinutes(doc.rulesUsed, 'thc')).toBe(30);
    expect(standardMinutes({ 'X.county_hospital_minutes': 45 }, 'county')).toBe(45);
    expect(standardMinutes({}, 'clinic')).toBe(15);
  });
});

describe('coverage map features', () => {
  it('colour each village by minutes to the chosen group, with the village id for picking', () => {
    const fc = coverageFeatures(sampleCoverage(), sampleLayers().villages, 'thc', LIMITS);
    expect(fc.features).toHaveLength(4);
    const byName = Object.fromEntries(fc.features.map((f) => [f.properties.name, f]));
    expect(byName['上坪村']).toMatchObject({ id: 1, properties: { group: 'thc', minutes: 12, band: 0, beyond: false, blank: false } });
    expect(byName['上坪村'].geometry).toEqual({ type: 'Point', coordinates: [110.01, 30] });
    expect(byName['下坪村'].properties).toMatchObject({ minutes: 31, band: 2, beyond: true, blank: true });
    expect(byName['石门村'].properties).toMatchObject({ minutes: null, band: -1, color: COVERAGE_COLORS.unreachable, beyond: true });
  });

  it('flag straight-line estimates per group', () => {
    const fc = coverageFeatures(sampleCoverage(), sampleLayers().villages, 'clinic', LIMITS);
    expect(fc.features.find((f) => f.properties.code === `${T1}204`)!.properties.estimated).toBe(true);
    expect(fc.features.find((f) => f.properties.code === `${T1}201`)!.properties.estimated).toBe(false);
  });

  it('draw the chosen group’s isochrone bands with the band colours', () => {
    const doc = sampleCoverage();
    const fc = isochroneFeatures(doc.isochrones.clinic, 'clinic', LIMITS);
    expect(fc.features.map((f) => [f.properties.from, f.properties.to, f.properties.band])).toEqual([
      [0, 15, 0],
      [15, 30, 1],
    ]);
    expect(fc.features[1].properties.color).toBe(bandsFor(LIMITS)[1].color);
    expect(fc.features[0].geometry.type).toBe('MultiPolygon');
    expect(isochroneFeatures(doc.isochrones.county, 'county', LIMITS).features).toEqual([]);
  });

  it('place what-if facilities: moved ones at their new spot, added clinics with one village doctor', () => {
    const layers = sampleLayers();
    const fc = facilitiesWithWhatIf(layers.facilities, { 15: [110.3, 30.05] }, [{ villageCode: `${T1}203`, location: [110.03, 30] }], () => '石门村卫生室（假设）');
    expect(fc.features).toHaveLength(6);
    expect(fc.features.find((f) => f.id === 15)!.geometry).toEqual({ type: 'Point', coordinates: [110.3, 30.05] });
    const added = fc.features.find((f) => f.id === addedClinicId(0))!;
    expect(added.properties).toMatchObject({ level: 'village_clinic', villageCode: `${T1}203`, villageDoctors: 1, name: '石门村卫生室（假设）' });
    // The project's own features are not changed.
    expect(layers.facilities!.features.find((f) => f.id === 15)!.geometry).toEqual({ type: 'Point', coordinates: [110.5, 30.1] });
  });
});
