/**
 * Weekly tour plans (巡诊排班) on screen: the last plan computed for the active scenario, its run
 * status, the THC whose week is shown, and the planner's hand edits (re-checked live).
 */
import type { StateCreator } from 'zustand';
import type { TourPlanDocument } from '../../../electron/domain/tours.js';
import type { AppState } from './store.js';

export type TourStatus = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; ms: number } | { kind: 'error'; message: string };

export interface TourSlice {
  tourPlan: TourPlanDocument | null;
  tourStatus: TourStatus;
  /** Depot code (THC or county hospital) whose week is shown. */
  tourThc: string | null;
  setTourPlan(plan: TourPlanDocument | null): void;
  setTourStatus(status: TourStatus): void;
  setTourThc(code: string | null): void;
}

export const createTourSlice: StateCreator<AppState, [], [], TourSlice> = (set) => ({
  tourPlan: null,
  tourStatus: { kind: 'idle' },
  tourThc: null,
  setTourPlan: (tourPlan) => set({ tourPlan }),
  setTourStatus: (tourStatus) => set({ tourStatus }),
  setTourThc: (tourThc) => set({ tourThc }),
});
