/**
 * The analysis input, built from what the renderer already holds: the layers in the store
 * (features → domain records), the project's rules (api.getSettings) and its DEM
 * (api.getDemInfo + api.getDemData). Pure, so it is unit-tested.
 */
import type { DemInfo, Feature, Geometry, Position, RuleSetting } from '../../../electron/api/schema.js';
import type { RuleValues, TravelMode } from '../../../electron/domain/rules.js';
import { applyScenario, type InputProblem, type ScenarioPayload } from '../../../electron/domain/planning.js';
import type { Facility, LngLat, Posting, Road, Village, VillageArea } from '../../../electron/domain/types.js';
import type { ElevationGrid } from '../../../electron/engine/elevation.js';
import type { LayerData, LayerFC } from '../state/derived.js';
import type { AnalysisRequestInput } from './protocol.js';

function pointOf(geometry: Geometry): LngLat | null {
  if (geometry.type !== 'Point') return null;
  const [lng, lat] = geometry.coordinates;
  return Number.isFinite(lng) && Number.isFinite(lat) ? [lng, lat] : null;
}

/** Village features → Village records (features without a usable point are left out). */
export function villagesFromLayer(fc: LayerFC<'villages'> | undefined): Village[] {
  const out: Village[] = [];
  for (const f of fc?.features ?? []) {
    const location = pointOf(f.geometry);
    if (location) out.push({ ...f.properties, id: f.id, location });
  }
  return out;
}

/** Facility features → Facility records (features without a usable point are left out). */
export function facilitiesFromLayer(fc: LayerFC<'facilities'> | undefined): Facility[] {
  const out: Facility[] = [];
  for (const f of fc?.features ?? []) {
    const location = pointOf(f.geometry);
    if (location) out.push({ ...f.properties, id: f.id, location });
  }
  return out;
}

/** Road features → Road records; a MultiLineString becomes one record per part (same id). */
export function roadsFromLayer(fc: LayerFC<'roads'> | undefined): Road[] {
  const out: Road[] = [];
  for (const f of (fc?.features ?? []) as Feature<Omit<Road, 'coordinates'>>[]) {
    const parts: Position[][] =
      f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
    for (const part of parts) out.push({ ...f.properties, id: f.id, coordinates: part.map((p) => [p[0], p[1]] as LngLat) });
  }
  return out;
}

/** Village polygon features → VillageArea records (a Polygon becomes a one-part MultiPolygon). */
export function villageAreasFromLayer(fc: LayerFC<'village_areas'> | undefined): VillageArea[] {
  const out: VillageArea[] = [];
  for (const f of fc?.features ?? []) {
    const g = f.geometry;
    const coordinates = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : null;
    if (coordinates) out.push({ ...f.properties, id: f.id, coordinates: coordinates.map((poly) => poly.map((ring) => ring.map((p) => [p[0], p[1]] as LngLat))) });
  }
  return out;
}

export function townshipsFromLayer(fc: LayerFC<'townships'> | undefined): { code: string; name: string }[] {
  return (fc?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name }));
}

/** The rules table as the engine reads it: rule id → current value. */
export function ruleValuesFromSettings(settings: readonly RuleSetting[]): RuleValues {
  return Object.fromEntries(settings.map((s) => [s.id, s.value]));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The DEM as an ElevationGrid from api.getDemInfo + api.getDemData (Float32 little-endian,
 * width × height, row-major from the north-west; NaN voids). Null when the project has no DEM
 * or the bytes do not match the declared size (the analysis then runs without slopes).
 */
export function elevationGridFromDem(info: DemInfo | null, bytes: Uint8Array | null): ElevationGrid | null {
  if (!info || !bytes) return null;
  const cells = info.width * info.height;
  if (!(cells > 0) || bytes.byteLength !== cells * 4) return null;
  let data: Float32Array;
  if (LITTLE_ENDIAN) {
    // Float32Array needs a 4-byte aligned offset; IPC may hand over a view into a larger buffer.
    data =
      bytes.byteOffset % 4 === 0
        ? new Float32Array(bytes.buffer, bytes.byteOffset, cells)
        : new Float32Array(bytes.slice().buffer, 0, cells);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    data = new Float32Array(cells);
    for (let i = 0; i < cells; i++) data[i] = view.getFloat32(i * 4, true);
  }
  return { width: info.width, height: info.height, west: info.west, north: info.north, dx: info.dx, dy: info.dy, data };
}

/**
 * Everything the pipeline needs, from the loaded layers and the fetched rules and DEM. Roads stay
 * domain records: the worker turns them into RoadInputs (roadInputsFromLayer), which keeps the
 * engine out of the main bundle.
 */
export function buildAnalysisInput(layers: LayerData, rules: RuleValues, mode: TravelMode, dem: ElevationGrid | null): AnalysisRequestInput {
  return {
    villages: villagesFromLayer(layers.villages),
    facilities: facilitiesFromLayer(layers.facilities),
    roads: roadsFromLayer(layers.roads),
    townships: townshipsFromLayer(layers.townships),
    rules,
    mode,
    dem,
  };
}

/**
 * The input of a scenario: the project's facilities and roster with the scenario's edits applied
 * (none for the baseline), and the roster and village polygons so the run makes the proposals.
 */
export function withScenario(
  input: AnalysisRequestInput,
  layers: LayerData,
  postings: readonly Posting[],
  payload: ScenarioPayload | null,
): { input: AnalysisRequestInput; problems: InputProblem[] } {
  const applied = payload ? applyScenario(input.facilities, postings, payload) : { facilities: input.facilities, postings: [...postings], problems: [] };
  return {
    input: { ...input, facilities: applied.facilities, planning: { postings: applied.postings, villageAreas: villageAreasFromLayer(layers.village_areas) } },
    problems: applied.problems,
  };
}
