/** Day patterns of a weekly tour demand: which working days its visits fall on (V1 spacing). */
import { WEEKDAYS, type Weekday } from '../../domain/tours.js';
import { consecutiveDays } from '../../domain/tour-evaluate.js';

export interface DayPattern {
  /** Weekdays of the visits, in WEEKDAYS order. */
  days: Weekday[];
  /** Pairs of consecutive days in the pattern (V1: spread the visits; 0 wherever possible). */
  consecutive: number;
  /** Smallest gap between two visits in days, cyclic over the week (7 for a single visit). */
  minGap: number;
}

/** Every choice of `k` distinct days out of `days`: non-consecutive patterns first, then in WEEKDAYS order. */
export function dayPatterns(days: readonly Weekday[], k: number): DayPattern[] {
  const sorted = [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const out: DayPattern[] = [];
  if (k <= 0 || k > sorted.length) return out;
  const pick: Weekday[] = [];
  const rec = (from: number): void => {
    if (pick.length === k) {
      out.push(describe([...pick]));
      return;
    }
    for (let i = from; i <= sorted.length - (k - pick.length); i++) {
      pick.push(sorted[i]);
      rec(i + 1);
      pick.pop();
    }
  };
  rec(0);
  // Stable sort keeps WEEKDAYS order among equals (Mon/Wed before Tue/Thu).
  return out.sort((a, b) => a.consecutive - b.consecutive);
}

function describe(days: Weekday[]): DayPattern {
  let consecutive = 0;
  let minGap: number = WEEKDAYS.length;
  for (let i = 0; i < days.length; i++)
    for (let j = i + 1; j < days.length; j++) {
      if (consecutiveDays(days[i], days[j])) consecutive++;
      const d = Math.abs(WEEKDAYS.indexOf(days[i]) - WEEKDAYS.indexOf(days[j]));
      minGap = Math.min(minGap, d, WEEKDAYS.length - d);
    }
  return { days, consecutive, minGap };
}
