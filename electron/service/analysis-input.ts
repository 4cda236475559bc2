/** Collects the coverage engine's input from an open project (layers, rules, DEM). */
import type { TravelMode } from '../domain/rules.js';
import type { Facility, Road, Village } from '../domain/types.js';
import { roadInputsFromLayer, type AnalysisInput } from '../engine/analysis.js';
import type { ProjectStore } from '../store/project-store.js';

export function analysisInputFromStore(store: ProjectStore, mode: TravelMode): AnalysisInput {
  const records = <T>(layer: 'villages' | 'facilities' | 'roads', geometryField: 'location' | 'coordinates'): T[] =>
    store.getLayer(layer).features.map((f) => ({ ...f.properties, [geometryField]: f.geometry.coordinates }) as T);
  const dem = store.getRaster('dem');
  return {
    villages: records<Village>('villages', 'location'),
    facilities: records<Facility>('facilities', 'location'),
    roads: roadInputsFromLayer(records<Road>('roads', 'coordinates')),
    townships: store.getLayer('townships').features.map((f) => ({ code: f.properties.code, name: f.properties.name })),
    rules: store.ruleValues(),
    mode,
    dem: dem ? { width: dem.width, height: dem.height, west: dem.west, north: dem.north, dx: dem.dx, dy: dem.dy, data: dem.data } : null,
  };
}
