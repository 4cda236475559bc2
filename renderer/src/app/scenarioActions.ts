/**
 * The effects behind the scenario panel, the scenario edits, the roster panel and the comparison:
 * load the project's scenarios when it opens, switch the active scenario (its decisions, then a
 * fresh analysis of it), create / rename / delete, save an edited payload and re-run, turn the
 * what-if session into scenario edits, load the roster. Failures go to the error banner.
 */
import { translate } from '../i18n/index.js';
import { ApiError } from '../../../electron/api/errors.js';
import { applyScenario, BASELINE_SCENARIO_ID, type ScenarioInfo, type ScenarioPayload } from '../../../electron/domain/planning.js';
import { leaveWhatIf, runCoverage } from '../analysis/actions.js';
import { facilitiesFromLayer, villagesFromLayer } from '../analysis/input.js';
import { api } from '../api/index.js';
import { whatIfToPayload } from '../panels/scenarios/payload.js';
import { selectActiveScenario } from '../state/scenarioSlice.js';
import { useAppStore } from '../state/store.js';

const store = useAppStore;

function report(e: unknown): void {
  if (e instanceof ApiError) store.getState().pushError(e.code, e.params);
  else store.getState().pushError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
  console.error(e);
}

/** Runs a scenario operation with the panel's busy flag on; failures go to the banner. */
async function guarded<T>(op: () => Promise<T>): Promise<T | undefined> {
  store.getState().setScenarioBusy(true);
  try {
    return await op();
  } catch (e) {
    report(e);
    return undefined;
  } finally {
    store.getState().setScenarioBusy(false);
  }
}

// ---- project open ------------------------------------------------------------------------------

/** The scenarios stored in the open project (the baseline is not among them). */
export async function loadScenarios(): Promise<void> {
  const seq = store.getState().openedSeq;
  try {
    const list = await api.getScenarios({});
    if (store.getState().openedSeq === seq) store.getState().setScenarios(list);
  } catch (e) {
    report(e);
  }
}

async function loadDecisions(scenarioId: number): Promise<void> {
  const seq = store.getState().openedSeq;
  const list = await api.getDecisions({ scenarioId });
  const now = store.getState();
  if (now.openedSeq === seq && now.activeScenarioId === scenarioId) now.setDecisions(list);
}

/**
 * A project was opened: back to its baseline (synchronously, before its analysis is loaded), then
 * its scenario list and the baseline's decisions.
 */
function onProjectOpened(): void {
  const s = store.getState();
  s.setActiveScenario(BASELINE_SCENARIO_ID);
  s.setScenarios([]);
  s.setPostings(null);
  s.setCompareOpen(false);
  void loadScenarios();
  void loadDecisions(BASELINE_SCENARIO_ID).catch(report);
}

/**
 * The open project's data was reloaded in place (an import, undo or redo — scenario changes and
 * decisions are in the change log too): the scenario list, the roster and the active scenario's
 * decisions again; a scenario that is gone is left for the baseline.
 */
async function onProjectReloaded(): Promise<void> {
  const hadPostings = store.getState().postings !== null;
  store.getState().setPostings(null);
  if (hadPostings) void loadPostings();
  await loadScenarios();
  const s = store.getState();
  if (s.activeScenarioId !== BASELINE_SCENARIO_ID && !s.scenarios.some((x) => x.id === s.activeScenarioId)) s.setActiveScenario(BASELINE_SCENARIO_ID);
  await loadDecisions(store.getState().activeScenarioId).catch(report);
}

let installed = false;
/** Follows project opens (openedSeq) and reloads (a new summary); installed once, when this module is first imported. */
export function installScenarioSync(): void {
  if (installed) return;
  installed = true;
  store.subscribe((s, prev) => {
    if (s.openedSeq !== prev.openedSeq) onProjectOpened();
    else if (s.summary !== prev.summary && s.summary !== null && prev.summary !== null) void onProjectReloaded();
  });
}
installScenarioSync();

// ---- switching and managing ----------------------------------------------------------------------

/** 设为当前: the scenario's decisions, then its analysis (the analysis reads the active scenario). */
export async function activateScenario(id: number): Promise<void> {
  const s = store.getState();
  if (s.whatIf.active) leaveWhatIf();
  if (s.activeScenarioId !== id) {
    s.setActiveScenario(id);
    try {
      await loadDecisions(id);
    } catch (e) {
      report(e);
    }
  }
  if (store.getState().activeScenarioId === id) await runCoverage();
}

