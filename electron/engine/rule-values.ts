/**
 * Reads numeric rules for the engine: the project's value when it is a usable number, else the
 * rules table default, and records every id read so results can list the rules they used.
 */
import { RULES_BY_ID, type RuleValues } from '../domain/rules.js';

export class RuleReader {
  /** Every rule id read, with the value applied. */
  readonly used: Record<string, number | string> = {};

  constructor(private readonly values: RuleValues) {}

  number(id: string): number {
    const v = this.values[id];
    const def = RULES_BY_ID.get(id)?.defaultValue;
    const value = typeof v === 'number' && Number.isFinite(v) ? v : typeof def === 'number' ? def : NaN;
    if (!Number.isFinite(value)) throw new Error(`engine: rule ${id} has no numeric value`);
    this.used[id] = value;
    return value;
  }
}
