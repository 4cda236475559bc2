/**
 * Pure domain types of County Coverage Planner. No I/O, no imports.
 * Field names follow ../shared/DOMAIN.md (glossary identifiers).
 */

/** Longitude, latitude in EPSG:4326 (WGS-84). */
export type LngLat = [number, number];

export type VillageKind = 'village' | 'settlement';

export const FACILITY_LEVELS = [
  'village_clinic',
  'township_hc',
  'community_hc',
  'sub_center',
  'county_hospital',
  'county_tcm_hospital',
  'city_hospital',
] as const;
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

/** 优质服务基层行 capability standard. */
export const CAPABILITIES = ['below_basic', 'basic', 'recommended'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Highest qualification present at a village clinic. */
export const DOCTOR_QUALIFICATIONS = ['licensed_physician', 'assistant_physician', 'village_doctor', 'none'] as const;
export type DoctorQualification = (typeof DOCTOR_QUALIFICATIONS)[number];

/** Road classes of Chinese road administration; any other OSM highway value is kept as-is. */
export const ROAD_CLASSES = ['national', 'provincial', 'county', 'township', 'village', 'track'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number] | (string & {});

export const TITLE_LEVELS = ['none', 'junior', 'intermediate', 'associate_senior', 'senior'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

export const RELEASES = ['full', 'half'] as const;
export type Release = (typeof RELEASES)[number];

export interface Village {
  id: number;
  /** 统计用区划代码, 12 digits. */
  code: string;
  name: string;
  /** 9-digit township code. */
  townshipCode: string;
  population: number;
  households: number;
  kind: VillageKind;
  /** Area in square kilometres (null when unknown). */
  areaKm2: number | null;
  location: LngLat;
}

export interface Facility {
  id: number;
  code: string;
  name: string;
  level: FacilityLevel;
  townshipCode: string | null;
  /** Village served by a village clinic (12-digit code), null for other levels. */
  villageCode: string | null;
  capability: Capability | null;
  isCentralThc: boolean;
  isPlannedSubCenter: boolean;
  beds: number;
  /** 执业医师 (licensed physicians). */
  physicians: number;
  /** 执业助理医师. */
  assistantPhysicians: number;
  /** 乡村医生 (village doctors without a physician licence). */
  villageDoctors: number;
  tcmPhysicians: number;
  nurses: number;
  publicHealthPhysicians: number;
  location: LngLat;
}

export interface Road {
  id: number;
  name: string | null;
  roadClass: RoadClass;
  /** Speed override in km/h; null uses the rules table speed for the class. */
  speedKmh: number | null;
  /** 1: one-way along the geometry; 0: both directions. */
  oneway: boolean;
  bridge: boolean;
  coordinates: LngLat[];
}

export interface Township {
  id: number;
  /** 9-digit 乡镇 code. */
  code: string;
  name: string;
  /** MultiPolygon coordinates. */
  coordinates: LngLat[][][];
}

export interface VillageArea {
  id: number;
  villageCode: string;
  coordinates: LngLat[][][];
}

export interface Posting {
  id: number;
  person: string;
  titleLevel: TitleLevel;
  profession: string;
  /** Code of the sending institution (a facility code). */
  fromInstitution: string;
  /** Code of the receiving facility, or null when posted to a village. */
  toInstitution: string | null;
  /** 12-digit village code when posted to a village. */
  toVillage: string | null;
  /** ISO dates, yyyy-mm-dd. */
  startDate: string;
  endDate: string;
  release: Release;
  daysPerWeek: number;
}

export interface Scenario {
  id: number;
  name: string;
  createdAt: string;
  description: string;
  /** JSON payload owned by the planning features. */
  payload: string;
}

/**
 * Placement of a point-registered raster (DEM, population grid): sample (row r, column c) lies at
 * lng = west + c·dx, lat = north − r·dy; cells row-major from the north-west.
 */
export interface GridGeometry {
  width: number;
  height: number;
  west: number;
  north: number;
  /** Cell size in degrees. */
  dx: number;
  dy: number;
}

/**
 * A village clinic proposed for a village (what-if): assumed staffed by one village doctor,
 * since a clinic without a qualified doctor would leave the village blank.
 */
export function proposedVillageClinic(id: number, code: string, name: string, villageCode: string, location: LngLat): Facility {
  return {
    id,
    code,
    name,
    level: 'village_clinic',
    townshipCode: villageCode.slice(0, 9),
    villageCode,
    capability: null,
    isCentralThc: false,
    isPlannedSubCenter: false,
    beds: 0,
    physicians: 0,
    assistantPhysicians: 0,
    villageDoctors: 1,
    tcmPhysicians: 0,
    nurses: 0,
    publicHealthPhysicians: 0,
    location,
  };
}

/** Highest qualification present at a clinic, from its staff counts. */
export function clinicQualification(f: Pick<Facility, 'physicians' | 'assistantPhysicians' | 'villageDoctors'>): DoctorQualification {
  if (f.physicians > 0) return 'licensed_physician';
  if (f.assistantPhysicians > 0) return 'assistant_physician';
  if (f.villageDoctors > 0) return 'village_doctor';
  return 'none';
}

export function isVillageCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

export function isTownshipCode(code: string): boolean {
  return /^\d{9}$/.test(code);
}
