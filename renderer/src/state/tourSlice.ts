/**
 * Weekly tour plans (巡诊排班) on screen: the last plan computed for the active scenario, its run
 * status, the depot whose week is shown, the planner's hand edits (re-checked live, kept in the
 * state only: a new plan or a re-plan drops them) and the team-day highlighted on the map.
 */
import type { StateCreator } from 'zustand';
import type { ThcWeekPlan, TourPlanDocument, Weekday } from '../../../electron/domain/tours.js';
import type { AppState } from './store.js';

export type TourStatus = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; ms: number } | { kind: 'error'; message: string };

/** A team-day of the shown depot (the route drawn highlighted on the map). */
export interface TourTeamDay {
  team: number;
  day: Weekday;
}

export type TourView = 'week' | 'higher';

export interface TourSlice {
  tourPlan: TourPlanDocument | null;
  tourStatus: TourStatus;
  /** Depot code (THC or county hospital) whose week is shown. */
  tourThc: string | null;
  /** Hand-edited week plans by depot code (replace the computed plan of that depot on screen). */
  tourEdits: Record<string, ThcWeekPlan>;
  /** Team-day whose route is highlighted (hover / selection in the calendar). */
  tourHighlight: TourTeamDay | null;
  tourView: TourView;
  setTourPlan(plan: TourPlanDocument | null): void;
  setTourStatus(status: TourStatus): void;
  setTourThc(code: string | null): void;
  /** Stores the edited plan of its depot; null drops the edit (还原). */
  setTourEdit(depotCode: string, plan: ThcWeekPlan | null): void;
  setTourHighlight(h: TourTeamDay | null): void;
  setTourView(view: TourView): void;
}

export const createTourSlice: StateCreator<AppState, [], [], TourSlice> = (set) => ({
  tourPlan: null,
  tourStatus: { kind: 'idle' },
  tourThc: null,
  tourEdits: {},
  tourHighlight: null,
  tourView: 'week',
  // A new plan (or none) makes every hand edit stale.
  setTourPlan: (tourPlan) => set({ tourPlan, tourEdits: {}, tourHighlight: null }),
  setTourStatus: (tourStatus) => set({ tourStatus }),
  setTourThc: (tourThc) => set({ tourThc, tourHighlight: null }),
  setTourEdit: (depotCode, plan) =>
    set((s) => {
      const next = { ...s.tourEdits };
      if (plan) next[depotCode] = plan;
      else delete next[depotCode];
      return { tourEdits: next };
    }),
  setTourHighlight: (tourHighlight) => set({ tourHighlight }),
  setTourView: (tourView) => set({ tourView }),
});

/** The week plan shown for a depot: the hand-edited one if any, else the computed one. */
export function selectShownWeekPlan(s: Pick<TourSlice, 'tourPlan' | 'tourThc' | 'tourEdits'>): ThcWeekPlan | null {
  if (!s.tourPlan || !s.tourThc) return null;
  return s.tourEdits[s.tourThc] ?? s.tourPlan.week.find((w) => w.thcCode === s.tourThc) ?? null;
}
