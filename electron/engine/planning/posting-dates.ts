/**
 * Calendar arithmetic of posting terms (ISO yyyy-mm-dd dates, whole days, UTC): parsing, term
 * length in months, the part of a term inside a year, and the roster year.
 */
import type { Posting } from '../../domain/types.js';

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of an ISO date, or null when it is not a real date. */
export function dayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/** Day number `months` calendar months after `day` (the day of month clamped to the month's end). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

/**
 * Months from `start` to `end`, both days included: whole calendar months plus the fraction of
 * the next one (2026-01-01 … 2026-06-30 is 6; … 2026-12-31 is 12). 0 when end < start.
 */
export function monthsBetween(start: number, end: number): number {
  const endEx = end + 1;
  if (endEx <= start) return 0;
  let k = 0;
  while (addMonths(start, k + 1) <= endEx) k++;
  const from = addMonths(start, k);
  return k + (endEx - from) / (addMonths(start, k + 1) - from);
}

/** First and last day numbers of a calendar year. */
export function yearDays(year: number): [number, number] {
  return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS];
}

/** A posting's term as day numbers, or null when a date is invalid or it ends before it starts. */
export function termDays(p: Pick<Posting, 'startDate' | 'endDate'>): [number, number] | null {
  const s = dayOf(p.startDate);
  const e = dayOf(p.endDate);
  return s === null || e === null || e < s ? null : [s, e];
}

/** Months of a term that fall inside `year` (0 when it does not overlap the year). */
export function monthsInYear(term: [number, number], year: number): number {
  const [y0, y1] = yearDays(year);
  const s = Math.max(term[0], y0);
  const e = Math.min(term[1], y1);
  return e < s ? 0 : monthsBetween(s, e);
}

export function overlapsYear(term: [number, number], year: number): boolean {
  const [y0, y1] = yearDays(year);
  return term[0] <= y1 && term[1] >= y0;
}

/**
 * The roster year: the one asked for, else the year most postings start in (the later on a tie),
 * else null (no posting has a valid start date).
 */
export function rosterYear(postings: readonly Pick<Posting, 'startDate'>[], asked?: number): number | null {
  if (asked !== undefined && Number.isInteger(asked)) return asked;
  const counts = new Map<number, number>();
  for (const p of postings) {
    if (dayOf(p.startDate) === null) continue;
    const y = Number(p.startDate.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/**
 * The fewest terms in force on any day of `year` (e.g. the fewest public health physicians posted
 * at a time): 0 unless the terms together cover every day of the year.
 */
export function minConcurrent(terms: readonly [number, number][], year: number): number {
  const [y0, y1] = yearDays(year);
  let min = Infinity;
  for (let d = y0; d <= y1; d++) {
    let n = 0;
    for (const t of terms) if (t[0] <= d && d <= t[1]) n++;
    if (n < min) min = n;
  }
  return min === Infinity ? 0 : min;
}

/** The term lasts at least `months` months (T4, T7, V3, P2). */
export const termAtLeast = (term: [number, number], months: number): boolean => monthsBetween(term[0], term[1]) >= months - 1e-9;
