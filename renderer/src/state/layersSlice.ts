import type { StateCreator } from 'zustand';
import type { LayerName } from '../../../electron/api/schema.js';
import type { LayerData } from './derived.js';
import type { AppState } from './store.js';

/** What the layer panel can switch: the basemap, each project layer and the coverage analysis layers. */
export type LayerToggle = 'basemap' | LayerName | AnalysisLayerToggle;
export type AnalysisLayerToggle = 'coverage' | 'isochrones';
/** Shown at the top of the layer panel while a coverage result is on the map. */
export const ANALYSIS_TOGGLES: readonly AnalysisLayerToggle[] = ['coverage', 'isochrones'];
/** Drawing order of the panel, top first (as in a desktop GIS table of contents). */
export const LAYER_TOGGLES: readonly ('basemap' | LayerName)[] = ['facilities', 'villages', 'roads', 'village_areas', 'townships', 'basemap'];
/** Project layers loaded from the API, in the order they are fetched. */
export const PROJECT_LAYERS = ['townships', 'village_areas', 'roads', 'villages', 'facilities'] as const satisfies readonly LayerName[];

export interface LayersSlice {
  layers: LayerData;
  visibility: Record<LayerToggle, boolean>;
  setLayers(layers: LayerData): void;
  setVisible(layer: LayerToggle, visible: boolean): void;
}

export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  layers: {},
  visibility: { basemap: true, townships: true, village_areas: true, roads: true, villages: true, facilities: true, coverage: true, isochrones: true },
  setLayers: (layers) => set({ layers }),
  setVisible: (layer, visible) => set((s) => ({ visibility: { ...s.visibility, [layer]: visible } })),
});
