/**
 * Reads elevation models (DEMs) into an ElevationGrid: SRTM `.hgt` tiles (plain or zipped, as
 * NASA and most mirrors ship them) and GeoTIFF in EPSG:4326.
 *
 * Failures are ApiError: FILE_NOT_FOUND when the file is missing, BAD_RASTER with a `detail` that
 * names the problem otherwise.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { fromArrayBuffer, type GeoTIFFImage } from 'geotiff';
import { ApiError } from '../api/errors.js';
import type { ElevationGrid } from '../engine/elevation.js';

/** Geographic CRS accepted for GeoTIFF: WGS 84 and CGCS2000 (China's datum, within centimetres of WGS 84 at DEM scale). */
const GEOGRAPHIC_EPSG = new Set([4326, 4490]);
/** Larger grids would not fit a worker's memory comfortably (4 bytes a cell). */
const MAX_CELLS = 120_000_000;
const SRTM_VOID = -32768;

function badRaster(file: string, detail: string): ApiError {
  return new ApiError('BAD_RASTER', `cannot read raster ${file}: ${detail}`, { path: file, detail });
}

export async function readDem(file: string): Promise<ElevationGrid> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ApiError('FILE_NOT_FOUND', `file not found: ${file}`, { path: file });
    throw badRaster(file, (err as Error).message);
  }
  const name = path.basename(file).toLowerCase();
  if (name.endsWith('.hgt')) return parseHgt(file, path.basename(file), bytes);
  if (name.endsWith('.zip')) {
    const entry = findZipEntry(file, bytes, (n) => n.toLowerCase().endsWith('.hgt'));
    return parseHgt(file, path.basename(entry.name), entry.data);
  }
  if (name.endsWith('.tif') || name.endsWith('.tiff')) return parseGeoTiff(file, bytes);
  throw badRaster(file, 'unsupported format (expected .hgt, .hgt.zip, .tif or .tiff)');
}

/** SW corner of an SRTM tile from its name, e.g. N42E001 → lat 42, lng 1; S09W078 → −9, −78. */
export function srtmTileCorner(name: string): { lat: number; lng: number } | null {
  const m = /([NS])(\d{1,2})([EW])(\d{1,3})/i.exec(name);
  if (!m) return null;
  const lat = Number(m[2]) * (m[1].toUpperCase() === 'S' ? -1 : 1);
  const lng = Number(m[4]) * (m[3].toUpperCase() === 'W' ? -1 : 1);
  if (lat < -90 || lat >= 90 || lng < -180 || lng >= 180) return null;
  return { lat, lng };
}

/**
 * SRTM `.hgt`: a square of big-endian int16 metres, 1201² (SRTM3, 3″) or 3601² (SRTM1, 1″), row
 * by row from the north. The outer rows and columns lie on the tile's edges (they repeat the
 * neighbouring tiles' edges), so the first sample sits exactly on the NW corner.
 */
function parseHgt(file: string, entryName: string, bytes: Uint8Array): ElevationGrid {
  const corner = srtmTileCorner(entryName);
  if (!corner) throw badRaster(file, `tile name "${entryName}" does not give its corner (expected e.g. N42E001.hgt)`);
  const side = Math.round(Math.sqrt(bytes.length / 2));
  if (side * side * 2 !== bytes.length || (side !== 1201 && side !== 3601)) {
    throw badRaster(file, `${bytes.length} bytes is not an SRTM tile (1201×1201 or 3601×3601 int16)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new Float32Array(side * side);
  for (let i = 0; i < data.length; i++) {
    const v = view.getInt16(2 * i, false);
    data[i] = v === SRTM_VOID ? NaN : v;
  }
  const step = 1 / (side - 1);
  return { width: side, height: side, west: corner.lng, north: corner.lat + 1, dx: step, dy: step, data };
}

interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * The first entry matching `want` in a zip archive, read through the central directory and
 * inflated with zlib (stored and deflate entries; zip64 and encryption are refused).
 */
function findZipEntry(file: string, buf: Uint8Array, want: (name: string) => boolean): ZipEntry {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badRaster(file, 'not a zip archive (no end of central directory)');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let k = 0; k < entries; k++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50) throw badRaster(file, 'damaged zip central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(buf.subarray(p + 46, p + 46 + nameLen));
    names.push(name);
    p += 46 + nameLen + extraLen + commentLen;
    if (!want(name)) continue;
    if (flags & 1) throw badRaster(file, `zip entry ${name} is encrypted`);
    if (compSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw badRaster(file, `zip entry ${name} needs zip64, which is not supported`);
    if (local + 30 > buf.length || view.getUint32(local, true) !== 0x04034b50) throw badRaster(file, `damaged zip entry ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = buf.subarray(start, start + compSize);
    if (raw.length !== compSize) throw badRaster(file, `zip entry ${name} is truncated`);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch (err) {
        throw badRaster(file, `zip entry ${name} cannot be inflated: ${(err as Error).message}`);
      }
    } else throw badRaster(file, `zip entry ${name} uses compression method ${method} (only deflate is supported)`);
    if (data.length !== size) throw badRaster(file, `zip entry ${name} has ${data.length} bytes, expected ${size}`);
    return { name, data };
  }
  throw badRaster(file, `no .hgt file in the zip archive (found: ${names.join(', ') || 'nothing'})`);
}

