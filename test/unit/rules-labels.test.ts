import { describe, expect, it } from 'vitest';
import { RULES, checkRuleOrder, checkRuleValue, defaultRuleValues } from '../../electron/domain/rules.js';
import { translate } from '../../renderer/src/i18n/index.js';

describe('rules table', () => {
  it.each(['zh-CN', 'en'] as const)('every rule has a label, unit and family name in %s', (locale) => {
    const missing = RULES.flatMap((r) => {
      const keys = [`ruleLabels.${r.id}`, `ruleUnits.${r.unit}`, `ruleFamilies.${r.rule[0]}`];
      return keys.filter((k) => translate(locale, k) === k);
    });
    expect(missing).toEqual([]);
  });

  it('labels speed rules by mode and road class', () => {
    expect(translate('zh-CN', 'ruleLabels.X.speed.car.national')).toBe('小汽车·国道速度');
    expect(translate('en', 'ruleLabels.X.speed.walk.track')).toBe('Walk speed on tracks');
  });

  it('accepts every default value', () => {
    expect(RULES.filter((r) => checkRuleValue(r.id, r.defaultValue) !== null).map((r) => r.id)).toEqual([]);
    expect(checkRuleOrder(defaultRuleValues())).toEqual([]);
  });

  it('checks floors, ceilings and formats', () => {
    expect(checkRuleValue('V2.tour_floor_per_week', 0)).toBe('below_min');
    expect(checkRuleValue('P2.half_release_max_share', 10.5)).toBe('above_max');
    expect(checkRuleValue('T7.posting_min_title', 'professor')).toBe('invalid_value');
    expect(checkRuleValue('T7.posting_min_title', 'senior')).toBeNull();
    expect(checkRuleValue('D1.report_deadline', '13-01')).toBe('invalid_value');
    expect(checkRuleValue('X.isochrone_bands', '10, 20，40')).toBeNull();
    expect(checkRuleValue('X.isochrone_bands', 'ten')).toBe('invalid_value');
    expect(checkRuleValue('X.small_village_population', '800')).toBe('wrong_type');
    expect(checkRuleValue('nope', 1)).toBe('unknown_rule');
  });

  it('keeps small below large and tier 3 below tier 1', () => {
    const v = { ...defaultRuleValues(), 'X.small_village_population': 2000 };
    expect(checkRuleOrder(v)).toEqual([['X.small_village_population', 'X.large_village_population']]);
  });
});
