/** A village row clicked in a dock table: select the village and fly the map to it. */
import { getMapController } from '../map/mapInstance.js';
import { findFeature } from '../state/derived.js';
import { useAppStore } from '../state/store.js';

export function showVillage(id: number | null): void {
  if (id === null) return;
  const s = useAppStore.getState();
  s.select({ layer: 'villages', id });
  const f = findFeature(s.layers, 'villages', id);
  if (f?.geometry.type === 'Point') getMapController()?.flyTo(f.geometry.coordinates);
}
