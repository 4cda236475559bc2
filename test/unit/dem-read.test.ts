/**
 * Reading DEMs: the real SRTM3 tile of Andorra (zipped, with voids) and a NASADEM GeoTIFF, checked
 * against values read with GDAL (gdallocationinfo) when the tests were written; hand-made files for
 * the conventions (plain .hgt, stored zip, southern/western tiles) and for every refusal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import { gridCoverage, sampleElevation, type ElevationGrid } from '../../electron/engine/elevation.js';
import { readDem, srtmTileCorner } from '../../electron/io/dem.js';
import { tempDir } from '../helpers/fixtures.js';

const SHARED = path.resolve(__dirname, '../../../shared/data');

/** A shared test file; a missing one fails the test with its path. */
function shared(rel: string): string {
  const p = path.join(SHARED, rel);
  if (!fs.existsSync(p)) throw new Error(`missing test data file: ${p} (see /work/shared/data/README.md)`);
  return p;
}

const ANDORRA = 'dem/N42E001.hgt.zip';
const NASADEM = 'raster/NASADEM_HGT_n18w072.tif';

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected a rejection');
}

function stats(g: ElevationGrid): { voids: number; min: number; max: number } {
  let voids = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of g.data) {
    if (Number.isNaN(v)) voids++;
    else {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return { voids, min, max };
}

/** Big-endian int16 .hgt bytes of a grid (NaN → -32768). */
function hgtBytes(g: ElevationGrid): Buffer {
  const buf = Buffer.alloc(g.data.length * 2);
  g.data.forEach((v, i) => buf.writeInt16BE(Number.isNaN(v) ? -32768 : v, 2 * i));
  return buf;
}

/** A minimal zip archive with stored (uncompressed) entries; the reader ignores the CRC. */
function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('readDem: SRTM .hgt.zip (Andorra, N42E001)', () => {
  it('reads the 1201×1201 SRTM3 tile placed by its name, first row on the north edge', async () => {
    const g = await readDem(shared(ANDORRA));
    expect([g.width, g.height]).toEqual([1201, 1201]);
    expect(g.west).toBe(1);
    expect(g.north).toBe(43);
    expect(g.dx).toBeCloseTo(1 / 1200, 15);
    expect(g.dy).toBeCloseTo(1 / 1200, 15);
    // Reference values: gdallocationinfo /vsizip/N42E001.hgt.zip/N42E001.hgt <col> <row>.
    expect(g.data[0]).toBe(838);
    expect(g.data[600 * 1201 + 600]).toBe(1095);
    expect(g.data[100 * 1201 + 900]).toBe(703);
    expect(g.data[1201 * 1201 - 1]).toBe(707);
    // Sample (col, row) lies exactly at (1 + col/1200, 43 − row/1200).
    expect(sampleElevation(g, 1.5, 42.5)).toBe(1095);
    expect(sampleElevation(g, 1 + 900 / 1200, 43 - 100 / 1200)).toBeCloseTo(703, 6);
  });

  it('turns -32768 voids into NaN and keeps the documented 349-3,100 m range', async () => {
    const g = await readDem(shared(ANDORRA));
    const s = stats(g);
    expect(s.voids).toBe(7652);
    expect(s.min).toBe(349);
    expect(s.max).toBe(3100);
    // Inside a block of void cells (cols 534-536, rows 196-199), nothing to interpolate from.
    expect(sampleElevation(g, 1 + 535.5 / 1200, 43 - 197.5 / 1200)).toBeNaN();
    // A void next to valid cells is filled from them.
    const v = sampleElevation(g, 1 + 114 / 1200, 43 - 92 / 1200);
    expect(Number.isNaN(g.data[92 * 1201 + 114])).toBe(true);
    expect(Number.isFinite(v)).toBe(true);
  });

  it('covers Andorra (but not a box half outside the tile)', async () => {
    const g = await readDem(shared(ANDORRA));
    expect(gridCoverage(g, [1.4, 42.4, 1.8, 42.7])).toBeGreaterThan(0.99);
    expect(gridCoverage(g, [1.5, 42.4, 2.5, 42.7])).toBeGreaterThan(0.49);
    expect(gridCoverage(g, [1.5, 42.4, 2.5, 42.7])).toBeLessThan(0.51);
    expect(gridCoverage(g, [3, 42.4, 3.5, 42.7])).toBe(0);
  });
});

describe('readDem: plain .hgt and other zips', () => {
  it('reads a plain .hgt with the same values as the zipped tile', async () => {
    const g = await readDem(shared(ANDORRA));
    const dir = tempDir();
    const file = path.join(dir, 'N42E001.hgt');
    fs.writeFileSync(file, hgtBytes(g));
    const h = await readDem(file);
    expect({ ...h, data: null }).toEqual({ ...g, data: null });
    expect(Buffer.from(h.data.buffer).equals(Buffer.from(g.data.buffer))).toBe(true);
  });

  it('places southern and western tiles (S09W078 → west −78, north −8) and SRTM1 tiles (3601², 1″)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 's09w078.hgt');
    const buf = Buffer.alloc(3601 * 3601 * 2);
    buf.writeInt16BE(1234, 0);
    buf.writeInt16BE(-32768, 2);
    fs.writeFileSync(file, buf);
    const g = await readDem(file);
    expect([g.width, g.west, g.north, g.dx]).toEqual([3601, -78, -8, 1 / 3600]);
    expect(g.data[0]).toBe(1234);
    expect(g.data[1]).toBeNaN();
    expect(srtmTileCorner('N00E000.hgt')).toEqual({ lat: 0, lng: 0 });
    expect(srtmTileCorner('dem.hgt')).toBeNull();
  });

  it('finds the .hgt among other entries of a stored (uncompressed) zip', async () => {
    const g = await readDem(shared(ANDORRA));
    const dir = tempDir();
    const file = path.join(dir, 'tile.zip');
    fs.writeFileSync(file, storedZip([{ name: 'readme.txt', data: Buffer.from('hello') }, { name: 'srtm/N42E001.HGT', data: hgtBytes(g) }]));
    const h = await readDem(file);
    expect([h.west, h.north, h.data[600 * 1201 + 600]]).toEqual([1, 43, 1095]);
  });
});

