/**
 * UI state of the planning proposals: the proposals map on/off, the proposal table's filter and
 * sort, the decision dialog (reject / override of one village), and the settings dialog. The
 * proposals come with the coverage result; the decisions live in scenarioSlice.
 */
import type { StateCreator } from 'zustand';
import {
  EMPTY_PROPOSAL_FILTER,
  nextSort,
  type ProposalFilter,
  type ProposalSort,
  type ProposalSortKey,
} from '../panels/planning/proposalModel.js';
import type { AppState } from './store.js';

/** The reject or override dialog of one village. */
export interface DecisionDialogState {
  villageCode: string;
  action: 'reject' | 'override';
}

export interface PlanningSlice {
  /** The map styles villages by service mode, draws merges and THC tiers (规划建议图). */
  proposalsView: boolean;
  proposalFilter: ProposalFilter;
  proposalSort: ProposalSort;
  decisionDialog: DecisionDialogState | null;
  /** Village code whose decision is being sent, or null. */
  decisionPending: string | null;
  settingsOpen: boolean;
  setProposalsView(on: boolean): void;
  setProposalFilter(update: Partial<ProposalFilter>): void;
  sortProposalsBy(key: ProposalSortKey): void;
  setDecisionDialog(d: DecisionDialogState | null): void;
  setDecisionPending(code: string | null): void;
  setSettingsOpen(open: boolean): void;
}

export const createPlanningSlice: StateCreator<AppState, [], [], PlanningSlice> = (set) => ({
  proposalsView: false,
  proposalFilter: EMPTY_PROPOSAL_FILTER,
  proposalSort: { key: 'code', dir: 'asc' },
  decisionDialog: null,
  decisionPending: null,
  settingsOpen: false,
  setProposalsView: (proposalsView) => set({ proposalsView }),
  setProposalFilter: (update) => set((s) => ({ proposalFilter: { ...s.proposalFilter, ...update } })),
  sortProposalsBy: (key) => set((s) => ({ proposalSort: nextSort(s.proposalSort, key) })),
  setDecisionDialog: (decisionDialog) => set({ decisionDialog }),
  setDecisionPending: (decisionPending) => set({ decisionPending }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
});
