/**
 * Message lookup shared by the renderer, the Electron menu and the CLI. Pure data + one
 * function; no DOM or Node imports so every side can use it.
 */
import { zhCN, type Messages } from './zh-CN.js';
import { en } from './en.js';

export type Locale = 'zh-CN' | 'en';
export const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
export type { Messages };

/** Looks up a dotted key ("errors.FILE_NOT_FOUND") and fills {placeholders}. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const found = lookup(catalogs[locale], key) ?? lookup(catalogs['zh-CN'], key);
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

function lookup(obj: unknown, key: string): unknown {
  let cur: unknown = obj;
  for (const part of key.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
