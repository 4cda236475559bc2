/**
 * GeoPackage geometry blobs (OGC 12-128r18 §2.1.3): a "GP" header with the SRS id and an
 * envelope, followed by standard little-endian WKB. Only the 2D types the project uses.
 */
import type { Geometry, Position } from '../api/schema.js';

const WKB_TYPE: Record<Geometry['type'], number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiLineString: 5,
  MultiPolygon: 6,
};

export function encodeGpkgGeometry(g: Geometry, srsId = 4326): Buffer {
  const wkb = encodeWkb(g);
  const isPoint = g.type === 'Point';
  // Points carry no envelope (it would repeat the coordinates); others carry [minx,maxx,miny,maxy].
  const envelope = isPoint ? null : envelopeOf(g);
  const header = Buffer.alloc(8 + (envelope ? 32 : 0));
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2); // version 1.0
  header.writeUInt8(((envelope ? 1 : 0) << 1) | 1, 3); // envelope indicator, little endian
  header.writeInt32LE(srsId, 4);
  if (envelope) envelope.forEach((v, i) => header.writeDoubleLE(v, 8 + i * 8));
  return Buffer.concat([header, wkb]);
}

export function decodeGpkgGeometry(blob: Uint8Array): Geometry {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf.length < 8 || buf[0] !== 0x47 || buf[1] !== 0x50) throw new Error('not a GeoPackage geometry blob');
  const flags = buf[3];
  const envelopeBytes = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelopeBytes === undefined) throw new Error('bad GeoPackage envelope indicator');
  return new WkbReader(buf, 8 + envelopeBytes).geometry();
}

export function envelopeOf(g: Geometry): [number, number, number, number] {
  let minx = Infinity, maxx = -Infinity, miny = Infinity, maxy = -Infinity;
  for (const [x, y] of positionsOf(g)) {
    if (x < minx) minx = x;
    if (x > maxx) maxx = x;
    if (y < miny) miny = y;
    if (y > maxy) maxy = y;
  }
  return [minx, maxx, miny, maxy];
}

export function* positionsOf(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Point': yield g.coordinates; break;
    case 'LineString': yield* g.coordinates; break;
    case 'Polygon':
    case 'MultiLineString': for (const r of g.coordinates) yield* r; break;
    case 'MultiPolygon': for (const p of g.coordinates) for (const r of p) yield* r; break;
  }
}

function encodeWkb(g: Geometry): Buffer {
  const parts: Buffer[] = [];
  const head = (type: number) => {
    const b = Buffer.alloc(5);
    b.writeUInt8(1, 0);
    b.writeUInt32LE(type, 1);
    parts.push(b);
  };
  const uint = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n, 0);
    parts.push(b);
  };
  const points = (ps: Position[]) => {
    uint(ps.length);
    const b = Buffer.alloc(ps.length * 16);
    ps.forEach(([x, y], i) => {
      b.writeDoubleLE(x, i * 16);
      b.writeDoubleLE(y, i * 16 + 8);
    });
    parts.push(b);
  };
  const rings = (rs: Position[][]) => {
    uint(rs.length);
    rs.forEach(points);
  };
  head(WKB_TYPE[g.type]);
  switch (g.type) {
    case 'Point': {
      const b = Buffer.alloc(16);
      b.writeDoubleLE(g.coordinates[0], 0);
      b.writeDoubleLE(g.coordinates[1], 8);
      parts.push(b);
      break;
    }
    case 'LineString': points(g.coordinates); break;
    case 'Polygon': rings(g.coordinates); break;
    case 'MultiLineString':
      uint(g.coordinates.length);
      for (const l of g.coordinates) { head(2); points(l); }
      break;
    case 'MultiPolygon':
      uint(g.coordinates.length);
      for (const p of g.coordinates) { head(3); rings(p); }
      break;
  }
  return Buffer.concat(parts);
}

/** Reads WKB of either byte order; ISO Z/M codes are rejected (the project is 2D). */
class WkbReader {
  private le = true;
  constructor(private readonly buf: Buffer, private pos: number) {}

  geometry(): Geometry {
    this.le = this.buf.readUInt8(this.pos) === 1;
    this.pos += 1;
    const type = this.uint();
    switch (type) {
      case 1: return { type: 'Point', coordinates: this.point() };
      case 2: return { type: 'LineString', coordinates: this.points() };
      case 3: return { type: 'Polygon', coordinates: this.rings() };
      case 5: return { type: 'MultiLineString', coordinates: this.many(() => this.points()) };
      case 6: return { type: 'MultiPolygon', coordinates: this.many(() => this.rings()) };
      default: throw new Error(`unsupported WKB geometry type ${type}`);
    }
  }
  private many<T>(read: () => T): T[] {
    const n = this.uint();
    const out: T[] = [];
    for (let i = 0; i < n; i++) {
      this.le = this.buf.readUInt8(this.pos) === 1;
      this.pos += 5; // byte order + type of the member geometry
      out.push(read());
    }
    return out;
  }
  private uint(): number {
    const v = this.le ? this.buf.readUInt32LE(this.pos) : this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  private double(): number {
    const v = this.le ? this.buf.readDoubleLE(this.pos) : this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }
  private point(): Position {
    return [this.double(), this.double()];
  }
  private points(): Position[] {
    const n = this.uint();
    const out: Position[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.point();
    return out;
  }
  private rings(): Position[][] {
    const n = this.uint();
    const out: Position[][] = [];
    for (let i = 0; i < n; i++) out.push(this.points());
    return out;
  }
}
