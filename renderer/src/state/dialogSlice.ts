import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

/** The browser-mode stand-in for a native file dialog: a modal asking for a server-side path. */
export interface PathRequest {
  kind: 'open' | 'save';
  initial: string;
  /** i18n key of the title when not the project's open / save-as (e.g. a template's save). */
  titleKey?: string;
  resolve(path: string | null): void;
}
export interface ConfirmRequest {
  titleKey: string;
  messageKey: string;
  params: Record<string, string | number>;
  confirmKey: string;
  resolve(ok: boolean): void;
}

export interface DialogSlice {
  pathRequest: PathRequest | null;
  confirmRequest: ConfirmRequest | null;
  /** The 报表 (reports) dialog is open. */
  reportsOpen: boolean;
  setReportsOpen(open: boolean): void;
  /** Opens the path modal; resolves with the typed path, or null when cancelled. */
  requestPath(kind: 'open' | 'save', initial: string, titleKey?: string): Promise<string | null>;
  /** Opens a yes/no modal; resolves true when confirmed. */
  requestConfirm(req: Omit<ConfirmRequest, 'resolve'>): Promise<boolean>;
  closePath(path: string | null): void;
  closeConfirm(ok: boolean): void;
}

export const createDialogSlice: StateCreator<AppState, [], [], DialogSlice> = (set, get) => ({
  pathRequest: null,
  confirmRequest: null,
  reportsOpen: false,
  setReportsOpen: (reportsOpen) => set({ reportsOpen }),
  requestPath: (kind, initial, titleKey) =>
    new Promise((resolve) => {
      get().pathRequest?.resolve(null); // a newer request replaces (and cancels) an open one
      set({ pathRequest: { kind, initial, titleKey, resolve } });
    }),
  requestConfirm: (req) =>
    new Promise((resolve) => {
      get().confirmRequest?.resolve(false);
      set({ confirmRequest: { ...req, resolve } });
    }),
  closePath: (path) => {
    const req = get().pathRequest;
    set({ pathRequest: null });
    req?.resolve(path);
  },
  closeConfirm: (ok) => {
    const req = get().confirmRequest;
    set({ confirmRequest: null });
    req?.resolve(ok);
  },
});
