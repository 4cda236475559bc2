/**
 * What the map draws of a coverage result: village dots coloured by minutes to the chosen
 * facility group, and that group's travel-time bands. Plus the facilities as the what-if
 * scenario places them. Pure; the MapController only sets the data.
 */
import type { CoverageDocument, Feature, FeatureCollection } from '../../../electron/api/schema.js';
import { applyScenario, type ScenarioPayload } from '../../../electron/domain/planning.js';
import { proposedVillageClinic, type LngLat } from '../../../electron/domain/types.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import type { IsochroneBand } from '../../../electron/engine/isochrones.js';
import type { FacilityProps, LayerFC } from '../state/derived.js';
import type { AddedClinic } from '../state/analysisSlice.js';
import { bandColor, bandIndex, rampColor, standardMinutes } from './bands.js';
import { facilitiesFromLayer } from './input.js';

export type VillageCoverage = CoverageDocument['villages'][number];

export interface CoverageFeatureProps {
  code: string;
  name: string;
  population: number;
  group: FacilityGroup;
  /** Minutes to the nearest facility of the group; null when unreachable. */
  minutes: number | null;
  /** Band index (0 = nearest band), -1 when unreachable. */
  band: number;
  color: string;
  blank: boolean;
  /** Beyond the group's time standard (or unreachable). */
  beyond: boolean;
  /** Straight-line estimate (the village or the facility is off the road network). */
  estimated: boolean;
}

export interface IsochroneFeatureProps {
  group: FacilityGroup;
  from: number;
  to: number;
  band: number;
  color: string;
}

/** Minutes as a plain number or null (the engine reports unreachable as null or Infinity). */
export function minutesOf(v: VillageCoverage, group: FacilityGroup): number | null {
  const m = v.minutes[group];
  return typeof m === 'number' && Number.isFinite(m) ? m : null;
}

/** Beyond the standard: the engine's flag, or (for old documents) minutes over the standard or none. */
export function isBeyond(v: VillageCoverage, group: FacilityGroup, standard: number): boolean {
  const flag = v.beyond?.[group];
  if (typeof flag === 'boolean') return flag;
  const m = minutesOf(v, group);
  return m === null || m > standard;
}

export function coverageFeatures(
  doc: CoverageDocument,
  villages: LayerFC<'villages'> | undefined,
  group: FacilityGroup,
  limits: readonly number[],
): FeatureCollection<CoverageFeatureProps> {
  const byCode = new Map((villages?.features ?? []).map((f) => [f.properties.code, f]));
  const standard = standardMinutes(doc.rulesUsed, group);
  const features: Feature<CoverageFeatureProps>[] = [];
  for (const v of doc.villages) {
    const f = byCode.get(v.code);
    if (!f || f.geometry.type !== 'Point') continue;
    const minutes = minutesOf(v, group);
    features.push({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: {
        code: v.code,
        name: v.name,
        population: v.population,
        group,
        minutes: minutes === null ? null : Math.round(minutes * 10) / 10,
        band: bandIndex(minutes, limits),
        color: bandColor(minutes, limits),
        blank: Boolean(v.blank),
        beyond: isBeyond(v, group, standard),
        estimated: Boolean(v.estimated?.[group]),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A group's travel-time bands (CoverageDocument.isochrones[group]) as polygons in the band colours. */
export function isochroneFeatures(
  bands: readonly IsochroneBand[] | undefined,
  group: FacilityGroup,
  limits: readonly number[],
): FeatureCollection<IsochroneFeatureProps> {
  return {
    type: 'FeatureCollection',
    features: (bands ?? []).map((b, i) => {
      const band = bandIndex(b.from, limits);
      return {
        type: 'Feature',
        id: i + 1,
        geometry: { type: 'MultiPolygon', coordinates: b.coordinates },
        properties: { group, from: b.from, to: b.to, band, color: rampColor(Math.max(0, band), limits.length + 1) },
      };
    }),
  };
}

/** Id of a clinic added in the what-if scenario: negative, so it never collides with a project fid. */
export const addedClinicId = (index: number): number => -(index + 1);

/**
 * The facilities layer as the what-if scenario has it: dragged facilities at their new
 * positions and added clinics as extra village clinics (one village doctor, as the engine adds).
 */
export function facilitiesWithWhatIf(
  facilities: LayerFC<'facilities'> | undefined,
  moved: Readonly<Record<number, LngLat>>,
  added: readonly AddedClinic[],
  clinicName: (villageCode: string) => string,
): FeatureCollection<FacilityProps & { whatIf?: boolean }> {
  const base = (facilities?.features ?? []).map((f) => {
    const to = moved[f.id];
    return to ? { ...f, geometry: { type: 'Point' as const, coordinates: to }, properties: { ...f.properties, whatIf: true } } : f;
  });
  const extra = added.map((a, i): Feature<FacilityProps & { whatIf?: boolean }> => {
    const { location, ...props } = proposedVillageClinic(addedClinicId(i), `whatif-${i + 1}`, clinicName(a.villageCode), a.villageCode, a.location);
    return { type: 'Feature', id: props.id, geometry: { type: 'Point', coordinates: location }, properties: { ...props, whatIf: true } };
  });
  return { type: 'FeatureCollection', features: [...base, ...extra] };
}

/**
 * The facilities of a scenario as map features: the project's with the scenario's edits applied
 * (ids as the analysis of the scenario numbers them). Facilities an edit touches are flagged
 * `whatIf` so the map marks them as changed. The project's own layer when nothing is edited.
 */
export function facilitiesOfScenario(facilities: LayerFC<'facilities'> | undefined, payload: ScenarioPayload | null): LayerFC<'facilities'> | undefined {
  if (!facilities || !payload || payload.facilityEdits.length === 0) return facilities;
  const touched = new Set(payload.facilityEdits.map((e) => (e.op === 'add' ? e.facility.code : e.code)));
  const features = applyScenario(facilitiesFromLayer(facilities), [], payload).facilities.map(({ location, ...props }) => ({
    type: 'Feature' as const,
    id: props.id,
    geometry: { type: 'Point' as const, coordinates: location },
    properties: touched.has(props.code) ? { ...props, whatIf: true } : props,
  }));
  return { type: 'FeatureCollection', features };
}
