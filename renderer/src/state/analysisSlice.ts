/**
 * The coverage analysis as the UI sees it: travel mode and facility group, the run status, the
 * baseline result (fresh or loaded from the project), the what-if scenario (never saved), and
 * the village table's filters and sort. Derived values (the shown document, map features, table
 * rows, totals) are computed in analysis/*.ts, not stored.
 */
import type { PlanningDocument } from '../../../electron/domain/planning.js';
import type { StateCreator } from 'zustand';
import type { CoverageDocument } from '../../../electron/api/schema.js';
import type { TravelMode } from '../../../electron/domain/rules.js';
import type { LngLat } from '../../../electron/domain/types.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import type { AppState } from './store.js';

export type AnalysisStatus =
  | { kind: 'idle' }
  | { kind: 'running'; fraction: number; stage: string }
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export interface BaselineCoverage {
  document: CoverageDocument;
  /** ISO time the result was stored in the project; null when it could not be saved. */
  computedAt: string | null;
  /** Fresh from a run in this session, or loaded from the project file. */
  origin: 'run' | 'stored';
  /** For a fresh run: milliseconds from the command to the result, and the worker's share. */
  timing?: { totalMs: number; workerMs: number };
}

export interface AddedClinic {
  villageCode: string;
  location: LngLat;
}

export interface WhatIfState {
  active: boolean;
  /** The session's latest output; null until the session is open. */
  document: CoverageDocument | null;
  /** Facility id → dragged position. */
  moved: Record<number, LngLat>;
  added: AddedClinic[];
  /** Requests waiting or in flight in the worker. */
  pending: boolean;
  /** Round-trip milliseconds of the latest update (shown in the banner), and the worker's share of it. */
  lastMs: number | null;
  lastWorkerMs: number | null;
}

export type TableSortKey =
  | 'name'
  | 'township'
  | 'population'
  | 'blank'
  | 'minutes.clinic'
  | 'minutes.thc'
  | 'minutes.county'
  | 'access.clinic'
  | 'access.thc';

export interface TableFilter {
  blankOnly: boolean;
  beyondOnly: boolean;
  /** 9-digit township code, or null for all. */
  township: string | null;
}

export interface TableSort {
  key: TableSortKey;
  dir: 'asc' | 'desc';
}

/** A click on a village in what-if mode: offer to add a clinic there. */
export interface AddClinicPrompt {
  villageCode: string;
  x: number;
  y: number;
}

export const EMPTY_WHAT_IF: WhatIfState = { active: false, document: null, moved: {}, added: [], pending: false, lastMs: null, lastWorkerMs: null };

/** Tabs of the bottom dock: coverage table + chart, proposals, THC tiers, posting roster, weekly tours. */
export const DOCK_TABS = ['coverage', 'proposals', 'tiers', 'roster', 'tours'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

export interface AnalysisSlice {
  analysisMode: TravelMode;
  analysisGroup: FacilityGroup;
  analysisStatus: AnalysisStatus;
  baseline: BaselineCoverage | null;
  whatIf: WhatIfState;
  tableFilter: TableFilter;
  tableSort: TableSort;
  /** The bottom dock with the village table and the chart. */
  analysisDockOpen: boolean;
  /** Which tab of the bottom dock is shown. */
  dockTab: DockTab;
  addClinicPrompt: AddClinicPrompt | null;
  setAnalysisMode(mode: TravelMode): void;
  setAnalysisGroup(group: FacilityGroup): void;
  setAnalysisStatus(status: AnalysisStatus): void;
  setBaseline(baseline: BaselineCoverage | null): void;
  setWhatIf(update: Partial<WhatIfState>): void;
  resetWhatIfState(): void;
  setTableFilter(update: Partial<TableFilter>): void;
  /** Sorts by `key`; the same key again flips the direction. */
  sortTableBy(key: TableSortKey): void;
  setAnalysisDockOpen(open: boolean): void;
  setDockTab(tab: DockTab): void;
  setAddClinicPrompt(prompt: AddClinicPrompt | null): void;
  /** A project was opened: forget everything of the previous one (keep the mode and group). */
  clearAnalysis(): void;
}

/** Columns that read best largest first on the first click. */
const DESC_FIRST: ReadonlySet<TableSortKey> = new Set(['population', 'minutes.clinic', 'minutes.thc', 'minutes.county', 'blank']);

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  analysisMode: 'car',
  analysisGroup: 'clinic',
  analysisStatus: { kind: 'idle' },
  baseline: null,
  whatIf: EMPTY_WHAT_IF,
  tableFilter: { blankOnly: false, beyondOnly: false, township: null },
  tableSort: { key: 'minutes.clinic', dir: 'desc' },
  analysisDockOpen: true,
  dockTab: 'coverage',
  addClinicPrompt: null,
  setAnalysisMode: (analysisMode) => set({ analysisMode }),
  setAnalysisGroup: (analysisGroup) => set({ analysisGroup }),
  setAnalysisStatus: (analysisStatus) => set({ analysisStatus }),
  setBaseline: (baseline) => set({ baseline }),
  setWhatIf: (update) => set((s) => ({ whatIf: { ...s.whatIf, ...update } })),
  resetWhatIfState: () => set({ whatIf: EMPTY_WHAT_IF, addClinicPrompt: null }),
  setTableFilter: (update) => set((s) => ({ tableFilter: { ...s.tableFilter, ...update } })),
  sortTableBy: (key) =>
    set((s) => ({
      tableSort:
        s.tableSort.key === key ? { key, dir: s.tableSort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: DESC_FIRST.has(key) ? 'desc' : 'asc' },
    })),
  setAnalysisDockOpen: (analysisDockOpen) => set({ analysisDockOpen }),
  setDockTab: (dockTab) => set({ dockTab, analysisDockOpen: true }),
  setAddClinicPrompt: (addClinicPrompt) => set({ addClinicPrompt }),
  clearAnalysis: () =>
    set({
      analysisStatus: { kind: 'idle' },
      baseline: null,
      whatIf: EMPTY_WHAT_IF,
      addClinicPrompt: null,
      tableFilter: { blankOnly: false, beyondOnly: false, township: null },
    }),
});

/** The coverage result on screen: the what-if scenario's while it is active, else the baseline. */
export function selectShownCoverage(s: Pick<AnalysisSlice, 'whatIf' | 'baseline'>): CoverageDocument | null {
  if (s.whatIf.active && s.whatIf.document) return s.whatIf.document;
  return s.baseline?.document ?? null;
}

/**
 * The planning proposals on screen: those of the last full run. What-if edits recompute coverage
 * only, so while one is under way the proposals stay those of the run it started from.
 */
export function selectPlanning(s: Pick<AnalysisSlice, 'whatIf' | 'baseline'>): PlanningDocument | null {
  return selectShownCoverage(s)?.planning ?? s.baseline?.document.planning ?? null;
}
