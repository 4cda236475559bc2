/**
 * Row validation: each mapped cell parsed to its field type, required fields present, codes well
 * formed and unique (in the file; against the project in insert mode), village code prefix equal to
 * its township code, coordinates converted to WGS-84 and judged, polygons free of self-intersections.
 * A row with any problem is rejected; coordinate warnings (crsWarnings) do not reject it.
 */
import { kinks, unkinkPolygon } from '@turf/turf';
import { interiorPoint } from '../../domain/geometry.js';
import type { Geometry, ImportCrs, ImportLayer, ImportProblem, Position } from '../../api/schema.js';
import { judge, kmOutside, toWgs84 } from './crs.js';
import { LAYER_FIELDS, type FieldSpec } from './fields.js';
import { problem, type SourceRow } from './types.js';
import {
  parseBool, parseCapability, parseCode, parseCount, parseDate, parseKind, parseLevel, parseNumber, parseRelease, parseTitle, type Parsed,
} from './values.js';

export interface ProjectContext {
  mode: 'insert' | 'update';
  crs: ImportCrs;
  /** The planner's decisions on flagged rows (see ImportOptions). */
  swapSuspected: boolean;
  acceptOutside: boolean;
  repairPolygons: boolean;
  geometryIsWgs84: boolean;
  /** Existing codes of the target layer (villages, facilities, townships). */
  existingCodes: Set<string>;
  townshipByName: Map<string, string>;
  facilityCodeByName: Map<string, string>;
  facilityCodes: Set<string>;
  villageCodeByName: Map<string, string>;
  villageCodes: Set<string>;
  bounds: [number, number, number, number] | null;
  /** Points farther than this outside the project's bounds are flagged (rule X.import_far_from_project_km). */
  farKm: number;
}

/** A valid row as a record of domain fields (only the fields the file maps, plus geometry). */
export interface ValidRow {
  row: number;
  label: string;
  fields: Record<string, unknown>;
  point?: Position;
  geometry?: Geometry;
}

export interface Validated {
  valid: ValidRow[];
  problems: ImportProblem[];
  crsWarnings: ImportProblem[];
  rejected: number;
}


function parseField(spec: FieldSpec, raw: string): Parsed<unknown> {
  switch (spec.type) {
    case 'code12':
      return parseCode(raw, 12);
    case 'code9':
      return parseCode(raw, 9);
    case 'text':
      return { ok: true, value: raw };
    case 'int':
      return parseCount(raw);
    case 'days': {
      const n = parseNumber(raw);
      if (!n.ok) return n;
      return n.value > 0 && n.value <= 7 ? n : { ok: false, code: 'out_of_range' };
    }
    case 'number': {
      const n = parseNumber(raw);
      if (!n.ok) return n;
      return n.value < 0 ? { ok: false, code: 'negative' } : n;
    }
    case 'lng':
    case 'lat':
      return parseNumber(raw);
    case 'bool':
      return parseBool(raw);
    case 'date':
      return parseDate(raw);
    case 'kind':
      return parseKind(raw);
    case 'level':
      return parseLevel(raw);
    case 'capability':
      return parseCapability(raw);
    case 'title':
      return parseTitle(raw);
    case 'release':
      return parseRelease(raw);
  }
}

const GEOMETRY_NEED: Partial<Record<ImportLayer, string>> = { townships: 'Polygon', roads: 'LineString' };

function mapGeometry(g: Geometry, f: (p: Position) => Position | null): Geometry | null {
  let bad = false;
  const deep = (c: unknown): unknown => {
    if (typeof (c as unknown[])[0] === 'number') {
      const r = f(c as Position);
      if (!r) bad = true;
      return r;
    }
    return (c as unknown[]).map(deep);
  };
  const out = { ...g, coordinates: deep(g.coordinates) } as Geometry;
  return bad ? null : out;
}

