/**
 * The planner's decisions on proposals (accept / reject / override / undo) and the rules table
 * (save, then re-run the analysis so the proposals follow). Every decision goes through the API
 * first and only then into the store; failures end in the error banner.
 */
import type { ProposalDecision, ServiceMode } from '../../../electron/domain/planning.js';
import type { RuleSetting } from '../../../electron/api/schema.js';
import { runCoverage } from '../analysis/actions.js';
import { api } from '../api/index.js';
import { translate } from '../i18n/index.js';
import { selectShownCoverage } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';
import { reportError } from './actions.js';

const store = useAppStore;

function proposalOf(villageCode: string) {
  return selectShownCoverage(store.getState())?.planning?.villages.find((v) => v.code === villageCode) ?? null;
}

function canDecide(): boolean {
  const s = store.getState();
  return s.summary !== null && !s.summary.readOnly && s.decisionPending === null;
}

export interface DecisionInput {
  action: 'accept' | 'reject' | 'override';
  mode?: ServiceMode | null;
  visitsPerWeek?: number | null;
  postingDaysPerWeek?: number | null;
  reason?: string;
}

/** Records a decision on one village's current proposal; true when stored. */
export async function decideProposal(villageCode: string, input: DecisionInput): Promise<boolean> {
  if (!canDecide()) return false;
  const s = store.getState();
  const proposal = proposalOf(villageCode);
  const scenarioId = s.activeScenarioId;
  s.setDecisionPending(villageCode);
  try {
    const override = input.action === 'override';
    const decision: ProposalDecision = await api.setDecision({
      scenarioId,
      villageCode,
      action: input.action,
      mode: override ? (input.mode ?? null) : null,
      visitsPerWeek: override && input.mode === 'tour' ? (input.visitsPerWeek ?? null) : null,
      postingDaysPerWeek: override && input.mode === 'posting' ? (input.postingDaysPerWeek ?? null) : null,
      reason: input.reason?.trim() ?? '',
      proposedMode: proposal?.mode ?? null,
    });
    const now = store.getState();
    // The scenario was switched meanwhile: its decisions are loaded by the scenarios UI.
    if (now.activeScenarioId !== scenarioId) return true;
    now.putDecision(decision);
    const locale = now.locale;
    const name = proposal?.name ?? villageCode;
    const key = input.action === 'accept' ? 'accepted' : input.action === 'reject' ? 'rejected' : 'overridden';
    now.pushNotice(`planningUi.notices.${key}`, { name, mode: decision.mode ? translate(locale, `serviceModes.${decision.mode}`) : '' });
    return true;
  } catch (e) {
    reportError(e);
    return false;
  } finally {
    store.getState().setDecisionPending(null);
  }
}

export function acceptProposal(villageCode: string): Promise<boolean> {
  return decideProposal(villageCode, { action: 'accept' });
}

/** Removes the decision on a village (back to the proposal). */
export async function clearProposalDecision(villageCode: string): Promise<boolean> {
  if (!canDecide()) return false;
  const s = store.getState();
  const scenarioId = s.activeScenarioId;
  s.setDecisionPending(villageCode);
  try {
    await api.clearDecision({ scenarioId, villageCode });
    const now = store.getState();
    if (now.activeScenarioId !== scenarioId) return true;
    now.dropDecision(villageCode);
    now.pushNotice('planningUi.notices.cleared', { name: proposalOf(villageCode)?.name ?? villageCode });
    return true;
  } catch (e) {
    reportError(e);
    return false;
  } finally {
    store.getState().setDecisionPending(null);
  }
}

export function openDecisionDialog(villageCode: string, action: 'reject' | 'override'): void {
  if (!canDecide()) return;
  store.getState().setDecisionDialog({ villageCode, action });
}

// ---- rules table ----------------------------------------------------------------------------------

export function openSettings(): void {
  store.getState().setSettingsOpen(true);
}

export async function loadRuleSettings(): Promise<RuleSetting[]> {
  return api.getSettings({});
}

/**
 * Saves the changed rule values (all or nothing: the API checks every value and the order of
 * pairs) and re-runs the analysis so the proposals follow. Throws the API error for the dialog.
 */
export async function saveRuleValues(values: Record<string, number | string>): Promise<RuleSetting[] | null> {
  const n = Object.keys(values).length;
  if (n === 0) {
    store.getState().pushNotice('planningUi.notices.rulesUnchanged');
    return null;
  }
  const settings = await api.setRuleValues({ values });
  store.getState().pushNotice('planningUi.notices.rulesSaved', { n });
  if (store.getState().summary) void runCoverage();
  return settings;
}
