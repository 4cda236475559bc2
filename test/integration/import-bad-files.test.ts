/**
 * The bad-file corpus: every file gives its specific error or problem code, and an apply
 * (skipInvalid false) writes nothing — the project's bytes are unchanged. Small files are committed
 * under test/fixtures/bad/ (scripts/make-bad-fixtures.ts); large and binary ones are generated here.
 * Size policy: files over 50 MB are refused with FILE_TOO_LARGE from their size alone (no parsing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { writeArrayBuffer } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import type { ImportOptions } from '../../electron/api/schema.js';
import { applyImportFile, previewImportFile } from '../../electron/io/import/index.js';
import type { ProjectStore } from '../../electron/store/project-store.js';
import { makeProject, sha256, shapefile, tmpDir, zip } from './import-helpers.js';

interface Case {
  file: string;
  layer: ImportOptions['layer'];
  options?: Partial<ImportOptions>;
  error?: string;
  problem?: string;
  row?: number;
  note: string;
}

const FIXTURES = path.resolve(__dirname, '../fixtures/bad');
const committed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as Case[];

let dir: string;
let store: ProjectStore;
const generated: Case[] = [];

async function makeGenerated(): Promise<void> {
  const w = (name: string, data: Buffer | string) => fs.writeFileSync(path.join(dir, name), data);
  // A 100 MB CSV, written in 1 MB chunks.
  const line = '350524100301,甲村,100,30,118.05,25.05\n';
  const chunk = Buffer.from('村代码,村名,人口,户数,经度,纬度\n' + line.repeat(Math.floor((1 << 20) / line.length)));
  const fd = fs.openSync(path.join(dir, 'huge.csv'), 'w');
  for (let i = 0; i < 100; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  generated.push({ file: 'huge.csv', layer: 'villages', error: 'FILE_TOO_LARGE', note: '100 MB CSV' });
  // Zip bombs: 300 MB of zeros deflated to ~300 kB, as an "xlsx" and as a "Shapefile".
  const zeros = Buffer.alloc(300 * 1024 * 1024);
  const bomb = deflateRawSync(zeros, { level: 9 });
  const bombZip = (inner: string) => {
    const z = zip([{ name: inner, data: Buffer.from('x'), store: true }]);
    // Patch in the bomb: rebuild with the real deflated stream and the declared size.
    return patchEntry(z, bomb, zeros.length);
  };
  w('bomb.xlsx', bombZip('xl/worksheets/sheet1.xml'));
  generated.push({ file: 'bomb.xlsx', layer: 'villages', error: 'FILE_TOO_LARGE', note: 'zip bomb workbook' });
  w('bomb.zip', bombZip('a.shp'));
  generated.push({ file: 'bomb.zip', layer: 'villages', error: 'FILE_TOO_LARGE', note: 'zip bomb Shapefile' });
  // Too many entries.
  w('many.zip', zip(Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}.shp`, data: '', store: true }))));
  generated.push({ file: 'many.zip', layer: 'villages', error: 'FILE_TOO_LARGE', note: '10,001 zip entries' });
  // A real workbook, truncated.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('村').addRows([['村代码', '村名', '经度', '纬度'], ['350524100301', '甲村', 118.05, 25.05]]);
  const full = Buffer.from(await wb.xlsx.writeBuffer());
  w('truncated.xlsx', full.subarray(0, Math.floor(full.length / 2)));
  generated.push({ file: 'truncated.xlsx', layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'XLSX cut in half' });
  // A Shapefile zip, truncated, and one missing its .dbf, one with an unusable .prj, one with a lying entry size.
  const shp = shapefile([{ type: 'Point', coordinates: [118.05, 25.05] }], ['CODE', 'NAME'], [['350524100301', '甲村']]);
  const good = zip([{ name: 'v.shp', data: shp.shp }, { name: 'v.shx', data: shp.shx }, { name: 'v.dbf', data: shp.dbf }]);
  w('truncated.zip', good.subarray(0, good.length - 30));
  generated.push({ file: 'truncated.zip', layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'zip cut short' });
  w('no-dbf.zip', zip([{ name: 'v.shp', data: shp.shp }, { name: 'v.shx', data: shp.shx }]));
  generated.push({ file: 'no-dbf.zip', layer: 'villages', error: 'SHAPEFILE_INCOMPLETE', note: 'Shapefile without .dbf' });
  w('bad-prj.zip', zip([{ name: 'v.shp', data: shp.shp }, { name: 'v.dbf', data: shp.dbf }, { name: 'v.prj', data: 'PROJCS["nonsense",FOO[]]' }]));
  generated.push({ file: 'bad-prj.zip', layer: 'villages', error: 'UNKNOWN_CRS', note: 'unparseable .prj' });
  w('lying.zip', patchEntry(zip([{ name: 'v.shp', data: Buffer.from('x'), store: true }, { name: 'v.dbf', data: shp.dbf }]), deflateRawSync(Buffer.alloc(5 << 20)), 100));
  generated.push({ file: 'lying.zip', layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'entry inflates past its declared size' });
  w('lying.xlsx', patchEntry(zip([{ name: 'xl/workbook.xml', data: Buffer.from('x'), store: true }]), deflateRawSync(Buffer.alloc(5 << 20)), 100));
  generated.push({ file: 'lying.xlsx', layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'workbook entry inflates past its declared size' });
  w('no-layers.zip', zip([{ name: 'readme.txt', data: 'hello' }]));
  generated.push({ file: 'no-layers.zip', layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'zip of neither xlsx nor shp' });
  // Images and other binaries under table names.
  w('photo.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]));
  generated.push({ file: 'photo.csv', layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'PNG renamed .csv' });
  w('photo.xlsx', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]));
  generated.push({ file: 'photo.xlsx', layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'JPEG renamed .xlsx' });
  w('project.csv', fs.readFileSync(store.path));
  generated.push({ file: 'project.csv', layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'a GeoPackage renamed .csv' });
  // Rasters: projected population grid, a broken TIFF, a population grid as villages.
  const tif = (keys: Record<string, unknown>) =>
    Buffer.from(writeArrayBuffer(Float32Array.from([1, 2, 3, 4]), { width: 2, height: 2, BitsPerSample: [32], SampleFormat: [3], ModelPixelScale: [0.05, 0.05, 0], ModelTiepoint: [0, 0, 0, 118, 25.1, 0], GTModelTypeGeoKey: 2, ...keys }));
  w('projected.tif', tif({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 4527 }));
  generated.push({ file: 'projected.tif', layer: 'population', error: 'UNKNOWN_CRS', note: 'projected population grid' });
  w('broken.tif', Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0]), Buffer.from([0xff, 0xff, 0xff, 0x7f]), Buffer.alloc(20)]));
  generated.push({ file: 'broken.tif', layer: 'population', error: 'BAD_RASTER', note: 'TIFF header pointing nowhere' });
  w('grid.tif', tif({ GeographicTypeGeoKey: 4326 }));
  generated.push({ file: 'grid.tif', layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'GeoTIFF as a table' });
  generated.push({ file: 'does-not-exist.csv', layer: 'villages', error: 'FILE_NOT_FOUND', note: 'missing file' });
}

/** Replaces the single/first entry's data with `data` (deflated) declaring `size` uncompressed bytes. */
function patchEntry(z: Buffer, data: Buffer, size: number): Buffer {
  const nameLen = z.readUInt16LE(26);
  const oldLen = z.readUInt32LE(18);
  const name = z.subarray(30, 30 + nameLen);
  const rest = z.subarray(30 + nameLen + oldLen);
  const lh = Buffer.from(z.subarray(0, 30));
  lh.writeUInt16LE(8, 8);
  lh.writeUInt32LE(data.length, 18);
  lh.writeUInt32LE(size, 22);
  const out = Buffer.concat([lh, name, data, rest]);
  const delta = data.length - oldLen;
  // Fix the central directory: first entry's sizes and method, later offsets, the EOCD offset.
  const eocd = out.length - 22;
  const cdOff = out.readUInt32LE(eocd + 16) + delta;
  out.writeUInt32LE(cdOff, eocd + 16);
  let p = cdOff;
  for (let i = 0; i < out.readUInt16LE(eocd + 10); i++) {
    if (i === 0) {
      out.writeUInt16LE(8, p + 10);
      out.writeUInt32LE(data.length, p + 20);
      out.writeUInt32LE(size, p + 24);
    } else out.writeUInt32LE(out.readUInt32LE(p + 42) + delta, p + 42);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

beforeAll(async () => {
  dir = tmpDir('ccp-bad-');
  store = makeProject(dir, 'project.gpkg');
  await makeGenerated();
}, 60_000);
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bad-file corpus', () => {
  it('has at least 40 cases', () => {
    expect(committed.length + 18).toBeGreaterThanOrEqual(40);
  });

  const run = (c: Case, where: () => string) => async () => {
    const file = path.join(where(), c.file);
    const options = { layer: c.layer, ...(c.options ?? {}) } as ImportOptions;
    const before = sha256(store.path);
    let previewError: ApiError | null = null;
    try {
      const p = await previewImportFile(store, file, options);
      const hit = p.problems.find((x) => x.code === c.problem);
      expect(hit, `${c.file}: ${JSON.stringify(p.problems)}`).toBeTruthy();
      if (c.row !== undefined) expect(hit!.row).toBe(c.row);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      previewError = e;
    }
    if (c.error) expect(previewError?.code, c.file).toBe(c.error);
    else expect(previewError, c.file).toBeNull();
    let applyError: unknown = null;
    try {
      await applyImportFile(store, file, options, false);
    } catch (e) {
      applyError = e;
    }
    expect(applyError, c.file).toBeInstanceOf(ApiError);
    expect((applyError as ApiError).code).toBe(c.error ?? 'IMPORT_REJECTED');
    expect(sha256(store.path), c.file).toBe(before);
  };

  for (const c of committed) it(`${c.file}: ${c.note} → ${c.error ?? c.problem}`, run(c, () => FIXTURES));
  it.each([
    'huge.csv', 'bomb.xlsx', 'bomb.zip', 'many.zip', 'truncated.xlsx', 'truncated.zip', 'no-dbf.zip', 'bad-prj.zip', 'lying.zip', 'lying.xlsx', 'no-layers.zip',
    'photo.csv', 'photo.xlsx', 'project.csv', 'projected.tif', 'broken.tif', 'grid.tif', 'does-not-exist.csv',
  ])('generated %s', async (name) => {
    const c = generated.find((g) => g.file === name)!;
    await run(c, () => dir)();
  });
});
