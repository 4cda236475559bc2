/**
 * Streaming reader of OpenStreetMap PBF files (https://wiki.openstreetmap.org/wiki/PBF_Format),
 * decoded by hand on top of the `pbf` protobuf primitives and node:zlib.
 *
 * File layout: repeated { int32 big-endian length; BlobHeader; Blob }. The first blob is an
 * `OSMHeader` (HeaderBlock), the rest `OSMData` (PrimitiveBlock). Blobs are read one at a time
 * with positional reads, so memory holds one compressed and one inflated blob (at most 32 MiB by
 * the spec, usually ~100 KB / ~1 MB) besides what the sink keeps.
 *
 * Supported: raw and zlib blobs; HeaderBlock required_features OsmSchema-V0.6 and DenseNodes;
 * string tables, granularity and lat/lon offsets; DenseNodes (delta ids/lat/lon, keys_vals),
 * plain Nodes, Ways (delta refs); Relations are counted and otherwise skipped.
 * Not supported (clear error): lzma/bzip2/lz4/zstd blobs, history files.
 */
/// <reference path="../vendor-types.d.ts" />
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import Pbf from 'pbf';
import { OsmFormatError, type OsmSink, type OsmTags, type ReadOptions } from './types.js';

const inflate = promisify(zlib.inflate);

/** The parts of the pbf@3 reader used here (the package ships no types). */
interface PbfReader {
  buf: Uint8Array;
  pos: number;
  type: number;
  length: number;
  readVarint(isSigned?: boolean): number;
  readSVarint(): number;
  readString(): string;
  readBytes(): Uint8Array;
  readPackedVarint(arr: number[], isSigned?: boolean): number[];
  readPackedSVarint(arr: number[]): number[];
  skip(val: number): void;
}

const reader = (buf: Uint8Array): PbfReader => new Pbf(buf) as unknown as PbfReader;

/** Wire type of length-delimited fields. */
const BYTES = 2;
/** Spec limits: BlobHeader < 64 KiB, uncompressed blob <= 32 MiB. */
const MAX_HEADER = 64 * 1024;
const MAX_BLOB = 32 * 1024 * 1024;

export const SUPPORTED_FEATURES = ['OsmSchema-V0.6', 'DenseNodes'];

/** Iterates the fields of the message in p.buf[p.pos .. end); `cb` reads or leaves the field. */
function fields(p: PbfReader, end: number, cb: (tag: number, type: number) => void): void {
  while (p.pos < end) {
    const val = p.readVarint();
    const tag = val >>> 3;
    p.type = val & 7;
    const start = p.pos;
    cb(tag, p.type);
    if (p.pos === start) p.skip(val);
  }
  if (p.pos !== end) throw new OsmFormatError('malformed protobuf message');
}

/** Start and end of a length-delimited field's payload; moves past it. */
function sub(p: PbfReader): [number, number] {
  const len = p.readVarint();
  const start = p.pos;
  p.pos += len;
  if (len < 0 || p.pos > p.length) throw new OsmFormatError('malformed protobuf message (length past end)');
  return [start, p.pos];
}

export interface PbfHeader {
  requiredFeatures: string[];
  optionalFeatures: string[];
  writingProgram: string | null;
  /** [west, south, east, north] from the header, degrees, when present. */
  bbox: [number, number, number, number] | null;
}

export async function readPbf(file: string, sink: OsmSink, opts: ReadOptions = {}): Promise<PbfHeader> {
  const fh = await fs.open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    let pos = 0;
    let header: PbfHeader | null = null;
    const lenBuf = Buffer.alloc(4);

    const readExactly = async (buf: Buffer, what: string): Promise<void> => {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead < buf.length) {
        throw new OsmFormatError(`file truncated: ${what} at byte ${pos} needs ${buf.length} bytes, ${bytesRead} left`);
      }
      pos += buf.length;
    };

    while (pos < size) {
      opts.signal?.throwIfAborted();
      await readExactly(lenBuf, 'blob header length');
      const headerLen = lenBuf.readUInt32BE(0);
      if (headerLen === 0 || headerLen > MAX_HEADER) {
        throw new OsmFormatError(header ? `corrupt blob header length ${headerLen} at byte ${pos - 4}` : 'not an OSM PBF file');
      }
      const hBuf = Buffer.alloc(headerLen);
      await readExactly(hBuf, 'blob header');
      const bh = decodeBlobHeader(hBuf);
      if (!header && bh.type !== 'OSMHeader') throw new OsmFormatError(`not an OSM PBF file (first blob is "${bh.type.slice(0, 40)}", expected OSMHeader)`);
      if (bh.datasize < 0 || bh.datasize > MAX_BLOB) throw new OsmFormatError(`corrupt blob size ${bh.datasize} at byte ${pos}`);
      const blobBuf = Buffer.alloc(bh.datasize);
      await readExactly(blobBuf, `${bh.type} blob`);

      if (bh.type === 'OSMHeader') {
        if (header) throw new OsmFormatError('second OSMHeader blob');
        header = decodeHeaderBlock(await decodeBlob(blobBuf));
        const unsupported = header.requiredFeatures.filter((f) => !SUPPORTED_FEATURES.includes(f));
        if (unsupported.length > 0) throw new OsmFormatError(`unsupported required feature(s): ${unsupported.join(', ')}`);
      } else if (bh.type === 'OSMData') {
        decodePrimitiveBlock(await decodeBlob(blobBuf), sink);
      }
      // Other blob types are skipped, as the format asks.
      opts.onProgress?.(pos / size);
    }
    if (!header) throw new OsmFormatError('empty file');
    return header;
  } finally {
    await fh.close();
  }
}

