import type { StateCreator } from 'zustand';
import type { ChangeSummary } from '../../../electron/api/schema.js';
import type { AppState } from './store.js';

/** The import wizard is open (with a path to start from) and the history dialog. */
export interface ImportSlice {
  /** Open wizard: the path field's starting value (a dropped file's name, or the last path). */
  importRequest: { initialPath: string; seq: number } | null;
  historyOpen: boolean;
  history: ChangeSummary[] | null;
  openImportWizard(initialPath: string): void;
  closeImportWizard(): void;
  setHistoryOpen(open: boolean): void;
  setHistory(history: ChangeSummary[] | null): void;
}

let seq = 0;

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set) => ({
  importRequest: null,
  historyOpen: false,
  history: null,
  openImportWizard: (initialPath) => set({ importRequest: { initialPath, seq: ++seq } }),
  closeImportWizard: () => set({ importRequest: null }),
  setHistoryOpen: (historyOpen) => set({ historyOpen }),
  setHistory: (history) => set({ history }),
});
