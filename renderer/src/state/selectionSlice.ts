import type { StateCreator } from 'zustand';
import type { LayerName } from '../../../electron/api/schema.js';
import type { AppState } from './store.js';

export interface FeatureRef {
  layer: LayerName;
  id: number;
}
export interface HoverState extends FeatureRef {
  /** Pointer position in map-container pixels. */
  x: number;
  y: number;
}

export interface SelectionSlice {
  selection: FeatureRef | null;
  hover: HoverState | null;
  select(ref: FeatureRef | null): void;
  setHover(hover: HoverState | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  hover: null,
  select: (selection) => set({ selection }),
  setHover: (hover) => set({ hover }),
});