export function validateRows(layer: ImportLayer, rows: SourceRow[], mapping: Record<string, string>, ctx: ProjectContext): Validated {
  const specs = (LAYER_FIELDS[layer] ?? []).filter((s) => mapping[s.field]);
  const problems: ImportProblem[] = [];
  const crsWarnings: ImportProblem[] = [];
  const valid: ValidRow[] = [];
  const seenCodes = new Map<string, number>();
  const codeCol = mapping.code ?? null;
  let rejected = 0;
  for (const src of rows) {
    const rowProblems: ImportProblem[] = [];
    const fields: Record<string, unknown> = {};
    for (const spec of specs) {
      const col = mapping[spec.field];
      const raw = (src.values[col] ?? '').trim();
      if (raw === '') {
        const needed = spec.required && (ctx.mode === 'insert' || spec.field === 'code');
        if (needed && !((spec.type === 'lng' || spec.type === 'lat') && src.geometry)) rowProblems.push(problem(src.row, col, 'missing_required'));
        continue;
      }
      const p = parseField(spec, raw);
      if (p.ok) {
        fields[spec.field] = p.value;
        // 中心乡镇卫生院 / 中心卫生院 name a central THC.
        if (spec.field === 'level' && p.value === 'township_hc' && raw.includes('中心') && !mapping.isCentralThc) fields.isCentralThc = true;
      }
      else rowProblems.push(problem(src.row, col, p.code, { value: raw, ...(p.params ?? {}) }));
    }
    // Required fields whose column is mapped but absent from this row were handled above; fields
    // without a column are reported once as missingRequired by the caller.
    let point: Position | undefined;
    let geometry: Geometry | undefined;
    const isPointLayer = layer === 'villages' || layer === 'facilities';
    const geomIsWgs84 = ctx.geometryIsWgs84;
    const convert = (p: Position, column: string | null): Position | null => {
      let [x, y] = p;
      if (!(geomIsWgs84 || (ctx.crs === 'cgcs2000' && Math.abs(x) > 1000))) {
        const v = judge(x, y);
        const shown = `${x}, ${y}`;
        if (v === 'swapped') {
          const p = problem(src.row, column, 'swapped_coordinates', { value: shown });
          if (!ctx.swapSuspected) {
            rowProblems.push(p);
            return null;
          }
          [x, y] = [y, x];
          crsWarnings.push(p);
        } else if (v === 'out_of_range') {
          rowProblems.push(problem(src.row, column, 'coordinate_out_of_range', { value: shown }));
          return null;
        } else if (v === 'outside_china') {
          (ctx.acceptOutside ? crsWarnings : rowProblems).push(problem(src.row, column, 'outside_china', { value: shown }));
          if (!ctx.acceptOutside) return null;
        }
      }
      const w = geomIsWgs84 ? ([x, y] as Position) : toWgs84([x, y], ctx.crs);
      if (!w || !Number.isFinite(w[0]) || !Number.isFinite(w[1]) || Math.abs(w[0]) > 180 || Math.abs(w[1]) > 90) {
        rowProblems.push(problem(src.row, column, 'coordinate_out_of_range', { value: `${x}, ${y}` }));
        return null;
      }
      return w;
    };
    if (isPointLayer) {
      if (typeof fields.lng === 'number' && typeof fields.lat === 'number') {
        point = convert([fields.lng, fields.lat], mapping.lng) ?? undefined;
      } else if (fields.lng === undefined && fields.lat === undefined && src.geometry) {
        const g = src.geometry;
        const isArea = g.type === 'Polygon' || g.type === 'MultiPolygon';
        // A polygon stands for the village's area: the village point goes inside it (a centroid can
        // fall outside a concave village), and villages keep the polygon for village_areas.
        const c: Position | null =
          g.type === 'Point' ? g.coordinates : g.type === 'Polygon' ? interiorPoint([g.coordinates]) : g.type === 'MultiPolygon' ? interiorPoint(g.coordinates) : null;
        if (c) point = convert(c, null) ?? undefined;
        else rowProblems.push(problem(src.row, null, 'missing_geometry', { expected: 'Point' }));
        if (isArea && layer === 'villages') geometry = mapGeometry(g, (p) => convert(p, null)) ?? undefined;
      } else if (ctx.mode === 'insert' && !rowProblems.some((p) => p.column === mapping.lng || p.column === mapping.lat)) {
        rowProblems.push(problem(src.row, mapping.lng ?? mapping.lat ?? null, 'missing_required'));
      }
      delete fields.lng;
      delete fields.lat;
      if (point && ctx.bounds) {
        const km = kmOutside(point, ctx.bounds);
        // X.import_far_from_project_km
        if (km > ctx.farKm) {
          const p = problem(src.row, mapping.lng ?? null, 'far_from_project', { value: `${point[0].toFixed(5)}, ${point[1].toFixed(5)}`, km: ctx.farKm });
          (ctx.acceptOutside ? crsWarnings : rowProblems).push(p);
        }
      }
    }
    const need = GEOMETRY_NEED[layer];
    if (need) {
      const g = src.geometry;
      const okType = g && (need === 'Polygon' ? g.type === 'Polygon' || g.type === 'MultiPolygon' : g.type === 'LineString' || g.type === 'MultiLineString');
      if (!g || !okType) rowProblems.push(problem(src.row, null, 'missing_geometry', { expected: need }));
      else {
        geometry = mapGeometry(g, (p) => convert(p, null)) ?? undefined;
        if (geometry && need === 'Polygon') {
          try {
            if (kinks(geometry as never).features.length > 0) {
              const repaired = ctx.repairPolygons ? repairPolygon(geometry) : null;
              if (repaired) {
                geometry = repaired;
                crsWarnings.push(problem(src.row, null, 'polygon_repaired'));
              } else rowProblems.push(problem(src.row, null, 'self_intersecting_polygon'));
            }
          } catch {
            rowProblems.push(problem(src.row, null, 'self_intersecting_polygon'));
          }
        }
      }
    }
    checkLayerRules(layer, src.row, fields, mapping, ctx, rowProblems);
    // Codes: unique in the file; in insert mode also against the project; in update mode must exist.
    const code = typeof fields.code === 'string' ? fields.code : null;
    if (code && codeCol && (layer === 'villages' || layer === 'facilities' || layer === 'townships')) {
      const first = seenCodes.get(code);
      if (first !== undefined) rowProblems.push(problem(src.row, codeCol, 'duplicate_code', { value: code, where: 'file', firstRow: first }));
      else seenCodes.set(code, src.row);
      if (ctx.mode === 'insert' && ctx.existingCodes.has(code)) rowProblems.push(problem(src.row, codeCol, 'duplicate_code', { value: code, where: 'project' }));
      if (ctx.mode === 'update' && !ctx.existingCodes.has(code) && (layer === 'villages' || layer === 'facilities')) {
        rowProblems.push(problem(src.row, codeCol, 'no_match', { value: code }));
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      rejected++;
    } else {
      const label = String(fields.name ?? fields.person ?? fields.code ?? `#${src.row}`);
      valid.push({ row: src.row, label, fields, point, geometry });
    }
  }
  return { valid, problems, crsWarnings, rejected };
}

function checkLayerRules(layer: ImportLayer, row: number, f: Record<string, unknown>, mapping: Record<string, string>, ctx: ProjectContext, out: ImportProblem[]): void {
  const resolveTownship = () => {
    if (typeof f.township === 'string' && f.township && !f.townshipCode) {
      const code = ctx.townshipByName.get(f.township);
      if (code) f.townshipCode = code;
      else if (layer !== 'villages' || ctx.townshipByName.size > 0) {
        if (!(layer === 'villages' && typeof f.code === 'string')) out.push(problem(row, mapping.township, 'unknown_township', { value: f.township }));
      }
    }
    delete f.township;
  };
  if (layer === 'villages') {
    const hadTownshipColumn = typeof f.township === 'string' || typeof f.townshipCode === 'string';
    resolveTownship();
    if (typeof f.code === 'string' && typeof f.townshipCode === 'string' && f.code.slice(0, 9) !== f.townshipCode) {
      out.push(problem(row, mapping.code, 'code_township_mismatch', { value: f.code, township: f.townshipCode }));
    }
    if (typeof f.code === 'string' && !f.townshipCode && (ctx.mode === 'insert' || hadTownshipColumn)) f.townshipCode = f.code.slice(0, 9);
  } else if (layer === 'facilities') {
    resolveTownship();
    if (f.level && f.level !== 'village_clinic' && f.villageCode) f.villageCode = null;
    if (!f.townshipCode && typeof f.villageCode === 'string') f.townshipCode = f.villageCode.slice(0, 9);
  } else if (layer === 'postings') {
    const resolveFacility = (k: 'fromInstitution' | 'toInstitution') => {
      const v = f[k];
      if (typeof v === 'string' && v && !ctx.facilityCodes.has(v)) {
        const code = ctx.facilityCodeByName.get(v);
        if (code) f[k] = code;
      }
    };
    resolveFacility('fromInstitution');
    resolveFacility('toInstitution');
    if (typeof f.toVillage === 'string' && f.toVillage) {
      const v = f.toVillage;
      if (!/^\d{12}$/.test(v)) {
        const code = ctx.villageCodeByName.get(v);
        if (code) f.toVillage = code;
        else out.push(problem(row, mapping.toVillage, 'unknown_value', { value: v }));
      }
    }
    if (ctx.mode === 'insert' && !f.toInstitution && !f.toVillage) out.push(problem(row, mapping.toInstitution ?? mapping.toVillage ?? '派驻单位', 'missing_required'));
    if (typeof f.startDate === 'string' && typeof f.endDate === 'string' && f.endDate < f.startDate) {
      out.push(problem(row, mapping.endDate, 'out_of_range', { value: f.endDate }));
    }
  }
}

/**
 * Splits a self-intersecting (multi)polygon at its crossings into simple polygons (a bow-tie
 * becomes two triangles): the area the planner drew, without the invalid ring. Null if it fails.
 */
function repairPolygon(g: Geometry): Geometry | null {
  try {
    const parts = unkinkPolygon({ type: 'Feature', properties: {}, geometry: g } as never).features as unknown as { geometry: { coordinates: Position[][] } }[];
    return parts.length ? { type: 'MultiPolygon', coordinates: parts.map((p) => p.geometry.coordinates) } : null;
  } catch {
    return null;
  }
}
