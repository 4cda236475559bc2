/**
 * Words for tour plans, shared by the renderer, the CLI and the exporters: weekday and session
 * names (`weekdays.*`, `sessions.*`) and the text of a TourIssue (`tourIssues.<code>`), with the
 * weekday and session codes in its figures put into words.
 */
import type { TourIssue } from '../../../electron/domain/tours.js';
import { translate, type Locale } from './index.js';

export function weekdayName(locale: Locale, day: string): string {
  return translate(locale, `weekdays.${day}`);
}

export function sessionName(locale: Locale, session: string): string {
  return translate(locale, `sessions.${session}`);
}

const WEEKDAY_LIST = /^(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*$/;

/** The issue's text; a code without one falls back to the code and its rule (never a raw key). */
export function tourIssueText(locale: Locale, issue: TourIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  const sep = locale === 'zh-CN' ? '、' : ', ';
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') continue;
    if (k === 'session') params[k] = sessionName(locale, v);
    else if ((k === 'day' || k === 'dayList' || k === 'allowed' || k === 'days') && WEEKDAY_LIST.test(v)) params[k] = v.split(',').map((d) => weekdayName(locale, d)).join(sep);
  }
  const key = `tourIssues.${issue.code}`;
  const text = translate(locale, key, params);
  return text === key ? `${issue.code}${issue.rule ? ` [${issue.rule}]` : ''}` : text;
}
