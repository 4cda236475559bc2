/** The village table (rows, filters, sort), the county summary and the per-township chart. */
import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, villageRows } from '../../renderer/src/analysis/table.js';
import { countyTotals, townshipBandRows } from '../../renderer/src/analysis/summary.js';
import { formatMinutes, formatPopulation } from '../../renderer/src/panels/coverageFormat.js';
import { sampleCoverage, villageCoverage } from './renderer-coverage-fixtures.js';
import { facility, sampleLayers, T1 } from './renderer-fixtures.js';

const noFilter = { blankOnly: false, beyondOnly: false, township: null };

function rows() {
  const layers = sampleLayers();
  layers.facilities!.features.push(facility(31, '东岭镇卫生院分院', { code: 'F-thc', level: 'township_hc' }));
  return villageRows(sampleCoverage(), layers);
}

describe('village table rows', () => {
  it('carry names, township, blank reason, minutes and nearest facility names', () => {
    const r = rows().find((x) => x.name === '石门村')!;
    expect(r).toMatchObject({ id: 3, townshipName: '东岭镇', blank: true, blankReason: 'no_clinic' });
    expect(r.minutes).toEqual({ clinic: 22, thc: null, county: 75 });
    expect(r.beyond).toEqual({ clinic: true, thc: true, county: true });
    const near = rows().find((x) => x.name === '上坪村')!;
    expect(near.nearestName.thc).toBe('东岭镇卫生院分院');
    // A code the layers do not know is shown as it is.
    expect(near.nearestName.clinic).toBe('F-clinic');
    expect(near.access.clinic).toEqual({ sfca2: 1, e2sfca: 0.8, g2sfca: 0.6 });
    expect(near.access.thc.e2sfca).toBe(1.5);
  });

  it('filter blank villages, villages beyond the chosen group’s standard, one township', () => {
    const all = rows();
    expect(filterRows(all, { ...noFilter, blankOnly: true }, 'clinic').map((r) => r.name)).toEqual(['下坪村', '石门村']);
    expect(filterRows(all, { ...noFilter, beyondOnly: true }, 'clinic').map((r) => r.name)).toEqual(['石门村', '新安安置点']);
    expect(filterRows(all, { ...noFilter, beyondOnly: true }, 'thc').map((r) => r.name)).toEqual(['下坪村', '石门村']);
    expect(filterRows(all, { ...noFilter, township: '999999999' }, 'clinic')).toEqual([]);
    expect(filterRows(all, { ...noFilter, township: T1 }, 'clinic')).toHaveLength(4);
  });

  it('sort by minutes with unreachable as the farthest, both ways', () => {
    const all = rows();
    expect(sortRows(all, { key: 'minutes.thc', dir: 'asc' }).map((r) => r.minutes.thc)).toEqual([12, 29.9, 31, null]);
    expect(sortRows(all, { key: 'minutes.thc', dir: 'desc' }).map((r) => r.minutes.thc)).toEqual([null, 31, 29.9, 12]);
  });

  it('sort by population, by name (Chinese collation) and by access, keeping code order on ties', () => {
    const all = rows();
    expect(sortRows(all, { key: 'population', dir: 'desc' }).map((r) => r.name)).toEqual(['上坪村', '下坪村', '石门村', '新安安置点']);
    const byName = sortRows(all, { key: 'name', dir: 'asc' }).map((r) => r.name);
    expect(byName).toEqual([...byName].sort(new Intl.Collator('zh-CN').compare));
    expect(sortRows(all, { key: 'access.clinic', dir: 'asc' }).map((r) => r.code)).toEqual(all.map((r) => r.code).sort());
    expect(sortRows(all, { key: 'blank', dir: 'desc' }).map((r) => r.blank)).toEqual([true, true, false, false]);
  });

  it('show 不可达 for unreachable and ≈ with a tooltip for estimates', () => {
    expect(formatMinutes('zh-CN', null, false)).toMatchObject({ text: '不可达', unreachable: true });
    expect(formatMinutes('en', null, false).text).toBe('Unreachable');
    const est = formatMinutes('zh-CN', 16.2, true);
    expect(est.text).toBe('≈16');
    expect(est.title).toContain('直线');
    expect(formatMinutes('zh-CN', 4.54, false).text).toBe('4.5');
    expect(formatPopulation('zh-CN', 123456)).toBe('12.3 万');
    expect(formatPopulation('en', 123456)).toBe('123,456');
  });
});

