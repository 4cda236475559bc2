/**
 * Turns valid rows into store operations. Insert mode: complete records with defaults. Update mode
 * (villages, facilities): match by code, emit only the fields that differ, count changed records.
 */
import type { ImportChange, ImportLayer, Position } from '../../api/schema.js';
import type { Facility, LngLat, Posting, Road, Township, Village } from '../../domain/types.js';
import type { ChangeOps, ProjectData } from '../../store/project-store.js';
import type { ValidRow } from './validate.js';

export interface Existing {
  /** code → id and current properties (+ location) for villages / facilities. */
  byCode: Map<string, { id: number; props: Record<string, unknown> }>;
  /** Facility codes already present (for village clinics made from village rows). */
  facilityCodes: Set<string>;
}

export interface Plan {
  ops: ChangeOps;
  inserts: number;
  updates: number;
  /** Field-level changes an update makes (first MAX_LISTED_CHANGES), for the preview. */
  changes: ImportChange[];
}

const MAX_LISTED_CHANGES = 500;

const num = (v: unknown, d = 0): number => (typeof v === 'number' ? v : d);
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const bool = (v: unknown): boolean => v === true;

function toMulti(g: ValidRow['geometry']): LngLat[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as LngLat[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as LngLat[][][];
  return [];
}

function lines(g: ValidRow['geometry']): LngLat[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates as LngLat[]];
  if (g.type === 'MultiLineString') return g.coordinates as LngLat[][];
  return [];
}

const ROAD_CLASS_ZH: Record<string, string> = { 国道: 'national', 省道: 'provincial', 县道: 'county', 乡道: 'township', 村道: 'village', 机耕路: 'track', 专用公路: 'track' };

export function planImport(layer: ImportLayer, mode: 'insert' | 'update', rows: ValidRow[], existing: Existing): Plan {
  if (mode === 'update' && (layer === 'villages' || layer === 'facilities')) return planUpdate(layer, rows, existing);
  const insert: Partial<ProjectData> = {};
  let inserts = 0;
  if (layer === 'villages') {
    const villages: Village[] = [];
    const clinics: Facility[] = [];
    for (const r of rows) {
      const f = r.fields;
      const v: Village = {
        id: 0,
        code: str(f.code),
        name: str(f.name),
        townshipCode: str(f.townshipCode, str(f.code).slice(0, 9)),
        population: num(f.population),
        households: num(f.households),
        kind: f.kind === 'settlement' ? 'settlement' : 'village',
        areaKm2: typeof f.areaKm2 === 'number' ? f.areaKm2 : null,
        location: r.point as LngLat,
      };
      villages.push(v);
      const staffed = num(f.villageDoctors) + num(f.physicians) + num(f.assistantPhysicians) > 0;
      const clinicCode = `VC-${v.code}`;
      if ((f.hasClinic === true || (f.hasClinic === undefined && staffed)) && !existing.facilityCodes.has(clinicCode)) {
        clinics.push({
          id: 0, code: clinicCode, name: `${v.name}卫生室`, level: 'village_clinic', townshipCode: v.townshipCode, villageCode: v.code,
          capability: null, isCentralThc: false, isPlannedSubCenter: false, beds: 0,
          physicians: num(f.physicians), assistantPhysicians: num(f.assistantPhysicians), villageDoctors: num(f.villageDoctors),
          tcmPhysicians: 0, nurses: 0, publicHealthPhysicians: 0, location: v.location,
        });
      }
    }
    insert.villages = villages;
    // Village polygons (GeoJSON / Shapefile) become the optional village_areas layer.
    const areas = rows.filter((r) => r.geometry).map((r) => ({ id: 0, villageCode: str(r.fields.code), coordinates: toMulti(r.geometry) }));
    if (areas.length) insert.villageAreas = areas;
    if (clinics.length) insert.facilities = clinics;
    inserts = villages.length;
  } else if (layer === 'facilities') {
    insert.facilities = rows.map((r): Facility => {
      const f = r.fields;
      return {
        id: 0, code: str(f.code), name: str(f.name), level: f.level as Facility['level'],
        townshipCode: typeof f.townshipCode === 'string' ? f.townshipCode : null,
        villageCode: f.level === 'village_clinic' && typeof f.villageCode === 'string' ? f.villageCode : null,
        capability: (f.capability as Facility['capability']) ?? null,
        isCentralThc: bool(f.isCentralThc), isPlannedSubCenter: bool(f.isPlannedSubCenter) || f.level === 'sub_center',
        beds: num(f.beds), physicians: num(f.physicians), assistantPhysicians: num(f.assistantPhysicians), villageDoctors: num(f.villageDoctors),
        tcmPhysicians: num(f.tcmPhysicians), nurses: num(f.nurses), publicHealthPhysicians: num(f.publicHealthPhysicians),
        location: r.point as LngLat,
      };
    });
    inserts = rows.length;
  } else if (layer === 'postings') {
    insert.postings = rows.map((r): Posting => {
      const f = r.fields;
      return {
        id: 0, person: str(f.person), titleLevel: (f.titleLevel as Posting['titleLevel']) ?? 'intermediate', profession: str(f.profession),
        fromInstitution: str(f.fromInstitution), toInstitution: typeof f.toInstitution === 'string' && f.toInstitution ? f.toInstitution : null,
        toVillage: typeof f.toVillage === 'string' && f.toVillage ? f.toVillage : null,
        startDate: str(f.startDate), endDate: str(f.endDate), release: (f.release as Posting['release']) ?? 'full', daysPerWeek: num(f.daysPerWeek, 5),
      };
    });
    inserts = rows.length;
  } else if (layer === 'townships') {
    insert.townships = rows.map((r): Township => ({ id: 0, code: str(r.fields.code), name: str(r.fields.name), coordinates: toMulti(r.geometry) }));
    inserts = rows.length;
  } else if (layer === 'roads') {
    const roads: Road[] = [];
    for (const r of rows) {
      const f = r.fields;
      const cls = str(f.roadClass, 'village');
      for (const coords of lines(r.geometry)) {
        roads.push({
          id: 0, name: typeof f.name === 'string' && f.name ? f.name : null, roadClass: ROAD_CLASS_ZH[cls] ?? cls,
          speedKmh: typeof f.speedKmh === 'number' && f.speedKmh > 0 ? f.speedKmh : null, oneway: bool(f.oneway), bridge: bool(f.bridge), coordinates: coords,
        });
      }
    }
    insert.roads = roads;
    inserts = roads.length;
  }
  return { ops: inserts ? { insert } : {}, inserts, updates: 0, changes: [] };
}

