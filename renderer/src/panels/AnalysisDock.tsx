/** The bottom dock under the map while a coverage result is shown: the village table and the township chart. */
import { useT } from '../app/useT.js';
import { selectShownCoverage } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';
import { TownshipBandChart } from './charts/TownshipBandChart.js';
import { VillageTable } from './VillageTable.js';

export function AnalysisDock() {
  const t = useT();
  const hasDoc = useAppStore((s) => selectShownCoverage(s) !== null);
  const open = useAppStore((s) => s.analysisDockOpen);
  const setOpen = useAppStore((s) => s.setAnalysisDockOpen);
  if (!hasDoc || !open) return null;
  return (
    <section className="analysis-dock" data-testid="analysis-dock">
      <VillageTable />
      <TownshipBandChart />
      <button type="button" className="icon-button dock-close" onClick={() => setOpen(false)} title={t('analysis.hideDock')} aria-label={t('analysis.hideDock')}>
        ×
      </button>
    </section>
  );
}
