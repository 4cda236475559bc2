import type { StateCreator } from 'zustand';
import type { ApiErrorCode, ErrorParams } from '../../../electron/api/errors.js';
import type { Locale } from '../i18n/index.js';
import type { AppState } from './store.js';

export interface ErrorEntry {
  id: number;
  code: ApiErrorCode;
  params: ErrorParams;
}
export interface NoticeEntry {
  id: number;
  /** i18n key of the message. */
  key: string;
  params: Record<string, string | number>;
  /** Parameters that are themselves i18n keys, translated when shown (so a locale switch follows). */
  paramKeys?: Record<string, string>;
}

export interface UiSlice {
  locale: Locale;
  legendVisible: boolean;
  aboutOpen: boolean;
  errors: ErrorEntry[];
  notices: NoticeEntry[];
  cursor: { lng: number; lat: number } | null;
  zoom: number | null;
  setLocaleState(locale: Locale): void;
  setLegendVisible(visible: boolean): void;
  setAboutOpen(open: boolean): void;
  pushError(code: ApiErrorCode, params: ErrorParams): void;
  dismissError(id: number): void;
  pushNotice(key: string, params?: Record<string, string | number>, paramKeys?: Record<string, string>): number;
  dismissNotice(id: number): void;
  setCursor(cursor: { lng: number; lat: number } | null): void;
  setZoom(zoom: number): void;
}

let nextId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  locale: 'zh-CN',
  legendVisible: true,
  aboutOpen: false,
  errors: [],
  notices: [],
  cursor: null,
  zoom: null,
  setLocaleState: (locale) => set({ locale }),
  setLegendVisible: (legendVisible) => set({ legendVisible }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  pushError: (code, params) =>
    set((s) => {
      // The same error twice in a row (e.g. a retried call) shows once.
      const last = s.errors[s.errors.length - 1];
      if (last && last.code === code && JSON.stringify(last.params) === JSON.stringify(params)) return s;
      return { errors: [...s.errors.slice(-4), { id: nextId++, code, params }] };
    }),
  dismissError: (id) => set((s) => ({ errors: s.errors.filter((e) => e.id !== id) })),
  pushNotice: (key, params = {}, paramKeys) => {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.filter((n) => n.key !== key).slice(-3), { id, key, params, paramKeys }] }));
    return id;
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setCursor: (cursor) => set({ cursor }),
  setZoom: (zoom) => set({ zoom }),
});
