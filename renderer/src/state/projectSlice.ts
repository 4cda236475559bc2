import type { StateCreator } from 'zustand';
import type { AppInfo, BasemapInfo, ProjectSummary } from '../../../electron/api/schema.js';
import type { AppState } from './store.js';

export interface ProjectSlice {
  summary: ProjectSummary | null;
  /** Increments each time a project is opened (or re-opened after save-as): the map fits to it. */
  openedSeq: number;
  basemap: BasemapInfo | null;
  /** True once getBasemapInfo has answered (or failed): the map waits for it. */
  basemapChecked: boolean;
  appInfo: AppInfo | null;
  /** Number of project operations in flight (open, save, layer loading). */
  busy: number;
  projectOpened(summary: ProjectSummary): void;
  setSummary(summary: ProjectSummary | null): void;
  setBasemap(info: BasemapInfo | null): void;
  setAppInfo(info: AppInfo | null): void;
  beginBusy(): void;
  endBusy(): void;
}

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set) => ({
  summary: null,
  openedSeq: 0,
  basemap: null,
  basemapChecked: false,
  appInfo: null,
  busy: 0,
  projectOpened: (summary) => set((s) => ({ summary, openedSeq: s.openedSeq + 1, selection: null, hover: null })),
  setSummary: (summary) => set({ summary }),
  setBasemap: (basemap) => set({ basemap, basemapChecked: true }),
  setAppInfo: (appInfo) => set({ appInfo }),
  beginBusy: () => set((s) => ({ busy: s.busy + 1 })),
  endBusy: () => set((s) => ({ busy: Math.max(0, s.busy - 1) })),
});
