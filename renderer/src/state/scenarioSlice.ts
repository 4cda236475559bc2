/**
 * Scenarios (方案) and the planner's decisions on proposals: which scenario is active (0: the
 * project as it is), the scenarios stored in the project, and the decisions of the active one.
 * The proposals themselves come with the coverage result (document.planning). Also the project's
 * posting roster as loaded for the roster panel, and whether the scenario comparison is open.
 */
import type { StateCreator } from 'zustand';
import type { ProposalDecision, ScenarioInfo } from '../../../electron/domain/planning.js';
import { BASELINE_SCENARIO_ID } from '../../../electron/domain/planning.js';
import type { Posting } from '../../../electron/domain/types.js';
import type { AppState } from './store.js';

export interface ScenarioSlice {
  activeScenarioId: number;
  scenarios: ScenarioInfo[];
  /** Decisions of the active scenario, by village code. */
  decisions: Record<string, ProposalDecision>;
  /** The project's roster as stored (api.getPostings), before any scenario edit; null until loaded. */
  postings: Posting[] | null;
  /** The 方案比较 dialog is open. */
  compareOpen: boolean;
  /** A scenario operation (create, rename, delete, save an edit) is in flight. */
  scenarioBusy: boolean;
  setActiveScenario(id: number): void;
  setScenarios(list: ScenarioInfo[]): void;
  /** Replaces one stored scenario (after an update) or appends it (after a create). */
  putScenario(info: ScenarioInfo): void;
  setDecisions(list: ProposalDecision[]): void;
  putDecision(d: ProposalDecision): void;
  dropDecision(villageCode: string): void;
  setPostings(list: Posting[] | null): void;
  setCompareOpen(open: boolean): void;
  setScenarioBusy(busy: boolean): void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  activeScenarioId: BASELINE_SCENARIO_ID,
  scenarios: [],
  decisions: {},
  postings: null,
  compareOpen: false,
  scenarioBusy: false,
  setActiveScenario: (activeScenarioId) => set({ activeScenarioId, decisions: {} }),
  setScenarios: (scenarios) => set({ scenarios }),
  putScenario: (info) =>
    set((s) => {
      const i = s.scenarios.findIndex((x) => x.id === info.id);
      if (i < 0) return { scenarios: [...s.scenarios, info] };
      const scenarios = s.scenarios.slice();
      scenarios[i] = info;
      return { scenarios };
    }),
  setDecisions: (list) => set({ decisions: Object.fromEntries(list.map((d) => [d.villageCode, d])) }),
  putDecision: (d) => set((s) => ({ decisions: { ...s.decisions, [d.villageCode]: d } })),
  dropDecision: (code) =>
    set((s) => {
      const { [code]: _dropped, ...rest } = s.decisions;
      return { decisions: rest };
    }),
  setPostings: (postings) => set({ postings }),
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  setScenarioBusy: (scenarioBusy) => set({ scenarioBusy }),
});

/** The active stored scenario, or null for the baseline (or when the list is not loaded yet). */
export function selectActiveScenario(s: Pick<ScenarioSlice, 'activeScenarioId' | 'scenarios'>): ScenarioInfo | null {
  if (s.activeScenarioId === BASELINE_SCENARIO_ID) return null;
  return s.scenarios.find((x) => x.id === s.activeScenarioId) ?? null;
}
