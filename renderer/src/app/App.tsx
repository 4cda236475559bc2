/**
 * The window: menu bar / toolbar on top, layer and analysis panels on the left, the map with
 * legend, hover tooltip and banners in the middle (the village table and chart docked under it
 * while a coverage result is shown), the detail pane on the right, the status bar below.
 */
import { useEffect } from 'react';
import { host } from '../api/index.js';
import { HistoryDialog } from '../import/HistoryDialog.js';
import { handleDroppedFiles } from '../import/importActions.js';
import { ImportWizard } from '../import/ImportWizard.js';
import { MapView } from '../map/MapView.js';
import { AnalysisDock } from '../panels/AnalysisDock.js';
import { AnalysisPanel } from '../panels/AnalysisPanel.js';
import { AddClinicPopover, WhatIfBanner } from '../panels/WhatIfBanner.js';
import { DetailPane } from '../panels/DetailPane.js';
import { HoverTooltip } from '../panels/HoverTooltip.js';
import { LayerPanel } from '../panels/LayerPanel.js';
import { PlanningPanel } from '../panels/planning/PlanningPanel.js';
import { SettingsDialog } from '../panels/planning/SettingsDialog.js';
import { CompareDialog } from '../panels/scenarios/CompareDialog.js';
import { ScenarioPanel } from '../panels/scenarios/ScenarioPanel.js';
import { ReportsDialog } from '../panels/reports/ReportsDialog.js';
import { PrintEditor } from '../print/PrintEditor.js';
import { PrintRoot } from '../print/printExport.js';
import { printAutomationSpec, runPrintAutomation } from '../print/automation.js';
import { Legend } from '../panels/Legend.js';
import { StatusBar } from '../panels/StatusBar.js';
import { useAppStore } from '../state/store.js';
import { bootstrap, dispatchCommand, installShortcuts } from './actions.js';
import { Banners } from './Banners.js';
import { AboutDialog, ConfirmDialog, PathDialog } from './Dialogs.js';
import { MenuBar, Toolbar } from './MenuBar.js';
import { useT } from './useT.js';

export function App() {
  const t = useT();
  const legendVisible = useAppStore((s) => s.legendVisible);
  const printOpen = useAppStore((s) => s.printOpen);
  const browser = host.door === 'browser';

  useEffect(() => {
    void bootstrap();
    // The CLI's headless print (print/automation.ts): the same app, printing what the address asks for.
    const printSpec = printAutomationSpec();
    if (printSpec) void runPrintAutomation(printSpec);
    // Electron: the native menu sends command ids; browser: keyboard shortcuts dispatch them.
    return browser ? installShortcuts() : host.onMenuCommand(dispatchCommand);
  }, [browser]);

  // A file dropped anywhere on the window starts an import (the page must not open the file itself).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      handleDroppedFiles(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <div className={browser ? 'app door-browser' : 'app door-electron'}>
      <header className="app-header">
        {browser && (
          <div className="app-brand" title={t('app.title')}>
            {t('app.title')}
          </div>
        )}
        {browser && <MenuBar />}
        <Toolbar />
      </header>
      <main className="app-main">
        <aside className="side-dock">
          <LayerPanel />
          <AnalysisPanel />
          <ScenarioPanel />
          <PlanningPanel />
        </aside>
        <div className="center-column">
          <div className="map-area">
            <MapView />
            <HoverTooltip />
            <WhatIfBanner />
            <AddClinicPopover />
            <Banners />
            {legendVisible && <Legend />}
          </div>
          <AnalysisDock />
        </div>
        <DetailPane />
      </main>
      <StatusBar />
      {/* Before the path and confirm modals: their saves ask through them in a browser. */}
      {printOpen && <PrintEditor />}
      <ReportsDialog />
      <PathDialog />
      <ConfirmDialog />
      <AboutDialog />
      <ImportWizard />
      <HistoryDialog />
      <SettingsDialog />
      <CompareDialog />
      <PrintRoot />
    </div>
  );
}
