/**
 * How coverage figures read in the panels: minutes with "≈" for straight-line estimates and
 * 不可达 for unreachable villages, access scores, the time a result was computed. Pure.
 */
import { translate, type Locale } from '../i18n/index.js';
import { formatNumber } from './format.js';

export interface MinutesText {
  text: string;
  /** Tooltip: why the figure is an estimate. */
  title?: string;
  unreachable: boolean;
}

/** Minutes rounded to whole minutes (one decimal below 10), "≈" when estimated, 不可达 when null. */
export function formatMinutes(locale: Locale, minutes: number | null, estimated: boolean): MinutesText {
  if (minutes === null || !Number.isFinite(minutes)) return { text: translate(locale, 'analysis.unreachable'), unreachable: true };
  const n = formatNumber(locale, minutes, minutes < 10 ? 1 : 0);
  return estimated ? { text: `≈${n}`, title: translate(locale, 'analysis.estimatedTitle'), unreachable: false } : { text: n, unreachable: false };
}

export function formatAccess(locale: Locale, value: number | null): string {
  return value === null ? '–' : formatNumber(locale, value, 2);
}

/** "2026年11月22日 23:40" / "Nov 22, 2026, 11:40 PM" from an ISO time; the input when unparsable. */
export function formatComputedAt(locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Population as planners write it: 12,345 / 1.2 万 above 100,000 in Chinese. */
export function formatPopulation(locale: Locale, n: number): string {
  if (locale === 'zh-CN' && n >= 100_000) return `${formatNumber(locale, n / 10_000, 1)} 万`;
  return formatNumber(locale, n);
}
