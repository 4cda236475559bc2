/**
 * The settings dialog's pure part: the rules table grouped by rule family, the planner's typed
 * values parsed and checked (range from the rule, then the order of pairs) before anything is
 * sent, and the set of changed values to save. Unit-tested.
 */
import type { RuleSetting } from '../../../../electron/api/schema.js';
import { checkRuleOrder, checkRuleValue, type RuleValueError } from '../../../../electron/domain/rules.js';

export const RULE_FAMILIES = ['V', 'T', 'H', 'P', 'D', 'X', 'speeds'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export function ruleFamily(r: Pick<RuleSetting, 'id' | 'rule'>): RuleFamily {
  if (r.id.startsWith('X.speed.')) return 'speeds';
  const letter = r.rule.charAt(0) as RuleFamily;
  return (RULE_FAMILIES as readonly string[]).includes(letter) ? letter : 'X';
}

export function groupRules<R extends Pick<RuleSetting, 'id' | 'rule'>>(rules: readonly R[]): { family: RuleFamily; rules: R[] }[] {
  return RULE_FAMILIES.map((family) => ({ family, rules: rules.filter((r) => ruleFamily(r) === family) })).filter((g) => g.rules.length > 0);
}

/** What an input shows for a value. */
export function draftOf(value: number | string): string {
  return String(value);
}

export type DraftError = { code: RuleValueError | 'order'; params: Record<string, string | number> };

/** A typed value as the rule's type: numbers for numeric rules (full-width digits accepted), text otherwise. */
export function parseDraft(rule: Pick<RuleSetting, 'defaultValue'>, text: string): number | string | null {
  if (typeof rule.defaultValue === 'string') return text.trim();
  const s = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** Errors of the typed values, by rule id: each against its range, then the pairs that must stay ordered. */
export function validateDrafts(settings: readonly RuleSetting[], drafts: Readonly<Record<string, string>>): Record<string, DraftError> {
  const errors: Record<string, DraftError> = {};
  const values: Record<string, number | string> = {};
  for (const r of settings) {
    const text = drafts[r.id];
    if (text === undefined) {
      values[r.id] = r.value;
      continue;
    }
    const v = parseDraft(r, text);
    if (v === null) {
      errors[r.id] = { code: 'wrong_type', params: {} };
      continue;
    }
    const err = checkRuleValue(r.id, v);
    if (err) {
      errors[r.id] = { code: err, params: { min: r.min ?? '', max: r.max ?? '' } };
      continue;
    }
    values[r.id] = v;
  }
  for (const [lo, hi] of checkRuleOrder(values)) {
    if (!errors[lo]) errors[lo] = { code: 'order', params: { other: hi } };
  }
  return errors;
}

/** The values that differ from what is stored (only those are sent). Drafts that do not parse are left out. */
export function changedValues(settings: readonly RuleSetting[], drafts: Readonly<Record<string, string>>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const r of settings) {
    const text = drafts[r.id];
    if (text === undefined) continue;
    const v = parseDraft(r, text);
    if (v === null || v === r.value) continue;
    out[r.id] = v;
  }
  return out;
}

/** "1–150", "≥ 5", "≤ 10" or '' (no range). */
export function rangeText(r: Pick<RuleSetting, 'min' | 'max'>): string {
  if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max}`;
  if (r.min !== undefined) return `≥ ${r.min}`;
  if (r.max !== undefined) return `≤ ${r.max}`;
  return '';
}

/** Case-insensitive match of a filter text against id, label and source. */
export function matchesRule(r: Pick<RuleSetting, 'id' | 'source'>, label: string, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return r.id.toLowerCase().includes(q) || label.toLowerCase().includes(q) || r.source.toLowerCase().includes(q);
}