function decodeBlobHeader(buf: Uint8Array): { type: string; datasize: number } {
  const p = reader(buf);
  let type = '';
  let datasize = -1;
  fields(p, p.length, (tag, wt) => {
    if (tag === 1 && wt === BYTES) type = p.readString();
    else if (tag === 3) datasize = p.readVarint(true);
  });
  if (!type || datasize < 0) throw new OsmFormatError('not an OSM PBF file (bad BlobHeader)');
  return { type, datasize };
}

async function decodeBlob(buf: Uint8Array): Promise<Uint8Array> {
  const p = reader(buf);
  let raw: Uint8Array | null = null;
  let zlibData: Uint8Array | null = null;
  let rawSize = -1;
  let other: string | null = null;
  const names: Record<number, string> = { 4: 'lzma', 5: 'bzip2', 6: 'lz4', 7: 'zstd' };
  fields(p, p.length, (tag, wt) => {
    if (tag === 1 && wt === BYTES) raw = p.readBytes();
    else if (tag === 2) rawSize = p.readVarint(true);
    else if (tag === 3 && wt === BYTES) zlibData = p.readBytes();
    else if (names[tag]) other = names[tag];
  });
  if (raw) return raw;
  if (zlibData) {
    if (rawSize > MAX_BLOB) throw new OsmFormatError(`blob too large (${rawSize} bytes)`);
    let out: Buffer;
    try {
      out = await inflate(zlibData, { maxOutputLength: MAX_BLOB });
    } catch (e) {
      throw new OsmFormatError(`corrupt zlib data: ${(e as Error).message}`);
    }
    if (rawSize >= 0 && out.length !== rawSize) throw new OsmFormatError(`blob inflated to ${out.length} bytes, expected ${rawSize}`);
    return out;
  }
  if (other) throw new OsmFormatError(`unsupported blob compression: ${other}`);
  throw new OsmFormatError('blob without data');
}

function decodeHeaderBlock(buf: Uint8Array): PbfHeader {
  const p = reader(buf);
  const h: PbfHeader = { requiredFeatures: [], optionalFeatures: [], writingProgram: null, bbox: null };
  fields(p, p.length, (tag, wt) => {
    if (tag === 1 && wt === BYTES) {
      const [start, end] = sub(p);
      p.pos = start;
      const box = { left: 0, right: 0, top: 0, bottom: 0 };
      fields(p, end, (t) => {
        if (t === 1) box.left = p.readSVarint();
        else if (t === 2) box.right = p.readSVarint();
        else if (t === 3) box.top = p.readSVarint();
        else if (t === 4) box.bottom = p.readSVarint();
      });
      h.bbox = [box.left * 1e-9, box.bottom * 1e-9, box.right * 1e-9, box.top * 1e-9];
    } else if (tag === 4 && wt === BYTES) h.requiredFeatures.push(p.readString());
    else if (tag === 5 && wt === BYTES) h.optionalFeatures.push(p.readString());
    else if (tag === 16 && wt === BYTES) h.writingProgram = p.readString();
  });
  return h;
}

