/**
 * Rows of the village table: one per village of the shown coverage result, with names resolved
 * from the loaded layers; filters (blank only, beyond standard only, one township) and sorting.
 * Pure, unit-tested.
 */
import type { CoverageDocument } from '../../../electron/api/schema.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import type { LayerData } from '../state/derived.js';
import type { TableFilter, TableSort } from '../state/analysisSlice.js';
import { FACILITY_GROUPS, standardMinutes } from './bands.js';
import { isBeyond, minutesOf } from './mapData.js';

export interface VillageRow {
  /** Feature id of the village in the villages layer (null when the layer lacks it). */
  id: number | null;
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  population: number;
  blank: boolean;
  blankReason: string | null;
  minutes: Record<FacilityGroup, number | null>;
  estimated: Record<FacilityGroup, boolean>;
  beyond: Record<FacilityGroup, boolean>;
  nearestName: Record<FacilityGroup, string | null>;
  /** Floating-catchment access scores (doctors per 1,000 residents): village clinics and THCs. */
  access: { clinic: AccessValues; thc: AccessValues };
}

export interface AccessValues {
  sfca2: number | null;
  e2sfca: number | null;
  g2sfca: number | null;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const accessValues = (a: unknown): AccessValues => {
  const r = (a ?? {}) as Record<string, unknown>;
  return { sfca2: num(r.sfca2), e2sfca: num(r.e2sfca), g2sfca: num(r.g2sfca) };
};

/** Code the engine gives a clinic added in the what-if scenario: WHATIF-VC-<village code>-<n>. */
const WHAT_IF_CLINIC = /^WHATIF-VC-(\d+)-/;

/** A facility reference from the engine (code, fid or name) → its name in the layer. */
function facilityNamer(layers: LayerData, addedClinicName?: (villageCode: string) => string): (ref: unknown) => string | null {
  const byCode = new Map<string, string>();
  const byId = new Map<number, string>();
  for (const f of layers.facilities?.features ?? []) {
    byCode.set(f.properties.code, f.properties.name);
    byId.set(f.id, f.properties.name);
  }
  return (ref) => {
    if (ref === null || ref === undefined || ref === '') return null;
    if (typeof ref === 'number') return byId.get(ref) ?? null;
    if (typeof ref === 'string') {
      const added = addedClinicName ? WHAT_IF_CLINIC.exec(ref) : null;
      return byCode.get(ref) ?? (added ? addedClinicName!(added[1]) : ref);
    }
    if (typeof ref === 'object') {
      const r = ref as { name?: unknown; code?: unknown; id?: unknown };
      if (typeof r.name === 'string') return r.name;
      if (typeof r.code === 'string') return byCode.get(r.code) ?? r.code;
      if (typeof r.id === 'number') return byId.get(r.id) ?? null;
    }
    return null;
  };
}

/** `addedClinicName`: how a clinic added in the what-if scenario is named (by its village code). */
export function villageRows(doc: CoverageDocument, layers: LayerData, addedClinicName?: (villageCode: string) => string): VillageRow[] {
  const ids = new Map((layers.villages?.features ?? []).map((f) => [f.properties.code, f.id]));
  const townships = new Map((layers.townships?.features ?? []).map((f) => [f.properties.code, f.properties.name]));
  const nameOf = facilityNamer(layers, addedClinicName);
  const standards = Object.fromEntries(FACILITY_GROUPS.map((g) => [g, standardMinutes(doc.rulesUsed, g)])) as Record<FacilityGroup, number>;
  return doc.villages.map((v) => {
    const per = <T>(fn: (g: FacilityGroup) => T) => Object.fromEntries(FACILITY_GROUPS.map((g) => [g, fn(g)])) as Record<FacilityGroup, T>;
    return {
      id: ids.get(v.code) ?? (Number.isFinite(v.id) ? v.id : null),
      code: v.code,
      name: v.name,
      townshipCode: v.townshipCode,
      townshipName: townships.get(v.townshipCode) ?? v.townshipCode,
      population: v.population,
      blank: Boolean(v.blank),
      blankReason: v.blank ? (v.blankReason ?? null) : null,
      minutes: per((g) => minutesOf(v, g)),
      estimated: per((g) => Boolean(v.estimated?.[g])),
      beyond: per((g) => isBeyond(v, g, standards[g])),
      nearestName: per((g) => nameOf(v.nearest?.[g])),
      access: { clinic: accessValues(v.access), thc: accessValues(v.thcAccess) },
    };
  });
}

/** Rows passing the filters; "beyond standard" means beyond the chosen group's standard. */
export function filterRows(rows: readonly VillageRow[], filter: TableFilter, group: FacilityGroup): VillageRow[] {
  return rows.filter(
    (r) => (!filter.blankOnly || r.blank) && (!filter.beyondOnly || r.beyond[group]) && (filter.township === null || r.townshipCode === filter.township),
  );
}

const collator = new Intl.Collator('zh-CN');

/**
 * Sorted copy. Unreachable (null) minutes count as the farthest: last ascending, first
 * descending. Ties keep the village code order, so the table does not jump between updates.
 */
export function sortRows(rows: readonly VillageRow[], sort: TableSort): VillageRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const key = sort.key;
  const value = (r: VillageRow): number | string => {
    switch (key) {
      case 'name':
        return r.name;
      case 'township':
        return r.townshipName;
      case 'population':
        return r.population;
      case 'blank':
        return r.blank ? 1 : 0;
      case 'access.clinic':
        return r.access.clinic.e2sfca ?? -Infinity;
      case 'access.thc':
        return r.access.thc.e2sfca ?? -Infinity;
      default: {
        const m = r.minutes[key.slice('minutes.'.length) as FacilityGroup];
        return m === null ? Infinity : m;
      }
    }
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    let c = 0;
    if (typeof va === 'string' && typeof vb === 'string') c = collator.compare(va, vb);
    else if (va !== vb) c = (va as number) < (vb as number) ? -1 : 1;
    return c !== 0 ? c * sign : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