describe('readDem: GeoTIFF', () => {
  it('reads NASADEM (EPSG:4326, 430×111, nodata 65535 → NaN) with pixel centres as samples', async () => {
    const g = await readDem(shared(NASADEM));
    expect([g.width, g.height]).toEqual([430, 111]);
    // gdalinfo: origin (-71.80930555555554, 18.699305555555554), pixel 0.001111111111111 (4″).
    expect(g.dx).toBeCloseTo(1 / 900, 12);
    expect(g.dy).toBeCloseTo(1 / 900, 12);
    expect(g.west).toBeCloseTo(-71.809305555555554 + g.dx / 2, 12);
    expect(g.north).toBeCloseTo(18.699305555555554 - g.dy / 2, 12);
    expect(stats(g).voids).toBe(540);
    // gdallocationinfo: pixel (0,0) 1801, (200,50) 1164, (429,110) nodata; -geoloc -71.7 18.65 → 1720.
    expect(g.data[0]).toBe(1801);
    expect(g.data[50 * 430 + 200]).toBe(1164);
    expect(g.data[110 * 430 + 429]).toBeNaN();
    const col = Math.floor((-71.7 + 71.809305555555554) * 900);
    const row = Math.floor((18.699305555555554 - 18.65) * 900);
    expect(g.data[row * 430 + col]).toBe(1720);
    expect(sampleElevation(g, g.west + col * g.dx, g.north - row * g.dy)).toBeCloseTo(1720, 6);
    expect(gridCoverage(g, [-71.8, 18.6, -71.4, 18.69])).toBeGreaterThan(0.95);
  });

  /** A float32 GeoTIFF, 0.5° pixels, first pixel's corner at (100, 30) unless `meta` says otherwise. */
  function tiff(meta: Record<string, unknown>, values: number[], width: number, height: number, georef: Record<string, number[]> = { ModelPixelScale: [0.5, 0.5, 0], ModelTiepoint: [0, 0, 0, 100, 30, 0] }): string {
    const file = path.join(tempDir(), 'dem.tif');
    const ab = writeArrayBuffer(Float32Array.from(values), {
      width,
      height,
      BitsPerSample: [32],
      SampleFormat: [3],
      ...georef,
      ...meta,
    });
    fs.writeFileSync(file, Buffer.from(ab));
    return file;
  }

  it('honours GDAL_NODATA and pixel-is-point rasters', async () => {
    const area = await readDem(tiff({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326, GTRasterTypeGeoKey: 1, GDAL_NODATA: '-9999' }, [1, 2, -9999, 4, 5, 6], 3, 2));
    expect([area.west, area.north, area.dx, area.dy]).toEqual([100.25, 29.75, 0.5, 0.5]);
    expect(Array.from(area.data)).toEqual([1, 2, NaN, 4, 5, 6]);
    const point = await readDem(tiff({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326, GTRasterTypeGeoKey: 2 }, [1, 2, 3, 4, 5, 6], 3, 2));
    expect([point.west, point.north]).toEqual([100, 30]);
  });

  it('flips a south-up raster (negative y scale) so that row 0 is the northern one', async () => {
    const g = await readDem(tiff({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326, ModelPixelScale: [0.5, -0.5, 0], ModelTiepoint: [0, 0, 0, 100, 29, 0] }, [1, 2, 3, 4, 5, 6], 3, 2));
    // Stored rows: [1 2 3] at lat 29-29.5, [4 5 6] at 29.5-30.
    expect(Array.from(g.data)).toEqual([4, 5, 6, 1, 2, 3]);
    expect([g.west, g.north]).toEqual([100.25, 29.75]);
    expect(sampleElevation(g, 100.25, 29.25)).toBe(1);
  });

  it('reads a ModelTransformation grid and refuses a rotated one', async () => {
    const ok = await readDem(tiff({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 }, [1, 2, 3, 4], 2, 2, { ModelTransformation: [0.5, 0, 0, 100, 0, -0.5, 0, 30, 0, 0, 0, 0, 0, 0, 0, 1] }));
    expect([ok.west, ok.north, ok.dx, ok.dy]).toEqual([100.25, 29.75, 0.5, 0.5]);
    const file = tiff({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 }, [1, 2, 3, 4], 2, 2, { ModelTransformation: [0.5, 0.1, 0, 100, 0.1, -0.5, 0, 30, 0, 0, 0, 0, 0, 0, 0, 1] });
    const err = await rejection(readDem(file));
    expect(err.code).toBe('BAD_RASTER');
    expect(String(err.params.detail)).toContain('rotated');
  });

  it('refuses a projected GeoTIFF with BAD_RASTER naming the coordinate system', async () => {
    const file = tiff({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32650, GTRasterTypeGeoKey: 1 }, [1, 2, 3, 4], 2, 2);
    const err = await rejection(readDem(file));
    expect(err.code).toBe('BAD_RASTER');
    expect(err.params.path).toBe(file);
    expect(String(err.params.detail)).toContain('32650');
  });
});

describe('readDem: errors', () => {
  it('reports a missing file as FILE_NOT_FOUND with its path', async () => {
    const file = path.join(tempDir(), 'N42E001.hgt');
    const err = await rejection(readDem(file));
    expect(err.code).toBe('FILE_NOT_FOUND');
    expect(err.params.path).toBe(file);
  });

  it('refuses broken or unsupported files with BAD_RASTER and a detail', async () => {
    const dir = tempDir();
    const cases: [string, Buffer][] = [
      ['N42E001.hgt', Buffer.alloc(1000)],
      ['elevation.hgt', Buffer.alloc(1201 * 1201 * 2)],
      ['N42E001.hgt.zip', Buffer.from('not a zip at all, just text')],
      ['other.zip', storedZip([{ name: 'readme.txt', data: Buffer.from('no tile here') }])],
      ['bad.tif', Buffer.from('II*\0garbage')],
      ['dem.asc', Buffer.from('ncols 2')],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const err = await rejection(readDem(file));
      expect(err.code, name).toBe('BAD_RASTER');
      expect(err.params.path).toBe(file);
      expect(String(err.params.detail).length, name).toBeGreaterThan(5);
    }
  });
});
