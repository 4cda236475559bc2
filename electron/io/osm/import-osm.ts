/**
 * OpenStreetMap import: reads an `.osm.pbf`, `.osm` or `.osm.gz` file (format detected from the
 * first bytes, never from the extension) into project records.
 *
 * - Roads: ways whose `highway` is in ROAD_HIGHWAYS (./mapping.ts), not area=yes; the Chinese road
 *   class comes from the engine's roadClassFor (electron/engine/speeds.ts).
 * - Villages: nodes with place=village|hamlet|town (all become kind 'village'). OSM has no Chinese
 *   division codes, so codes are synthetic and deterministic: township '990000000', village
 *   '990000' + a 6-digit sequence numbered in OSM node id order (000001, 000002, …). Users replace
 *   them with the 统计用区划代码 once the villages are matched.
 * - Facilities: amenity=hospital|clinic|doctors and healthcare=hospital|clinic|doctor|centre, as
 *   nodes or closed ways (centroid), coded 'OSM-n<id>' / 'OSM-w<id>'.
 * - Relations are counted, never mapped.
 *
 * Memory: one pass over the file. Every node's coordinates go into typed arrays (NodeStore,
 * 16 bytes a node); only candidate ways are kept (their node refs in one growable Float64Array)
 * and resolved after the last element, so unsorted files work too.
 *
 * Errors: a missing file → ApiError FILE_NOT_FOUND; an empty, truncated, corrupt or non-OSM file →
 * ApiError BAD_OSM_FILE { path, detail }. An aborted signal rejects with the signal's reason.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { ApiError } from '../../api/errors.js';
import type { Facility, FacilityLevel, LngLat, Road, Village } from '../../domain/types.js';
import type { ProjectData } from '../../store/project-store.js';
import {
  MAX_OSM_VILLAGES,
  OSM_TOWNSHIP_CODE,
  PERSONS_PER_HOUSEHOLD,
  facilityLevel,
  osmName,
  osmVillageCode,
  parseCount,
  placeType,
  ringCentroid,
  roadAttributes,
  type PlaceType,
  type RoadAttributes,
} from './mapping.js';
import { NodeStore } from './node-store.js';
import { readPbf } from './pbf-reader.js';
import { OsmFormatError, type OsmSink, type OsmTags, type ReadOptions } from './types.js';
import { readOsmXml } from './xml-reader.js';

export interface OsmImportStats {
  /** Elements read from the file. */
  nodes: number;
  ways: number;
  relations: number;
  /** Roads imported. */
  roads: number;
  /** Place nodes imported, by OSM place type (all become villages). */
  villages: number;
  hamlets: number;
  towns: number;
  facilities: number;
  facilitiesByLevel: Record<string, number>;
  /** Ways with a highway tag not imported (unmapped value, area=yes, fewer than 2 known nodes). */
  skippedRoads: number;
  /** Nodes with another place value (city, suburb, locality, isolated_dwelling, …) or over the code limit. */
  skippedPlaces: number;
}

export interface OsmWarning {
  kind: string;
  /** 'n123', 'w456' (node/way and id); '' for summary lines. */
  osmId: string;
  detail: string;
}

export interface OsmImport {
  /** villages, facilities, roads (townships, villageAreas and postings empty). Ids are 0: the store assigns them. */
  data: ProjectData;
  stats: OsmImportStats;
  /** [west, south, east, north] of the imported features, degrees; null when nothing was imported. */
  bounds: [number, number, number, number] | null;
  warnings: OsmWarning[];
}

export type OsmFormat = 'pbf' | 'xml' | 'xml.gz';

export interface ReadOsmOptions {
  signal?: AbortSignal;
  /** Fraction (0..1) of the file read; called once per PBF blob or XML chunk, and with 1 at the end. */
  onProgress?: (fraction: number) => void;
}

/** Warnings listed per kind before the rest are summarised in one line. */
export const MAX_WARNINGS_PER_KIND = 200;

