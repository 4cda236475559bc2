/**
 * The renderer's one zustand store, assembled from slices (project, layers, selection, ui,
 * dialogs, analysis). Derived values (blank villages, counts, label points) live in derived.ts.
 */
import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice.js';
import { createDialogSlice, type DialogSlice } from './dialogSlice.js';
import { createImportSlice, type ImportSlice } from './importSlice.js';
import { createLayersSlice, type LayersSlice } from './layersSlice.js';
import { createProjectSlice, type ProjectSlice } from './projectSlice.js';
import { createPlanningSlice, type PlanningSlice } from './planningSlice.js';
import { createPrintSlice, type PrintSlice } from './printSlice.js';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.js';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.js';
import { createTourSlice, type TourSlice } from './tourSlice.js';
import { createUiSlice, type UiSlice } from './uiSlice.js';

export type AppState = ProjectSlice & LayersSlice & SelectionSlice & UiSlice & DialogSlice & AnalysisSlice & ImportSlice & ScenarioSlice & PlanningSlice & TourSlice & PrintSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createProjectSlice(...a),
  ...createLayersSlice(...a),
  ...createSelectionSlice(...a),
  ...createUiSlice(...a),
  ...createDialogSlice(...a),
  ...createAnalysisSlice(...a),
  ...createImportSlice(...a),
  ...createScenarioSlice(...a),
  ...createPlanningSlice(...a),
  ...createTourSlice(...a),
  ...createPrintSlice(...a),
}));
