/** Polygon intersection (via turf / polyclip-ts) in the local frame; not a hot path. */
import { featureCollection, intersect, multiPolygon } from '@turf/turf';
import type { P } from './geometry.js';

/** Intersection of two MultiPolygons (rings closed, outer ring first); [] when they do not overlap. */
export function intersectPolygons(a: P[][][], b: P[][][]): P[][][] {
  const out = intersect(featureCollection([multiPolygon(a), multiPolygon(b)]));
  if (!out) return [];
  const g = out.geometry;
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as P[][][];
}