const VILLAGE_FIELDS = ['name', 'townshipCode', 'population', 'households', 'kind', 'areaKm2'];
const FACILITY_FIELDS = ['name', 'level', 'townshipCode', 'villageCode', 'capability', 'isCentralThc', 'isPlannedSubCenter', 'beds', 'physicians',
  'assistantPhysicians', 'villageDoctors', 'tcmPhysicians', 'nurses', 'publicHealthPhysicians'];

function samePoint(a: unknown, b: Position): boolean {
  const p = a as Position | undefined;
  return !!p && Math.abs(p[0] - b[0]) < 1e-7 && Math.abs(p[1] - b[1]) < 1e-7;
}

function planUpdate(layer: 'villages' | 'facilities', rows: ValidRow[], existing: Existing): Plan {
  const keys = layer === 'villages' ? VILLAGE_FIELDS : FACILITY_FIELDS;
  const update: NonNullable<ChangeOps['update']> = [];
  const changes: ImportChange[] = [];
  const note = (code: string, name: unknown, field: string, from: unknown, to: unknown) => {
    if (changes.length < MAX_LISTED_CHANGES) changes.push({ code, name: String(name ?? ''), field, from: shown(from), to: shown(to) });
  };
  for (const r of rows) {
    const code = String(r.fields.code);
    const cur = existing.byCode.get(code);
    if (!cur) continue;
    const record: Record<string, unknown> = {};
    for (const k of keys) {
      if (k in r.fields && r.fields[k] !== cur.props[k]) {
        record[k] = r.fields[k];
        note(code, cur.props.name, k, cur.props[k], r.fields[k]);
      }
    }
    if (r.point && !samePoint(cur.props.location, r.point)) {
      record.location = r.point;
      note(code, cur.props.name, 'location', cur.props.location, r.point);
    }
    if (Object.keys(record).length) update.push({ layer, id: cur.id, record });
  }
  return { ops: update.length ? { update } : {}, inserts: 0, updates: update.length, changes };
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? x.toFixed(6) : String(x))).join(', ');
  return String(v);
}