/** 新建方案: a copy of the active scenario (its edits and decisions), made the active one. */
export async function createScenario(name: string): Promise<ScenarioInfo | undefined> {
  const copyOf = store.getState().activeScenarioId;
  const info = await guarded(() => api.createScenario({ name, copyOf }));
  if (!info) return undefined;
  store.getState().putScenario(info);
  store.getState().pushNotice('scenariosUi.notices.created', { name: info.name });
  await activateScenario(info.id);
  return info;
}

export async function renameScenario(id: number, name: string): Promise<void> {
  const info = await guarded(() => api.updateScenario({ id, name }));
  if (info) store.getState().putScenario(info);
}

/** 删除 (after a confirmation); deleting the active scenario goes back to the baseline. */
export async function deleteScenario(id: number): Promise<void> {
  const target = store.getState().scenarios.find((x) => x.id === id);
  if (!target) return;
  const ok = await store.getState().requestConfirm({
    titleKey: 'scenariosUi.panel.deleteTitle',
    messageKey: 'scenariosUi.panel.deleteMessage',
    params: { name: target.name },
    confirmKey: 'scenariosUi.panel.delete',
  });
  if (!ok) return;
  const done = await guarded(() => api.deleteScenario({ id }));
  if (!done) return;
  const s = store.getState();
  s.setScenarios(s.scenarios.filter((x) => x.id !== id));
  s.pushNotice('scenariosUi.notices.deleted', { name: target.name });
  if (s.activeScenarioId === id) await activateScenario(BASELINE_SCENARIO_ID);
}

// ---- editing the active scenario ---------------------------------------------------------------

/**
 * Saves a new payload for the active stored scenario and re-runs its analysis. `edit` gets the
 * current payload; returning it unchanged saves nothing.
 */
export async function editActiveScenario(edit: (payload: ScenarioPayload) => ScenarioPayload, opts: { rerun?: boolean } = {}): Promise<boolean> {
  const active = selectActiveScenario(store.getState());
  if (!active) {
    store.getState().pushNotice('scenariosUi.notices.baselineReadOnly');
    return false;
  }
  const payload = edit(active.payload);
  if (JSON.stringify(payload) === JSON.stringify(active.payload)) return false;
  const info = await guarded(() => api.updateScenario({ id: active.id, payload }));
  if (!info) return false;
  store.getState().putScenario(info);
  if (opts.rerun !== false && store.getState().activeScenarioId === info.id) await runCoverage();
  return true;
}

/**
 * 存入方案: the what-if moves and added clinics become facility edits of the active scenario; the
 * what-if session ends and the scenario is analysed.
 */
export async function saveWhatIfToScenario(): Promise<void> {
  const s = store.getState();
  const active = selectActiveScenario(s);
  if (!active) {
    s.pushNotice('scenariosUi.notices.baselineReadOnly');
    return;
  }
  // The what-if session ran on the scenario's facilities: the ids of the ones it added come from applyScenario.
  const facilities = applyScenario(facilitiesFromLayer(s.layers.facilities), [], active.payload).facilities;
  const villages = villagesFromLayer(s.layers.villages);
  const clinicName = (v: { name: string }) => translate(s.locale, 'scenariosUi.facility.clinicName', { village: v.name });
  const result = whatIfToPayload(active.payload, { moved: s.whatIf.moved, added: s.whatIf.added }, facilities, villages, clinicName);
  if (result.moved + result.added === 0) return;
  leaveWhatIf();
  const saved = await editActiveScenario(() => result.payload);
  if (saved) store.getState().pushNotice('scenariosUi.notices.whatIfSaved', { moved: result.moved, added: result.added, name: active.name });
}

// ---- roster and comparison -----------------------------------------------------------------------

/** The project's roster (before scenario edits), for the roster panel. */
export async function loadPostings(): Promise<void> {
  const seq = store.getState().openedSeq;
  try {
    const list = await api.getPostings({});
    if (store.getState().openedSeq === seq) store.getState().setPostings(list);
  } catch (e) {
    report(e);
  }
}

export function openCompare(): void {
  store.getState().setCompareOpen(true);
}

export { report as reportScenarioError };
