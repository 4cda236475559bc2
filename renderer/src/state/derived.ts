/**
 * Values derived from the loaded layers: computed on demand, never stored, so they cannot drift
 * from the data they come from. Pure functions, unit-tested.
 */
import { clinicQualification, type DoctorQualification } from '../../../electron/domain/types.js';
import { interiorPoint } from '../../../electron/domain/geometry.js';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LayerName,
  LayerProperties,
  Position,
} from '../../../electron/api/schema.js';

export type LayerFC<K extends LayerName> = FeatureCollection<LayerProperties[K]>;
export type LayerData = { [K in LayerName]?: LayerFC<K> };
export type VillageProps = LayerProperties['villages'];
export type FacilityProps = LayerProperties['facilities'];

const QUALIFICATION_RANK: Record<DoctorQualification, number> = {
  none: 0,
  village_doctor: 1,
  assistant_physician: 2,
  licensed_physician: 3,
};

/** Village clinics grouped by the 12-digit code of the village they serve. */
export function clinicsByVillage(facilities: readonly Feature<FacilityProps>[]): Map<string, FacilityProps[]> {
  const map = new Map<string, FacilityProps[]>();
  for (const f of facilities) {
    const p = f.properties;
    if (p.level !== 'village_clinic' || !p.villageCode) continue;
    const list = map.get(p.villageCode);
    if (list) list.push(p);
    else map.set(p.villageCode, [p]);
  }
  return map;
}

/** Best qualification among a village's clinics, or null when it has no clinic. */
export function bestQualification(clinics: readonly FacilityProps[] | undefined): DoctorQualification | null {
  if (!clinics || clinics.length === 0) return null;
  let best: DoctorQualification = 'none';
  for (const c of clinics) {
    const q = clinicQualification(c);
    if (QUALIFICATION_RANK[q] > QUALIFICATION_RANK[best]) best = q;
  }
  return best;
}

/**
 * 空白村 (DOMAIN.md glossary): a village with no village clinic, or whose clinics have no
 * qualified doctor (no licensed physician, assistant physician or village doctor).
 */
export function blankVillageCodes(
  villages: readonly Feature<VillageProps>[],
  facilities: readonly Feature<FacilityProps>[],
): Set<string> {
  const clinics = clinicsByVillage(facilities);
  const blank = new Set<string>();
  for (const v of villages) {
    const q = bestQualification(clinics.get(v.properties.code));
    if (q === null || q === 'none') blank.add(v.properties.code);
  }
  return blank;
}

/** Village features with a `blank` property for the map's red ring. */
export function annotateBlankVillages(
  villages: LayerFC<'villages'>,
  blank: ReadonlySet<string>,
): FeatureCollection<VillageProps & { blank: boolean }> {
  return {
    type: 'FeatureCollection',
    features: villages.features.map((f) => ({
      ...f,
      properties: { ...f.properties, blank: blank.has(f.properties.code) },
    })),
  };
}

export function layerCount(layers: LayerData, name: LayerName): number {
  return layers[name]?.features.length ?? 0;
}

export function findFeature<K extends LayerName>(
  layers: LayerData,
  layer: K,
  id: number,
): Feature<LayerProperties[K]> | null {
  const fc = layers[layer] as LayerFC<K> | undefined;
  return fc?.features.find((f) => f.id === id) ?? null;
}

/** Great-circle length of a line geometry in kilometres. */
export function lineLengthKm(geometry: Geometry): number {
  const lines: Position[][] =
    geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  let km = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) km += haversineKm(line[i - 1], line[i]);
  }
  return km;
}

export function haversineKm(a: Position, b: Position): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A point to hang a polygon's label on (always inside its largest ring). */
export function polygonLabelPoint(geometry: Geometry): Position | null {
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return interiorPoint(polygons) as Position | null;
}

/** Township label points as a point FeatureCollection (same ids as the townships). */
export function townshipLabelPoints(townships: LayerFC<'townships'>): FeatureCollection<{ name: string; code: string }> {
  const features: Feature<{ name: string; code: string }>[] = [];
  for (const t of townships.features) {
    const p = polygonLabelPoint(t.geometry);
    if (p) features.push({ type: 'Feature', id: t.id, geometry: { type: 'Point', coordinates: p }, properties: { name: t.properties.name, code: t.properties.code } });
  }
  return { type: 'FeatureCollection', features };
}

/** Village and facility counts and total population per 9-digit township code. */
export function townshipStats(layers: LayerData, townshipCode: string): { villages: number; population: number; facilities: number } {
  let villages = 0;
  let population = 0;
  for (const v of layers.villages?.features ?? []) {
    if (v.properties.townshipCode === townshipCode) {
      villages++;
      population += v.properties.population;
    }
  }
  const facilities = (layers.facilities?.features ?? []).filter((f) => f.properties.townshipCode === townshipCode).length;
  return { villages, population, facilities };
}

/** Geometry's representative position (a point's own, a line's middle vertex, a polygon's label point). */
export function representativePoint(geometry: Geometry): Position | null {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'LineString':
      return geometry.coordinates[Math.floor(geometry.coordinates.length / 2)] ?? null;
    case 'MultiLineString': {
      const first = geometry.coordinates[0];
      return first ? (first[Math.floor(first.length / 2)] ?? null) : null;
    }
    default:
      return polygonLabelPoint(geometry);
  }
}