/** OSM clinics record no staffing: a mapped clinic is assumed staffed by one village doctor (乡村医生). */
export const ASSUMED_CLINIC_VILLAGE_DOCTORS = 1;

export async function readOsm(path: string, opts: ReadOsmOptions = {}): Promise<OsmImport> {
  const file = nodePath.resolve(path);
  const bad = (detail: string) => new ApiError('BAD_OSM_FILE', `cannot read OSM file ${file}: ${detail}`, { path: file, detail });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('FILE_NOT_FOUND', `no such file: ${file}`, { path: file });
  }
  if (!stat.isFile()) throw bad('not a file');
  if (stat.size === 0) throw bad('empty file');
  opts.signal?.throwIfAborted();

  const collector = new Collector();
  const readOpts: ReadOptions = { signal: opts.signal, onProgress: opts.onProgress };
  try {
    const format = sniffOsmFormat(readHead(file, 64));
    if (format === null) throw new OsmFormatError('not an OpenStreetMap file (neither PBF nor XML)');
    if (format === 'pbf') await readPbf(file, collector, readOpts);
    else await readOsmXml(file, format === 'xml.gz', collector, readOpts);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (opts.signal?.aborted && e === opts.signal.reason) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new ApiError('FILE_NOT_FOUND', `no such file: ${file}`, { path: file });
    // Anything else comes from the file's bytes (format errors, zlib, protobuf decoding).
    throw bad(e instanceof OsmFormatError ? e.message : `${(e as Error).message ?? String(e)}`);
  }
  if (collector.nodeCount + collector.wayCount + collector.relationCount === 0) throw bad('no OpenStreetMap elements in the file');
  const result = collector.finish();
  opts.onProgress?.(1);
  return result;
}

/** The file's format from its first bytes: gzip magic → XML in gzip; PBF BlobHeader; '<' → XML. */
export function sniffOsmFormat(head: Uint8Array): OsmFormat | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'xml.gz';
  // PBF: int32 BE header length (< 64 KiB), then BlobHeader field 1 (type, wire type 2): 0x0a.
  if (head.length >= 6 && head[0] === 0 && head[1] === 0 && (head[2] << 8) + head[3] > 0 && head[4] === 0x0a) return 'pbf';
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x3c ? 'xml' : null;
}

