import { describe, expect, it } from 'vitest';
import type { RuleSetting } from '../../electron/api/schema.js';
import { RULES } from '../../electron/domain/rules.js';
import { changedValues, groupRules, matchesRule, parseDraft, rangeText, ruleFamily, validateDrafts } from '../../renderer/src/panels/planning/settingsModel.js';

const settings: RuleSetting[] = RULES.map((r) => ({ ...r, value: r.defaultValue }));
const byId = (id: string) => settings.find((r) => r.id === id)!;

describe('settings: rules grouped by family', () => {
  it('groups V, T, H, P, D, X and the speeds, every rule once', () => {
    const groups = groupRules(settings);
    expect(groups.map((g) => g.family)).toEqual(['V', 'T', 'H', 'P', 'D', 'X', 'speeds']);
    expect(groups.reduce((n, g) => n + g.rules.length, 0)).toBe(settings.length);
    expect(ruleFamily(byId('X.speed.car.county'))).toBe('speeds');
    expect(ruleFamily(byId('X.large_village_population'))).toBe('X');
    expect(ruleFamily(byId('V3.posting_days_per_week'))).toBe('V');
    expect(groups.find((g) => g.family === 'speeds')!.rules.every((r) => r.unit === 'km_per_h')).toBe(true);
  });

  it('filters on id, label and seed citation', () => {
    expect(matchesRule(byId('V3.posting_days_per_week'), '派驻天数', 'v3.')).toBe(true);
    expect(matchesRule(byId('V3.posting_days_per_week'), '派驻天数', '天数')).toBe(true);
    expect(matchesRule(byId('V3.posting_days_per_week'), '派驻天数', '主要任务(一)2')).toBe(true);
    expect(matchesRule(byId('V3.posting_days_per_week'), '派驻天数', 'speed')).toBe(false);
  });
});

describe('settings: inline validation before saving', () => {
  it('parses numbers (full-width digits too) and keeps text rules as text', () => {
    expect(parseDraft(byId('X.large_village_population'), ' 2700 ')).toBe(2700);
    expect(parseDraft(byId('X.large_village_population'), '２７００')).toBe(2700);
    expect(parseDraft(byId('X.detour_factor'), '1.5')).toBe(1.5);
    expect(parseDraft(byId('X.large_village_population'), '2,700')).toBeNull();
    expect(parseDraft(byId('X.large_village_population'), '')).toBeNull();
    expect(parseDraft(byId('D1.report_deadline'), ' 11-30 ')).toBe('11-30');
  });

  it('checks each value against the rule min/max: at, below and above', () => {
    // V3.posting_days_per_week: 5..7
    expect(validateDrafts(settings, { 'V3.posting_days_per_week': '5' })).toEqual({});
    expect(validateDrafts(settings, { 'V3.posting_days_per_week': '7' })).toEqual({});
    expect(validateDrafts(settings, { 'V3.posting_days_per_week': '4' })).toEqual({ 'V3.posting_days_per_week': { code: 'below_min', params: { min: 5, max: 7 } } });
    expect(validateDrafts(settings, { 'V3.posting_days_per_week': '8' })['V3.posting_days_per_week'].code).toBe('above_max');
    expect(validateDrafts(settings, { 'V3.posting_days_per_week': 'abc' })['V3.posting_days_per_week'].code).toBe('wrong_type');
    expect(validateDrafts(settings, { 'D1.report_deadline': '13-01' })['D1.report_deadline'].code).toBe('invalid_value');
    expect(validateDrafts(settings, { 'X.isochrone_bands': '15,30，60' })).toEqual({});
  });

  it('keeps ordered pairs in order (small below large village population)', () => {
    const errs = validateDrafts(settings, { 'X.small_village_population': '2500' });
    expect(errs['X.small_village_population']).toEqual({ code: 'order', params: { other: 'X.large_village_population' } });
    expect(validateDrafts(settings, { 'X.small_village_population': '2500', 'X.large_village_population': '2700' })).toEqual({});
  });

  it('sends only the values that changed', () => {
    expect(changedValues(settings, {})).toEqual({});
    expect(changedValues(settings, { 'X.large_village_population': '2000', 'X.detour_factor': '1.3' })).toEqual({});
    expect(changedValues(settings, { 'X.large_village_population': '2700', 'V1.tour_visits_per_week': '2', 'D1.report_deadline': '11-30' })).toEqual({
      'X.large_village_population': 2700,
      'D1.report_deadline': '11-30',
    });
    expect(changedValues(settings, { 'X.large_village_population': 'x' })).toEqual({});
  });

  it('describes the range', () => {
    expect(rangeText(byId('V3.posting_days_per_week'))).toBe('5–7');
    expect(rangeText(byId('V1.tour_visits_per_week'))).toBe('≥ 1');
    expect(rangeText(byId('P2.max_people_per_post_year'))).toBe('≤ 2');
    expect(rangeText(byId('D1.report_deadline'))).toBe('');
  });
});
