/** Scenario comparison rows (renderer/src/panels/scenarios/compareModel.ts): A, B, Δ and better / worse. */
import { describe, expect, it } from 'vitest';
import { SERVICE_MODES, type ScenarioSummary } from '../../electron/domain/planning.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { chartRows, COMPARE_SPECS, compareCsv, compareRows, verdictOf } from '../../renderer/src/panels/scenarios/compareModel.js';

const summary = (over: Partial<ScenarioSummary> = {}): ScenarioSummary => ({
  scenarioId: 0,
  name: '基线',
  blankVillages: 12,
  populationBeyond: { clinic: 8000, thc: 3000, county: 500 },
  villagesByMode: { covered: 100, neighbour: 20, joint_clinic: 6, tour: 30, posting: 4, county_backfill: 3, undecided: 2 },
  staff: { tourVisitsPerWeek: 60, postingStaff: 4, backfilledVillages: 3, thcPostingGap: 2, publicHealthGap: 1, newClinics: 3 },
  subsidyCny: 630000,
  rosterIssues: 7,
  tiers: { '1': 4, '2': 6, '3': 5, unranked: 0 },
  ...over,
});

describe('comparison rows', () => {
  it('has one row per figure the issue names, in table order', () => {
    const rows = compareRows(summary(), summary());
    expect(rows.map((r) => r.key)).toEqual([
      'blankVillages',
      'beyond.clinic',
      'beyond.thc',
      'beyond.county',
      ...[...SERVICE_MODES, 'undecided'].map((m) => `mode.${m}`),
      'staff.tourVisitsPerWeek',
      'staff.postingStaff',
      'staff.backfilledVillages',
      'staff.thcPostingGap',
      'staff.publicHealthGap',
      'staff.newClinics',
      'subsidyCny',
      'rosterIssues',
      'tier.1',
      'tier.2',
      'tier.3',
      'tier.unranked',
    ]);
    expect(rows.every((r) => r.delta === 0 && r.verdict === 'same')).toBe(true);
  });

  it('computes B − A and judges it: one blank village fewer is better', () => {
    const b = summary({ scenarioId: 1, name: '方案 1', blankVillages: 11, populationBeyond: { clinic: 7400, thc: 3100, county: 500 } });
    const rows = new Map(compareRows(summary(), b).map((r) => [r.key, r]));
    expect(rows.get('blankVillages')).toMatchObject({ a: 12, b: 11, delta: -1, verdict: 'better' });
    expect(rows.get('beyond.clinic')).toMatchObject({ delta: -600, verdict: 'better' });
    expect(rows.get('beyond.thc')).toMatchObject({ delta: 100, verdict: 'worse' });
    expect(rows.get('beyond.county')).toMatchObject({ delta: 0, verdict: 'same' });
  });

  it('does not judge choices and costs (modes, tours, subsidy), but judges gaps, backfill, issues and coverage', () => {
    const b = summary({
      villagesByMode: { covered: 101, neighbour: 22, joint_clinic: 6, tour: 28, posting: 4, county_backfill: 2, undecided: 3 },
      staff: { tourVisitsPerWeek: 56, postingStaff: 5, backfilledVillages: 2, thcPostingGap: 3, publicHealthGap: 0, newClinics: 4 },
      subsidyCny: 645000,
      rosterIssues: 5,
    });
    const v = Object.fromEntries(compareRows(summary(), b).map((r) => [r.key, r.verdict]));
    expect(v).toMatchObject({
      'mode.covered': 'better',
      'mode.neighbour': 'changed',
      'mode.tour': 'changed',
      'mode.county_backfill': 'better',
      'mode.undecided': 'worse',
      'staff.tourVisitsPerWeek': 'changed',
      'staff.postingStaff': 'changed',
      'staff.backfilledVillages': 'better',
      'staff.thcPostingGap': 'worse',
      'staff.publicHealthGap': 'better',
      'staff.newClinics': 'changed',
      subsidyCny: 'changed',
      rosterIssues: 'better',
    });
  });

  it('reads missing mode or tier counts as 0', () => {
    const b = summary({ villagesByMode: { covered: 1 } as ScenarioSummary['villagesByMode'] });
    const row = compareRows(summary(), b).find((r) => r.key === 'mode.posting')!;
    expect(row).toMatchObject({ a: 4, b: 0, delta: -4 });
  });

  it('verdicts at and either side of zero', () => {
    expect(verdictOf(0, 'lower')).toBe('same');
    expect(verdictOf(-1, 'lower')).toBe('better');
    expect(verdictOf(1, 'lower')).toBe('worse');
    expect(verdictOf(1, 'higher')).toBe('better');
    expect(verdictOf(-1, 'higher')).toBe('worse');
    expect(verdictOf(5, 'none')).toBe('changed');
  });

  it('labels every row in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const s of COMPARE_SPECS) {
        expect(translate(locale, s.labelKey), `${locale} ${s.key}`).not.toBe(s.labelKey);
        expect(translate(locale, `scenariosUi.compare.units.${s.unitKey}`)).not.toContain('scenariosUi');
      }
    }
  });

  it('groups the chart figures by kind', () => {
    const rows = compareRows(summary(), summary({ blankVillages: 11 }));
    expect(chartRows(rows, 'population').map((r) => r.key)).toEqual(['beyond.clinic', 'beyond.thc', 'beyond.county']);
    expect(chartRows(rows, 'villages')[0]).toMatchObject({ key: 'blankVillages', a: 12, b: 11 });
  });

  it('exports CSV with a BOM, quoted where needed', () => {
    const rows = compareRows(summary(), summary({ blankVillages: 11 })).slice(0, 1);
    const csv = compareCsv(rows, ['指标', 'A 基线', 'B 方案, 1', '差值'], () => '空白村');
    expect(csv).toBe('\uFEFF指标,A 基线,"B 方案, 1",差值\r\n空白村,12,11,-1\r\n');
  });
});
