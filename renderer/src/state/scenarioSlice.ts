/**
 * Scenarios (方案) and the planner's decisions on proposals: which scenario is active (0: the
 * project as it is), the scenarios stored in the project, and the decisions of the active one.
 * The proposals themselves come with the coverage result (document.planning).
 */
import type { StateCreator } from 'zustand';
import type { ProposalDecision, ScenarioInfo } from '../../../electron/domain/planning.js';
import { BASELINE_SCENARIO_ID } from '../../../electron/domain/planning.js';
import type { AppState } from './store.js';

export interface ScenarioSlice {
  activeScenarioId: number;
  scenarios: ScenarioInfo[];
  /** Decisions of the active scenario, by village code. */
  decisions: Record<string, ProposalDecision>;
  setActiveScenario(id: number): void;
  setScenarios(list: ScenarioInfo[]): void;
  setDecisions(list: ProposalDecision[]): void;
  putDecision(d: ProposalDecision): void;
  dropDecision(villageCode: string): void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  activeScenarioId: BASELINE_SCENARIO_ID,
  scenarios: [],
  decisions: {},
  setActiveScenario: (activeScenarioId) => set({ activeScenarioId, decisions: {} }),
  setScenarios: (scenarios) => set({ scenarios }),
  setDecisions: (list) => set({ decisions: Object.fromEntries(list.map((d) => [d.villageCode, d])) }),
  putDecision: (d) => set((s) => ({ decisions: { ...s.decisions, [d.villageCode]: d } })),
  dropDecision: (code) =>
    set((s) => {
      const { [code]: _dropped, ...rest } = s.decisions;
      return { decisions: rest };
    }),
});
