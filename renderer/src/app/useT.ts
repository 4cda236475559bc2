import { useCallback } from 'react';
import { translate, type Locale } from '../i18n/index.js';
import { useAppStore } from '../state/store.js';

export type TFunction = (key: string, params?: Record<string, string | number>) => string;

/** The current locale's `translate`, re-rendering the component when the locale changes. */
export function useT(): TFunction {
  const locale = useAppStore((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

export function useLocale(): Locale {
  return useAppStore((s) => s.locale);
}
