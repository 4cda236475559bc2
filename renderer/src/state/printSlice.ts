import type { StateCreator } from 'zustand';
import type { PrintLayout } from '../../../electron/domain/print-layout.js';
import type { PrintPageContent } from '../print/PrintPage.js';
import type { AppState } from './store.js';

/** The print layout editor, and the pages mounted for the printer (the print stylesheet shows only those). */
/** The editor's work in progress, kept while the window is open (closing the editor to change the map loses nothing). */
export interface PrintDraft {
  projectPath: string;
  layout: PrintLayout;
  templateName: string;
  scope: string;
}

export interface PrintSlice {
  printOpen: boolean;
  printDraft: PrintDraft | null;
  setPrintDraft(draft: PrintDraft | null): void;
  printSheets: { layout: PrintLayout; pages: PrintPageContent[] } | null;
  setPrintOpen(open: boolean): void;
  setPrintSheets(sheets: { layout: PrintLayout; pages: PrintPageContent[] } | null): void;
}

export const createPrintSlice: StateCreator<AppState, [], [], PrintSlice> = (set) => ({
  printOpen: false,
  printDraft: null,
  setPrintDraft: (printDraft) => set({ printDraft }),
  printSheets: null,
  setPrintOpen: (printOpen) => set({ printOpen }),
  setPrintSheets: (printSheets) => set({ printSheets }),
});
