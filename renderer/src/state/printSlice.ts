import type { StateCreator } from 'zustand';
import type { PrintLayout } from '../../../electron/domain/print-layout.js';
import type { PrintPageContent } from '../print/PrintPage.js';
import type { AppState } from './store.js';

/** The print layout editor, and the pages mounted for the printer (the print stylesheet shows only those). */
export interface PrintSlice {
  printOpen: boolean;
  printSheets: { layout: PrintLayout; pages: PrintPageContent[] } | null;
  setPrintOpen(open: boolean): void;
  setPrintSheets(sheets: { layout: PrintLayout; pages: PrintPageContent[] } | null): void;
}

export const createPrintSlice: StateCreator<AppState, [], [], PrintSlice> = (set) => ({
  printOpen: false,
  printSheets: null,
  setPrintOpen: (printOpen) => set({ printOpen }),
  setPrintSheets: (printSheets) => set({ printSheets }),
});
