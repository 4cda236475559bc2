/**
 * Effects of the tour screen: open the tab (and plan when there is no plan yet), save the team
 * set-up of a depot or the allowed days of a village and re-plan, export the tour files.
 */
import type { ThcTourConfig, VillageTourConstraint, Weekday } from '../../../../electron/domain/tours.js';
import { api, host, rememberPath } from '../../api/index.js';
import { siblingPath } from '../../api/paths.js';
import { reportError } from '../../app/actions.js';
import { runTours } from '../../analysis/actions.js';
import { translate } from '../../i18n/index.js';
import { selectShownCoverage } from '../../state/analysisSlice.js';
import { useAppStore } from '../../state/store.js';

const store = useAppStore;

/** 分析 → 巡诊排班: shows the tours tab; plans the tours when none is on screen. */
export function openTours(): void {
  const s = store.getState();
  s.setAnalysisDockOpen(true);
  s.setDockTab('tours');
  if (!s.tourPlan && s.tourStatus.kind !== 'running' && selectShownCoverage(s)?.planning) void runTours();
}

/** Stores a depot's team set-up (one undoable change) and re-plans. */
export async function saveTeamConfig(config: ThcTourConfig, name: string): Promise<boolean> {
  try {
    await api.setTourConfig({ thcs: [config] });
  } catch (e) {
    reportError(e);
    return false;
  }
  store.getState().pushNotice('toursUi.settings.saved', { name });
  void runTours();
  return true;
}

/** Stores the allowed tour days of villages (null: any working day), keeping their venues, and re-plans. */
export async function saveVillageDays(villageCodes: string[], allowedDays: Weekday[] | null): Promise<boolean> {
  try {
    const stored = await api.getTourConfig({});
    const entries: VillageTourConstraint[] = villageCodes.map((villageCode) => ({
      villageCode,
      allowedDays,
      venueCode: stored.villages.find((v) => v.villageCode === villageCode)?.venueCode ?? null,
    }));
    await api.setTourConfig({ villages: entries });
  } catch (e) {
    reportError(e);
    return false;
  }
  void runTours();
  return true;
}

let lastDir = '';

/** 导出排班…: asks for a folder (native save dialog or the path modal) and writes the tour files there. */
export async function exportTours(): Promise<string[] | null> {
  const s = store.getState();
  const plan = s.tourPlan;
  if (!plan) return null;
  const name = translate(s.locale, 'toursUi.export.folderName');
  let dir: string | null;
  if (host.door === 'browser') {
    let start = lastDir;
    try {
      start ||= siblingPath(window.localStorage.getItem('ccp.lastPath') ?? '', name);
    } catch {
      start ||= name;
    }
    dir = await s.requestPath('save', start, 'toursUi.export.title');
    if (dir) rememberPath(dir);
  } else dir = await host.showOpenDialog('folder');
  if (!dir) return null;
  lastDir = dir;
  try {
    const out = await api.planTours({ mode: plan.mode as Parameters<typeof api.planTours>[0]['mode'], scenarioId: s.activeScenarioId, outDir: dir });
    store.getState().pushNotice('toursUi.export.written', { n: out.files.length, dir });
    return out.files;
  } catch (e) {
    reportError(e);
    return null;
  }
}
