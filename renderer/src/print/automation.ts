/**
 * Headless printing for the CLI (`npm run cli -- print …`): the CLI opens the app in headless
 * Chromium with `?print=<JSON>`; once the project is on the map this shows what the spec asks
 * for (the coverage result, or the proposals map), builds the pages with the editor's code, mounts
 * them for the printer and sets `data-print-state` on <html> to "ready" (or "error" with
 * `data-print-error`). The CLI then prints the page to PDF, or calls `window.ccpPrintPng()`.
 */
import { withPaper, type Orientation, type PaperSize, type PrintLayout } from '../../../electron/domain/print-layout.js';
import type { TravelMode } from '../../../electron/domain/rules.js';
import { api } from '../api/index.js';
import { loadStoredCoverage, runCoverage, setAnalysisMode } from '../analysis/actions.js';
import { errorText } from '../app/errorText.js';
import { translate } from '../i18n/index.js';
import { getMapController } from '../map/mapInstance.js';
import { useAppStore } from '../state/store.js';
import { mountedPageSvgs, mountSheets, svgToPng, toBase64 } from './printExport.js';
import { pagesOf, projectDefaultLayout, renderPages, takePrintSnapshot } from './printJob.js';

export interface PrintAutomationSpec {
  /** A template saved in the project, or "default". */
  layout: string;
  paper?: PaperSize;
  orientation?: Orientation;
  scope: 'county' | 'townships' | 'thcs';
  map: 'coverage' | 'proposals' | 'plain';
  mode?: TravelMode;
  dpi?: number;
}

export const PRINT_PARAM = 'print';

/** The spec in the page's address, or null (the normal app). */
export function printAutomationSpec(search = window.location.search): PrintAutomationSpec | null {
  const raw = new URLSearchParams(search).get(PRINT_PARAM);
  if (!raw) return null;
  try {
    const spec = JSON.parse(raw) as PrintAutomationSpec;
    return typeof spec === 'object' && spec !== null && typeof spec.layout === 'string' ? spec : null;
  } catch {
    return null;
  }
}

const root = () => document.documentElement.dataset;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean, timeoutMessage: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(timeoutMessage);
    await delay(50);
  }
}

/** The map on screen has drawn what the store now holds. */
async function mapSettled(): Promise<void> {
  const map = getMapController()?.map;
  if (!map) return;
  await new Promise((r) => requestAnimationFrame(r));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 30_000);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
    map.triggerRepaint();
  });
}

export async function runPrintAutomation(spec: PrintAutomationSpec): Promise<void> {
  const t = (key: string, params?: Record<string, string | number>) => translate(useAppStore.getState().locale, key, params);
  try {
    await until(() => root().mapReady === 'true' && Boolean(useAppStore.getState().layers.villages), t('print.automation.noProject'));
    const s = useAppStore.getState();
    if (spec.mode && spec.mode !== s.analysisMode) await setAnalysisMode(spec.mode);
    if (spec.map !== 'plain' || spec.scope === 'thcs') {
      // The result stored in the project (what the planner last saw), else a fresh run.
      if (!useAppStore.getState().baseline && !(await loadStoredCoverage())) await runCoverage();
      if (!useAppStore.getState().baseline) throw new Error(useAppStore.getState().errors.map((e) => t(`errors.${e.code}`, e.params)).join(t('print.footer.listSeparator')) || t('print.automation.analysisFailed'));
    }
    useAppStore.getState().setProposalsView(spec.map === 'proposals');
    await mapSettled();

    const snap = takePrintSnapshot();
    if (!snap) throw new Error(t('print.automation.noProject'));
    let layout: PrintLayout;
    if (spec.layout === 'default') {
      layout = projectDefaultLayout(t, snap.summary.title, snap.standards, spec.paper ?? 'A3', spec.orientation ?? 'landscape', spec.map === 'proposals');
    } else {
      const { templates } = await api.getPrintTemplates({});
      const found = templates.find((x) => x.name === spec.layout);
      if (!found) throw new Error(t('print.automation.templateNotFound', { name: spec.layout }));
      layout = found.layout;
      if ((spec.paper && spec.paper !== layout.paper) || (spec.orientation && spec.orientation !== layout.orientation)) {
        layout = withPaper(layout, spec.paper ?? layout.paper, spec.orientation ?? layout.orientation);
      }
    }
    if (spec.dpi) layout = { ...layout, dpi: spec.dpi };

    const specs = pagesOf(snap, spec.scope);
    if (specs.length === 0) throw new Error(t('print.automation.noPages'));
    const pages = await renderPages(snap, layout, specs, layout.dpi, (done, total) => (root().printProgress = `${done}/${total}`));
    await mountSheets(layout, pages);
    (window as { ccpPrintPng?: () => Promise<string[]> }).ccpPrintPng = async () => {
      const out: string[] = [];
      for (const svg of mountedPageSvgs()) out.push(toBase64(await svgToPng(svg, layout, layout.dpi)));
      return out;
    };
    root().printPages = String(pages.length);
    root().printState = 'ready';
  } catch (e) {
    root().printError = errorText(e, t);
    root().printState = 'error';
  }
}