describe('county summary and township chart', () => {
  it('count villages and population within and beyond each standard, with the rule id', () => {
    const totals = countyTotals(sampleCoverage());
    expect(totals).toMatchObject({ villages: 4, population: 14845, blankVillages: 2, blankPopulation: 2000 });
    expect(totals.groups.clinic).toMatchObject({
      ruleId: 'X.clinic_minutes',
      standard: 15,
      withinVillages: 2,
      withinPopulation: 13345,
      beyondVillages: 2,
      beyondPopulation: 1500,
      estimatedVillages: 1,
    });
    expect(totals.groups.thc).toMatchObject({ ruleId: 'X.thc_minutes', beyondVillages: 2, unreachableVillages: 1 });
    expect(totals.groups.county.ruleId).toBe('X.county_hospital_minutes');
  });

  it('sum population by band per township, unreachable apart', () => {
    const doc = sampleCoverage();
    doc.villages.push(villageCoverage(9, '500101002201', '远山村', { clinic: 70, thc: 80, county: 90 }, { population: 300 }));
    const rows = townshipBandRows(doc, 'thc', [15, 30, 60], new Map([[T1, '东岭镇'], ['500101002', '西坡乡']]));
    expect(rows.map((r) => r.name)).toEqual(['东岭镇', '西坡乡']);
    expect(rows[0]).toMatchObject({ b0: 12345, b1: 500, b2: 1000, b3: 0, unreachable: 1000, total: 14845 });
    expect(rows[1]).toMatchObject({ b3: 300, total: 300 });
  });
});

describe('what-if clinics in the table', () => {
  it('name a clinic the scenario added after its village', () => {
    const doc = sampleCoverage();
    doc.villages[2] = { ...doc.villages[2], nearest: { ...doc.villages[2].nearest, clinic: `WHATIF-VC-${T1}203-7` } };
    const rows = villageRows(doc, sampleLayers(), (code) => `${code} 新增`);
    expect(rows[2].nearestName.clinic).toBe(`${T1}203 新增`);
  });
});

describe('analysis state', () => {
  it('sorts by a column, flipping on the second click; minutes and population start largest first', async () => {
    const { useAppStore } = await import('../../renderer/src/state/store.js');
    const s = useAppStore.getState();
    expect(s.analysisMode).toBe('car');
    expect(s.analysisGroup).toBe('clinic');
    s.sortTableBy('name');
    expect(useAppStore.getState().tableSort).toEqual({ key: 'name', dir: 'asc' });
    useAppStore.getState().sortTableBy('name');
    expect(useAppStore.getState().tableSort).toEqual({ key: 'name', dir: 'desc' });
    useAppStore.getState().sortTableBy('minutes.thc');
    expect(useAppStore.getState().tableSort).toEqual({ key: 'minutes.thc', dir: 'desc' });
  });

  it('shows the what-if document while what-if is on, the baseline otherwise; a new project clears both', async () => {
    const { useAppStore } = await import('../../renderer/src/state/store.js');
    const { selectShownCoverage } = await import('../../renderer/src/state/analysisSlice.js');
    const baseline = sampleCoverage();
    const scenario = { ...sampleCoverage(), mode: 'walk' as const };
    const s = useAppStore.getState();
    s.setAnalysisMode('ebike');
    s.setBaseline({ document: baseline, computedAt: '2026-11-22T10:00:00Z', origin: 'stored' });
    expect(selectShownCoverage(useAppStore.getState())).toBe(baseline);
    s.setWhatIf({ active: true, document: null });
    expect(selectShownCoverage(useAppStore.getState())).toBe(baseline);
    s.setWhatIf({ document: scenario, moved: { 15: [110.3, 30] } });
    expect(selectShownCoverage(useAppStore.getState())).toBe(scenario);
    s.clearAnalysis();
    const after = useAppStore.getState();
    expect(selectShownCoverage(after)).toBeNull();
    expect(after.whatIf.active).toBe(false);
    expect(after.analysisMode).toBe('ebike');
  });
});
