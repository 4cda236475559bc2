/**
 * Streaming reader of OpenStreetMap XML (`.osm`, and gzip-compressed `.osm.gz`): the file is read
 * in chunks, gunzipped on the fly when asked, and fed to a strict `sax` parser; every
 * <node>/<way>/<relation> is handed to the sink when its end tag is seen. Nothing but the element
 * being parsed is buffered here.
 */
import fs from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import sax from 'sax';
import { OsmFormatError, type OsmSink, type ReadOptions } from './types.js';

type Attrs = Record<string, string>;

export async function readOsmXml(file: string, gzipped: boolean, sink: OsmSink, opts: ReadOptions = {}): Promise<void> {
  const size = fs.statSync(file).size;
  const src = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  let input: Readable = src;
  if (gzipped) {
    const gunzip = zlib.createGunzip();
    // pipeline forwards a read error of the file to the gunzip stream (and so to the loop below).
    pipeline(src, gunzip, () => {});
    input = gunzip;
  }

  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  let parseError: Error | null = null;
  let rootSeen = false;
  let rootClosed = false;
  let depth = 0;

  // The element being read (node, way or relation) and its children.
  let kind: 'node' | 'way' | 'relation' | null = null;
  let skip = false;
  let id = 0;
  let lonE7 = 0;
  let latE7 = 0;
  let tags: Record<string, string> | null = null;
  let refs: number[] = [];

  const num = (v: string | undefined, what: string): number => {
    const n = v === undefined || v === '' ? NaN : Number(v);
    if (!Number.isFinite(n)) throw new OsmFormatError(`bad ${what} "${String(v).slice(0, 40)}" at line ${parser.line + 1}`);
    return n;
  };

  parser.onerror = (e) => {
    parseError ??= e;
  };
  parser.onopentag = (tag) => {
    depth++;
    const a = tag.attributes as Attrs;
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name !== 'osm') {
        const shown = /^[\w:.-]{1,40}$/.test(tag.name) ? ` (root element <${tag.name}>)` : '';
        throw new OsmFormatError(`not an OpenStreetMap XML file${shown}`);
      }
      return;
    }
    if (depth === 2) {
      if (tag.name !== 'node' && tag.name !== 'way' && tag.name !== 'relation') return;
      kind = tag.name;
      // JOSM files mark deleted objects with action="delete"; history-style files with visible="false".
      skip = a.action === 'delete' || a.visible === 'false';
      id = num(a.id, `${kind} id`);
      tags = null;
      refs = [];
      if (kind === 'node' && !skip) {
        const lat = num(a.lat, `latitude of node ${id}`);
        const lon = num(a.lon, `longitude of node ${id}`);
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new OsmFormatError(`node ${id} outside -180..180 / -90..90`);
        lonE7 = Math.round(lon * 1e7);
        latE7 = Math.round(lat * 1e7);
      }
    } else if (depth === 3 && kind && !skip) {
      if (tag.name === 'tag' && a.k !== undefined) (tags ??= {})[a.k] = a.v ?? '';
      else if (tag.name === 'nd' && kind === 'way') refs.push(num(a.ref, `node reference of way ${id}`));
    }
  };
  parser.onclosetag = (name) => {
    if (depth === 2 && kind && name === kind) {
      if (!skip) {
        if (kind === 'node') sink.node(id, lonE7, latE7, tags);
        else if (kind === 'way') sink.way(id, refs, tags);
        else sink.relation(id);
      }
      kind = null;
    }
    if (depth === 1) rootClosed = true;
    depth--;
  };

  const decoder = new StringDecoder('utf8');
  let first = true;
  const fail = (e: Error): never => {
    if (e instanceof OsmFormatError) throw e;
    if (!rootSeen) throw new OsmFormatError('not an OpenStreetMap XML file');
    throw new OsmFormatError(`XML error at line ${parser.line + 1}: ${e.message.split('\n')[0]}`);
  };
  try {
    for await (const chunk of input) {
      opts.signal?.throwIfAborted();
      let text = decoder.write(chunk as Buffer);
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      try {
        parser.write(text);
      } catch (e) {
        fail(e as Error);
      }
      if (parseError) fail(parseError);
      opts.onProgress?.(size > 0 ? Math.min(1, src.bytesRead / size) : 1);
    }
    try {
      parser.write(decoder.end());
      if (parseError) fail(parseError);
      if (rootSeen && !rootClosed) throw new OsmFormatError('file truncated (the <osm> element is not closed)');
      parser.close();
    } catch (e) {
      fail(e as Error);
    }
    if (parseError) fail(parseError);
  } catch (e) {
    if (e instanceof OsmFormatError || (opts.signal?.aborted && e === opts.signal.reason)) throw e;
    // Stream errors: a truncated or corrupt gzip stream, a read error.
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || /unexpected end of file|incorrect header check|invalid/i.test((e as Error).message)) {
      throw new OsmFormatError(`corrupt or truncated gzip data: ${(e as Error).message}`);
    }
    throw e;
  } finally {
    src.destroy();
    if (input !== src) input.destroy();
  }
  if (!rootSeen) throw new OsmFormatError('empty file (no XML element)');
  if (!rootClosed) throw new OsmFormatError('file truncated (the <osm> element is not closed)');
}