interface BlockContext {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

/** PrimitiveBlock: the string table and coordinate parameters may follow the groups, so groups are decoded last. */
function decodePrimitiveBlock(buf: Uint8Array, sink: OsmSink): void {
  const p = reader(buf);
  const ctx: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  const groups: [number, number][] = [];
  fields(p, p.length, (tag, wt) => {
    if (tag === 1 && wt === BYTES) {
      const [start, end] = sub(p);
      p.pos = start;
      const decoder = new TextDecoder();
      fields(p, end, (t, w) => {
        if (t === 1 && w === BYTES) {
          const [s, e] = sub(p);
          ctx.strings.push(decoder.decode(p.buf.subarray(s, e)));
        }
      });
    } else if (tag === 2 && wt === BYTES) groups.push(sub(p));
    else if (tag === 17) ctx.granularity = p.readVarint(true);
    else if (tag === 19) ctx.latOffset = p.readVarint(true);
    else if (tag === 20) ctx.lonOffset = p.readVarint(true);
  });
  if (!(ctx.granularity > 0)) throw new OsmFormatError(`bad granularity ${ctx.granularity}`);
  for (const [start, end] of groups) {
    p.pos = start;
    fields(p, end, (tag, wt) => {
      if (wt !== BYTES) return;
      const [s, e] = sub(p);
      p.pos = s;
      if (tag === 1) decodeNode(p, e, ctx, sink);
      else if (tag === 2) decodeDense(p, e, ctx, sink);
      else if (tag === 3) decodeWay(p, e, ctx, sink);
      else if (tag === 4) decodeRelation(p, e, sink);
      p.pos = e;
    });
  }
}

/** Nanodegree-based raw coordinate to integer 1e-7 degrees. */
function toE7(raw: number, offset: number, granularity: number): number {
  return Math.round((offset + granularity * raw) / 100);
}

function str(ctx: BlockContext, i: number): string {
  const s = ctx.strings[i];
  if (s === undefined) throw new OsmFormatError(`string index ${i} outside the string table`);
  return s;
}

function tagsOf(ctx: BlockContext, keys: number[], vals: number[]): OsmTags {
  if (keys.length === 0) return null;
  if (keys.length !== vals.length) throw new OsmFormatError('keys and vals of different lengths');
  const tags: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) tags[str(ctx, keys[i])] = str(ctx, vals[i]);
  return tags;
}

function decodeNode(p: PbfReader, end: number, ctx: BlockContext, sink: OsmSink): void {
  let id = 0;
  let lat = 0;
  let lon = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  fields(p, end, (tag) => {
    if (tag === 1) id = p.readSVarint();
    else if (tag === 2) p.readPackedVarint(keys);
    else if (tag === 3) p.readPackedVarint(vals);
    else if (tag === 8) lat = p.readSVarint();
    else if (tag === 9) lon = p.readSVarint();
  });
  sink.node(id, toE7(lon, ctx.lonOffset, ctx.granularity), toE7(lat, ctx.latOffset, ctx.granularity), tagsOf(ctx, keys, vals));
}

function decodeDense(p: PbfReader, end: number, ctx: BlockContext, sink: OsmSink): void {
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const kv: number[] = [];
  fields(p, end, (tag) => {
    if (tag === 1) p.readPackedSVarint(ids);
    else if (tag === 8) p.readPackedSVarint(lats);
    else if (tag === 9) p.readPackedSVarint(lons);
    else if (tag === 10) p.readPackedVarint(kv);
  });
  if (lats.length !== ids.length || lons.length !== ids.length) throw new OsmFormatError('DenseNodes with id/lat/lon arrays of different lengths');
  let id = 0;
  let lat = 0;
  let lon = 0;
  let k = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i];
    lat += lats[i];
    lon += lons[i];
    let tags: OsmTags = null;
    if (k < kv.length) {
      // keys_vals: (key, val)* 0 per node; absent altogether when no node of the block has tags.
      while (k < kv.length && kv[k] !== 0) {
        if (k + 1 >= kv.length) throw new OsmFormatError('DenseNodes keys_vals truncated');
        (tags ??= {})[str(ctx, kv[k])] = str(ctx, kv[k + 1]);
        k += 2;
      }
      k++; // the 0 delimiter
    }
    sink.node(id, toE7(lon, ctx.lonOffset, ctx.granularity), toE7(lat, ctx.latOffset, ctx.granularity), tags);
  }
}

function decodeWay(p: PbfReader, end: number, ctx: BlockContext, sink: OsmSink): void {
  let id = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  const deltas: number[] = [];
  fields(p, end, (tag) => {
    if (tag === 1) id = p.readVarint(true);
    else if (tag === 2) p.readPackedVarint(keys);
    else if (tag === 3) p.readPackedVarint(vals);
    else if (tag === 8) p.readPackedSVarint(deltas);
  });
  let ref = 0;
  for (let i = 0; i < deltas.length; i++) {
    ref += deltas[i];
    deltas[i] = ref;
  }
  sink.way(id, deltas, tagsOf(ctx, keys, vals));
}

function decodeRelation(p: PbfReader, end: number, sink: OsmSink): void {
  let id = 0;
  fields(p, end, (tag) => {
    if (tag === 1) id = p.readVarint(true);
  });
  sink.relation(id);
}
