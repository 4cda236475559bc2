/**
 * The bottom dock under the map while a coverage result is shown, in tabs: the village table and
 * the township chart, the planning proposals, the THC support tiers, and the posting roster.
 */
import { useT } from '../app/useT.js';
import { DOCK_TABS, selectShownCoverage, type DockTab } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';
import { TownshipBandChart } from './charts/TownshipBandChart.js';
import { ProposalTable } from './planning/ProposalTable.js';
import { TierTable } from './planning/TierTable.js';
import { RosterPanel } from './scenarios/RosterPanel.js';
import { ToursPanel } from './tours/ToursPanel.js';
import { VillageTable } from './VillageTable.js';

function TabBody({ tab }: { tab: DockTab }) {
  switch (tab) {
    case 'coverage':
      return (
        <>
          <VillageTable />
          <TownshipBandChart />
        </>
      );
    case 'proposals':
      return <ProposalTable />;
    case 'tiers':
      return <TierTable />;
    case 'roster':
      return <RosterPanel />;
    case 'tours':
      return <ToursPanel />;
  }
}

export function AnalysisDock() {
  const t = useT();
  const hasDoc = useAppStore((s) => selectShownCoverage(s) !== null);
  const open = useAppStore((s) => s.analysisDockOpen);
  const tab = useAppStore((s) => s.dockTab);
  const setTab = useAppStore((s) => s.setDockTab);
  const setOpen = useAppStore((s) => s.setAnalysisDockOpen);
  if (!hasDoc || !open) return null;
  return (
    <section className="analysis-dock" data-testid="analysis-dock">
      <div className="dock-tabs" role="tablist">
        {DOCK_TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={k === tab} className={k === tab ? 'dock-tab active' : 'dock-tab'} data-testid={`dock-tab-${k}`} onClick={() => setTab(k)}>
            {t(`analysis.dockTabs.${k}`)}
          </button>
        ))}
      </div>
      <div className="dock-body">
        <TabBody tab={tab} />
      </div>
      <button type="button" className="icon-button dock-close" onClick={() => setOpen(false)} title={t('analysis.hideDock')} aria-label={t('analysis.hideDock')}>
        ×
      </button>
    </section>
  );
}