/** GeoKey values (GeoTIFF 1.0 spec, section 6.3). */
const MODEL_GEOGRAPHIC = 2;
const RASTER_PIXEL_IS_POINT = 2;
const USER_DEFINED = 32767;

async function parseGeoTiff(file: string, bytes: Buffer): Promise<ElevationGrid> {
  let image: GeoTIFFImage;
  try {
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const tiff = await fromArrayBuffer(ab);
    image = await tiff.getImage();
  } catch (err) {
    throw badRaster(file, `not a readable TIFF: ${(err as Error).message}`);
  }
  const keys = image.getGeoKeys() ?? {};
  const model = Number(keys.GTModelTypeGeoKey);
  const geographic = Number(keys.GeographicTypeGeoKey);
  if (model !== MODEL_GEOGRAPHIC || !GEOGRAPHIC_EPSG.has(geographic)) {
    const crs = model === MODEL_GEOGRAPHIC ? `EPSG:${geographic === USER_DEFINED ? 'user-defined' : geographic}` : keys.ProjectedCSTypeGeoKey ? `projected EPSG:${keys.ProjectedCSTypeGeoKey}` : 'unknown';
    throw badRaster(file, `coordinate system ${crs} is not supported; reproject the DEM to WGS 84 (EPSG:4326), e.g. gdalwarp -t_srs EPSG:4326`);
  }
  const width = image.getWidth();
  const height = image.getHeight();
  if (width * height > MAX_CELLS) throw badRaster(file, `${width}×${height} cells is too large (at most ${MAX_CELLS}); clip the DEM to the county first`);
  const geo = await georeference(file, image);
  let bands;
  try {
    bands = await image.readRasters({ samples: [0], interleave: false });
  } catch (err) {
    throw badRaster(file, `pixels cannot be decoded: ${(err as Error).message}`);
  }
  const band = bands[0] as ArrayLike<number>;
  const nodata = image.getGDALNoData();
  const data = new Float32Array(width * height);
  const southUp = geo.yStep > 0;
  for (let r = 0; r < height; r++) {
    const src = (southUp ? height - 1 - r : r) * width;
    const dst = r * width;
    for (let c = 0; c < width; c++) {
      const v = band[src + c];
      data[dst + c] = (nodata !== null && v === nodata) || !Number.isFinite(v) ? NaN : v;
    }
  }
  // A float32 nodata such as -3.4e38 is stored rounded; catch it after the conversion as well.
  if (nodata !== null) {
    const nd32 = Math.fround(nodata);
    for (let i = 0; i < data.length; i++) if (data[i] === nd32) data[i] = NaN;
  }
  const dx = geo.xStep;
  const dy = Math.abs(geo.yStep);
  // Pixel-is-area (the default): the origin is the corner of the first pixel; move it to the centre.
  // A south-up raster (positive y step) was flipped above, so its last stored row is now the first.
  const half = Number(keys.GTRasterTypeGeoKey) === RASTER_PIXEL_IS_POINT ? 0 : 0.5;
  const north = southUp ? geo.originY + (height - 1 + half) * dy : geo.originY - half * dy;
  return { width, height, west: geo.originX + half * dx, north, dx, dy, data };
}

/**
 * Origin (model coordinates of raster point (0, 0): the first pixel's corner, or its centre for
 * pixel-is-point) and signed steps per column / row (yStep < 0 for the usual north-up raster),
 * from ModelTransformation or ModelTiepoint + ModelPixelScale. Rotated or sheared grids are refused.
 */
async function georeference(file: string, image: GeoTIFFImage): Promise<{ originX: number; originY: number; xStep: number; yStep: number }> {
  const dir = image.getFileDirectory();
  const numbers = async (tag: 'ModelTransformation' | 'ModelTiepoint' | 'ModelPixelScale'): Promise<number[] | null> => {
    const v = dir.hasTag(tag) ? await dir.loadValue(tag) : undefined;
    return v ? Array.from(v as ArrayLike<number>, Number) : null;
  };
  const transform = await numbers('ModelTransformation');
  let geo;
  if (transform && transform.length >= 8) {
    if (transform[1] !== 0 || transform[4] !== 0) throw badRaster(file, 'rotated or sheared grids are not supported; warp the DEM to a north-up grid first');
    geo = { originX: transform[3], originY: transform[7], xStep: transform[0], yStep: transform[5] };
  } else {
    const tie = await numbers('ModelTiepoint');
    const scale = await numbers('ModelPixelScale');
    if (!tie || tie.length < 6 || !scale || scale.length < 2) throw badRaster(file, 'no georeferencing (ModelTiepoint and ModelPixelScale are missing)');
    // The tie point ties raster point (I, J) to model point (X, Y); scale Y is positive for north-up.
    const [i, j, , x, y] = tie;
    geo = { originX: x - i * scale[0], originY: y + j * scale[1], xStep: scale[0], yStep: -scale[1] };
  }
  if (!(geo.xStep > 0) || !Number.isFinite(geo.yStep) || geo.yStep === 0 || !Number.isFinite(geo.originX) || !Number.isFinite(geo.originY)) {
    throw badRaster(file, 'degenerate georeferencing (zero or non-finite pixel size)');
  }
  return geo;
}
