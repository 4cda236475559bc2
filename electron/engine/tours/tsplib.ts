/**
 * TSPLIB reader (text in, instance out; no file access) and the TSPLIB distance conventions, so
 * benchmark lengths are comparable with the published optima.
 *
 * Conventions (Reinelt, TSPLIB 95): nint(x) = (int)(x + 0.5);
 *   EUC_2D  nint(√(dx² + dy²))          CEIL_2D ⌈√(dx² + dy²)⌉
 *   ATT     r = √((dx² + dy²)/10), t = nint(r), d = t < r ? t + 1 : t
 *   GEO     coordinates are DDD.MM (degrees, minutes); radians = π(deg + 5·min/3)/180 with π =
 *           3.141592 and deg = (int)x (truncation, as the reference code and Concorde do);
 *           d = (int)(RRR·acos(½((1+q1)q2 − (1−q1)q3)) + 1), RRR = 6378.388.
 */

export type EdgeWeightType = 'EUC_2D' | 'CEIL_2D' | 'ATT' | 'GEO';

export interface TsplibInstance {
  name: string;
  type: string;
  comment: string;
  dimension: number;
  edgeWeightType: EdgeWeightType;
  /** x (or latitude for GEO) of node i (0-based). */
  x: Float64Array;
  /** y (or longitude for GEO) of node i. */
  y: Float64Array;
}

const SUPPORTED: readonly string[] = ['EUC_2D', 'CEIL_2D', 'ATT', 'GEO'];

/** Header lines as "KEY : value" (the colon may lack spaces) up to the first section keyword. */
function splitHeader(line: string): [string, string] | null {
  const m = /^\s*([A-Z_]+)\s*:\s*(.*?)\s*$/.exec(line);
  return m ? [m[1], m[2]] : null;
}

export function parseTsplib(text: string): TsplibInstance {
  const lines = text.split(/\r?\n/);
  const head = new Map<string, string>();
  let k = 0;
  for (; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === '' ) continue;
    if (line.startsWith('NODE_COORD_SECTION') || line === 'EOF') break;
    const kv = splitHeader(line);
    if (kv) head.set(kv[0], kv[1]);
  }
  const dimension = Number(head.get('DIMENSION'));
  if (!Number.isInteger(dimension) || dimension < 1) throw new Error(`TSPLIB: bad DIMENSION ${head.get('DIMENSION') ?? '(missing)'}`);
  const ewt = head.get('EDGE_WEIGHT_TYPE') ?? '';
  if (!SUPPORTED.includes(ewt)) throw new Error(`TSPLIB: EDGE_WEIGHT_TYPE ${ewt || '(missing)'} is not supported (${SUPPORTED.join(', ')})`);
  if (!(lines[k] ?? '').trim().startsWith('NODE_COORD_SECTION')) throw new Error('TSPLIB: NODE_COORD_SECTION missing');
  const x = new Float64Array(dimension);
  const y = new Float64Array(dimension);
  const seen = new Uint8Array(dimension);
  for (k++; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === '' ) continue;
    if (line === 'EOF' || /^[A-Z_]+/.test(line)) break;
    const parts = line.split(/\s+/).map(Number);
    const id = parts[0] - 1;
    if (parts.length < 3 || !Number.isInteger(id) || id < 0 || id >= dimension || parts.some((v) => !Number.isFinite(v))) {
      throw new Error(`TSPLIB: bad coordinate line "${line}"`);
    }
    x[id] = parts[1];
    y[id] = parts[2];
    seen[id] = 1;
  }
  if (seen.some((s) => s === 0)) throw new Error('TSPLIB: NODE_COORD_SECTION does not list every node');
  return {
    name: head.get('NAME') ?? '',
    type: head.get('TYPE') ?? '',
    comment: head.get('COMMENT') ?? '',
    dimension,
    edgeWeightType: ewt as EdgeWeightType,
    x,
    y,
  };
}

/** A `.tour` file's TOUR_SECTION as 0-based node indices (the section ends at -1 or EOF). */
export function parseTour(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim().startsWith('TOUR_SECTION'));
  if (at < 0) throw new Error('TSPLIB tour: TOUR_SECTION missing');
  const order: number[] = [];
  for (const line of lines.slice(at + 1)) {
    for (const tok of line.trim().split(/\s+/)) {
      if (tok === '') continue;
      if (tok === 'EOF' || tok === '-1') return order;
      const v = Number(tok);
      if (!Number.isInteger(v) || v < 1) throw new Error(`TSPLIB tour: bad node "${tok}"`);
      order.push(v - 1);
    }
  }
  return order;
}

const nint = (v: number): number => Math.floor(v + 0.5);
const GEO_PI = 3.141592;
const RRR = 6378.388;

function geoRadians(v: number): number {
  const deg = Math.trunc(v);
  const min = v - deg;
  return (GEO_PI * (deg + (5.0 * min) / 3.0)) / 180.0;
}

/** TSPLIB distance between nodes i and j of the instance. */
export function tsplibDistance(inst: TsplibInstance, i: number, j: number): number {
  const { x, y } = inst;
  switch (inst.edgeWeightType) {
    case 'EUC_2D':
      return nint(Math.hypot(x[i] - x[j], y[i] - y[j]));
    case 'CEIL_2D':
      return Math.ceil(Math.hypot(x[i] - x[j], y[i] - y[j]));
    case 'ATT': {
      const dx = x[i] - x[j], dy = y[i] - y[j];
      const r = Math.sqrt((dx * dx + dy * dy) / 10.0);
      const t = nint(r);
      return t < r ? t + 1 : t;
    }
    case 'GEO': {
      if (i === j) return 0;
      const lai = geoRadians(x[i]), loi = geoRadians(y[i]);
      const laj = geoRadians(x[j]), loj = geoRadians(y[j]);
      const q1 = Math.cos(loi - loj);
      const q2 = Math.cos(lai - laj);
      const q3 = Math.cos(lai + laj);
      return Math.trunc(RRR * Math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
    }
  }
}

/** Full row-major n × n matrix of TSPLIB distances. */
export function tsplibMatrix(inst: TsplibInstance): Float64Array {
  const n = inst.dimension;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i * n + j] = m[j * n + i] = tsplibDistance(inst, i, j);
  return m;
}

/** Length of a closed tour (0-based order) under the instance's distance. */
export function tsplibTourLength(inst: TsplibInstance, order: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < order.length; k++) s += tsplibDistance(inst, order[k], order[(k + 1) % order.length]);
  return s;
}

/** `optimal.txt`: lines "name : value". */
export function parseOptimal(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^:\s]+)\s*:\s*([0-9.eE+-]+)\s*$/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}
