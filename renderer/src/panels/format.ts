/** Number and coordinate formatting for the current locale (pure, cached formatters). */
import type { Locale } from '../i18n/index.js';

const cache = new Map<string, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number, maxFractionDigits = 0): string {
  if (!Number.isFinite(n)) return '–';
  const key = `${locale}|${maxFractionDigits}`;
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: 0 });
    cache.set(key, fmt);
  }
  return fmt.format(n);
}

/** Longitude/latitude with 5 decimals (about 1 m), no grouping. */
export function formatCoord(n: number): string {
  return Number.isFinite(n) ? n.toFixed(5) : '–';
}
