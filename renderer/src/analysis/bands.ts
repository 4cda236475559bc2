/**
 * Travel-time bands (rule X.isochrone_bands, default "15,30,60" → 0-15 / 15-30 / 30-60 / 60+
 * minutes) and the colour of each. Pure, unit-tested; the map layers and the legend share them.
 */
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import { RULES_BY_ID } from '../../../electron/domain/rules.js';
import { COVERAGE_COLORS, COVERAGE_RAMP } from '../map/palette.js';

export const FACILITY_GROUPS: readonly FacilityGroup[] = ['clinic', 'thc', 'county'];
/** The rules table's default of X.isochrone_bands, as numbers. */
export const DEFAULT_BAND_LIMITS = String(RULES_BY_ID.get('X.isochrone_bands')?.defaultValue ?? '').split(',').map(Number).filter((n) => n > 0);

/** The rule that sets each group's time standard. */
export const STANDARD_RULE: Record<FacilityGroup, string> = {
  clinic: 'X.clinic_minutes',
  thc: 'X.thc_minutes',
  county: 'X.county_hospital_minutes',
};
/** The rules table's default of each group's standard (used when a result carries no value). */
const DEFAULT_STANDARD = Object.fromEntries(
  Object.entries(STANDARD_RULE).map(([g, id]) => [g, Number(RULES_BY_ID.get(id)?.defaultValue)]),
) as Record<FacilityGroup, number>;

/** Band upper limits from the rule value ("15,30,60" or a number list); sorted, positive, unique. */
export function parseBandLimits(value: unknown): number[] {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,，\s]+/) : typeof value === 'number' ? [value] : [];
  const limits = [...new Set(parts.map(Number).filter((n) => Number.isFinite(n) && n > 0))].sort((a, b) => a - b);
  return limits.length > 0 ? limits : [...DEFAULT_BAND_LIMITS];
}

/** The time standard of a group (minutes) from the rules a result used. */
export function standardMinutes(rulesUsed: Record<string, number | string> | undefined, group: FacilityGroup): number {
  const v = rulesUsed?.[STANDARD_RULE[group]];
  return typeof v === 'number' && v > 0 ? v : DEFAULT_STANDARD[group];
}

export interface Band {
  index: number;
  from: number;
  /** Infinity for the open last band (60+). */
  to: number;
  color: string;
}

/** The bands for the limits: [0, l1), [l1, l2), …, [ln, ∞). */
export function bandsFor(limits: readonly number[]): Band[] {
  const edges = [0, ...limits];
  return edges.map((from, i) => ({ index: i, from, to: i < limits.length ? limits[i] : Infinity, color: rampColor(i, edges.length) }));
}

/** Colour i of n along the sequential ramp (first and last classes get its ends; between, interpolated). */
export function rampColor(i: number, n: number): string {
  if (n <= 1) return COVERAGE_RAMP[0];
  const pos = (Math.min(Math.max(i, 0), n - 1) * (COVERAGE_RAMP.length - 1)) / (n - 1);
  const k = Math.min(COVERAGE_RAMP.length - 2, Math.floor(pos));
  return mixHex(COVERAGE_RAMP[k], COVERAGE_RAMP[k + 1], pos - k);
}

function mixHex(a: string, b: string, t: number): string {
  if (t <= 0) return a;
  if (t >= 1) return b;
  const ca = parseInt(a.slice(1), 16);
  const cb = parseInt(b.slice(1), 16);
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const va = (ca >> shift) & 255;
    const vb = (cb >> shift) & 255;
    out |= Math.round(va + (vb - va) * t) << shift;
  }
  return `#${out.toString(16).padStart(6, '0')}`;
}

/** Band index of a travel time, or -1 when unreachable (null, NaN or infinite). */
export function bandIndex(minutes: number | null | undefined, limits: readonly number[]): number {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return -1;
  let i = 0;
  while (i < limits.length && minutes >= limits[i]) i++;
  return i;
}

export function bandColor(minutes: number | null | undefined, limits: readonly number[]): string {
  const i = bandIndex(minutes, limits);
  return i < 0 ? COVERAGE_COLORS.unreachable : rampColor(i, limits.length + 1);
}

/** "0–15", "15–30", "60+" (minutes). */
export function bandLabel(band: Pick<Band, 'from' | 'to'>): string {
  return Number.isFinite(band.to) ? `${band.from}–${band.to}` : `${band.from}+`;
}

/** The band limits a result was drawn with: its X.isochrone_bands, else its bands' upper limits, else the default. */
export function bandLimitsOf(doc: { rulesUsed?: Record<string, number | string>; isochrones?: Partial<Record<FacilityGroup, { to: number }[]>> }): number[] {
  const rule = doc.rulesUsed?.['X.isochrone_bands'];
  if (rule !== undefined) return parseBandLimits(rule);
  for (const g of FACILITY_GROUPS) {
    const bands = doc.isochrones?.[g];
    if (bands && bands.length > 0) return parseBandLimits(bands.map((b) => b.to));
  }
  return [...DEFAULT_BAND_LIMITS];
}
