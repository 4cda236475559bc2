/** Pure helpers for the history dialog: order, time and the per-table counts in words. */
import type { ChangeSummary } from '../../../electron/api/schema.js';
import { translate, type Locale } from '../i18n/index.js';

export function historyNewestFirst(history: readonly ChangeSummary[]): ChangeSummary[] {
  return [...history].sort((a, b) => b.id - a.id);
}

/** "2026-11-23 08:05" in local time; the raw string when it does not parse. */
export function changeTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "行政村 12 条、医疗机构 1 条" — tables named by `importWizard.tables.<table>` (else the raw name). */
export function changeCountsText(locale: Locale, counts: Record<string, number>): string {
  const sep = locale === 'en' ? ', ' : '、';
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => {
      const key = `importWizard.tables.${table}`;
      const name = translate(locale, key);
      return translate(locale, 'importWizard.tableCount', { table: name === key ? table : name, n });
    })
    .join(sep);
}