function readHead(file: string, n: number): Uint8Array {
  const buf = Buffer.alloc(n);
  const fd = fs.openSync(file, 'r');
  try {
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

interface PlaceRec {
  osmId: number;
  type: PlaceType;
  lonE7: number;
  latE7: number;
  name: string | null;
  population: number | null;
}

interface FacilityRec {
  osmType: 'n' | 'w';
  osmId: number;
  level: FacilityLevel;
  name: string | null;
  beds: number;
  /** Nodes: the location; ways: null until resolved. */
  location: LngLat | null;
  refStart: number;
  refEnd: number;
}

interface RoadRec extends RoadAttributes {
  osmId: number;
  refStart: number;
  refEnd: number;
}

const e7 = (v: number): number => v / 1e7;

/** The sink both readers feed: keeps node coordinates, candidate ways and tagged nodes. */
class Collector implements OsmSink {
  readonly store = new NodeStore();
  nodeCount = 0;
  wayCount = 0;
  relationCount = 0;
  private skippedRoads = 0;
  private skippedPlaces = 0;
  private readonly places: PlaceRec[] = [];
  private readonly facilities: FacilityRec[] = [];
  private readonly roads: RoadRec[] = [];
  private refs = new Float64Array(1 << 16);
  private refCount = 0;
  private readonly warnings: OsmWarning[] = [];
  private readonly warningCounts = new Map<string, number>();

  node(id: number, lonE7: number, latE7: number, tags: OsmTags): void {
    this.nodeCount++;
    this.store.add(id, lonE7, latE7);
    if (!tags) return;
    if (tags.place) {
      const type = placeType(tags);
      if (type) this.places.push({ osmId: id, type, lonE7, latE7, name: osmName(tags), population: parseCount(tags.population) });
      else this.skippedPlaces++;
    }
    const level = facilityLevel(tags);
    if (level) {
      this.facilities.push({
        osmType: 'n', osmId: id, level, name: osmName(tags), beds: parseCount(tags.beds) ?? 0,
        location: [e7(lonE7), e7(latE7)], refStart: 0, refEnd: 0,
      });
    }
  }

  way(id: number, refs: ArrayLike<number>, tags: OsmTags): void {
    this.wayCount++;
    if (!tags) return;
    if (tags.highway !== undefined) {
      const attrs = roadAttributes(tags);
      if (attrs) {
        const [refStart, refEnd] = this.pushRefs(refs);
        this.roads.push({ ...attrs, osmId: id, refStart, refEnd });
      } else this.skippedRoads++;
    }
    const level = facilityLevel(tags);
    if (level) {
      if (refs.length >= 4 && refs[0] === refs[refs.length - 1]) {
        const [refStart, refEnd] = this.pushRefs(refs);
        this.facilities.push({ osmType: 'w', osmId: id, level, name: osmName(tags), beds: parseCount(tags.beds) ?? 0, location: null, refStart, refEnd });
      } else {
        this.warn('facility_open_way', `w${id}`, 'health facility mapped as an open way (not an area): skipped');
      }
    }
  }

  relation(): void {
    this.relationCount++;
  }

  private pushRefs(refs: ArrayLike<number>): [number, number] {
    const need = this.refCount + refs.length;
    if (need > this.refs.length) {
      let cap = this.refs.length * 2;
      while (cap < need) cap *= 2;
      const next = new Float64Array(cap);
      next.set(this.refs.subarray(0, this.refCount));
      this.refs = next;
    }
    const start = this.refCount;
    for (let i = 0; i < refs.length; i++) this.refs[start + i] = refs[i];
    this.refCount = need;
    return [start, need];
  }

  private warn(kind: string, osmId: string, detail: string): void {
    const n = (this.warningCounts.get(kind) ?? 0) + 1;
    this.warningCounts.set(kind, n);
    if (n <= MAX_WARNINGS_PER_KIND) this.warnings.push({ kind, osmId, detail });
  }

  /** Coordinates of refs[start..end) that exist in the file, and how many were missing. */
  private resolve(start: number, end: number): { coords: LngLat[]; missing: number } {
    const coords: LngLat[] = [];
    let missing = 0;
    for (let i = start; i < end; i++) {
      const k = this.store.indexOf(this.refs[i]);
      if (k < 0) missing++;
      else coords.push([e7(this.store.lonE7(k)), e7(this.store.latE7(k))]);
    }
    return { coords, missing };
  }

  finish(): OsmImport {
    this.store.finish();
    const bounds = new Bounds();

    const roads: Road[] = [];
    for (const r of this.roads) {
      const { coords, missing } = this.resolve(r.refStart, r.refEnd);
      if (coords.length < 2) {
        this.skippedRoads++;
        this.warn('road_missing_nodes', `w${r.osmId}`, `${missing} of ${r.refEnd - r.refStart} nodes missing from the file; fewer than 2 left: skipped`);
        continue;
      }
      if (missing > 0) this.warn('road_partial', `w${r.osmId}`, `${missing} of ${r.refEnd - r.refStart} nodes missing from the file; dropped`);
      if (r.reverse) coords.reverse();
      for (const c of coords) bounds.add(c);
      roads.push({ id: 0, name: r.name, roadClass: r.roadClass, speedKmh: r.speedKmh, oneway: r.oneway, bridge: r.bridge, coordinates: coords });
    }

    const villages: Village[] = [];
    const placeCounts: Record<PlaceType, number> = { village: 0, hamlet: 0, town: 0 };
    const places = [...this.places].sort((a, b) => a.osmId - b.osmId);
    for (const p of places) {
      if (villages.length >= MAX_OSM_VILLAGES) {
        this.skippedPlaces++;
        this.warn('too_many_villages', `n${p.osmId}`, `more than ${MAX_OSM_VILLAGES} places: no synthetic village code left; skipped`);
        continue;
      }
      placeCounts[p.type]++;
      const location: LngLat = [e7(p.lonE7), e7(p.latE7)];
      bounds.add(location);
      const population = p.population ?? 0;
      if (!p.name) this.warn('unnamed_place', `n${p.osmId}`, `place=${p.type} without a name`);
      villages.push({
        id: 0,
        code: osmVillageCode(villages.length + 1),
        name: p.name ?? `OSM-n${p.osmId}`,
        townshipCode: OSM_TOWNSHIP_CODE,
        population,
        households: p.population === null ? 0 : Math.round(population / PERSONS_PER_HOUSEHOLD),
        kind: 'village',
        areaKm2: null,
        location,
      });
    }

    const facilities: Facility[] = [];
    const byLevel: Record<string, number> = {};
    // Deterministic order whatever the file order: nodes, then ways, each by id.
    const facilityRecs = [...this.facilities].sort((a, b) => (a.osmType === b.osmType ? a.osmId - b.osmId : a.osmType === 'n' ? -1 : 1));
    for (const f of facilityRecs) {
      const code = `OSM-${f.osmType}${f.osmId}`;
      let location = f.location;
      if (!location) {
        const { coords, missing } = this.resolve(f.refStart, f.refEnd);
        if (coords.length < 3) {
          this.warn('facility_missing_nodes', code.slice(4), `${missing} of ${f.refEnd - f.refStart} nodes missing from the file: skipped`);
          continue;
        }
        if (missing > 0) coords.push(coords[0]);
        const c = ringCentroid(coords);
        location = [Math.round(c[0] * 1e7) / 1e7, Math.round(c[1] * 1e7) / 1e7];
      }
      if (!f.name) this.warn('unnamed_facility', code.slice(4), `${f.level} without a name`);
      bounds.add(location);
      byLevel[f.level] = (byLevel[f.level] ?? 0) + 1;
      const isClinic = f.level === 'village_clinic';
      facilities.push({
        id: 0,
        code,
        name: f.name ?? code,
        level: f.level,
        townshipCode: null,
        villageCode: null,
        capability: null,
        isCentralThc: false,
        isPlannedSubCenter: false,
        beds: f.beds,
        physicians: 0,
        assistantPhysicians: 0,
        // OSM does not record staffing. A mapped clinic / doctors' practice is assumed staffed,
        // so it is not reported as "blank: no qualified doctor" before the planner enters real counts.
        villageDoctors: isClinic ? ASSUMED_CLINIC_VILLAGE_DOCTORS : 0,
        tcmPhysicians: 0,
        nurses: 0,
        publicHealthPhysicians: 0,
        location,
      });
    }

    for (const [kind, n] of this.warningCounts) {
      if (n > MAX_WARNINGS_PER_KIND) this.warnings.push({ kind, osmId: '', detail: `${n - MAX_WARNINGS_PER_KIND} more warnings of this kind not listed (${n} in all)` });
    }

    return {
      data: { villages, facilities, roads, townships: [], villageAreas: [], postings: [] },
      stats: {
        nodes: this.nodeCount,
        ways: this.wayCount,
        relations: this.relationCount,
        roads: roads.length,
        villages: placeCounts.village,
        hamlets: placeCounts.hamlet,
        towns: placeCounts.town,
        facilities: facilities.length,
        facilitiesByLevel: byLevel,
        skippedRoads: this.skippedRoads,
        skippedPlaces: this.skippedPlaces,
      },
      bounds: bounds.value(),
      warnings: this.warnings,
    };
  }
}

class Bounds {
  private w = Infinity;
  private s = Infinity;
  private e = -Infinity;
  private n = -Infinity;
  add([x, y]: LngLat): void {
    if (x < this.w) this.w = x;
    if (x > this.e) this.e = x;
    if (y < this.s) this.s = y;
    if (y > this.n) this.n = y;
  }
  value(): [number, number, number, number] | null {
    return this.w <= this.e ? [this.w, this.s, this.e, this.n] : null;
  }
}
