/** Importer on real files and a real GeoPackage: CSV (GBK, GCJ-02), XLSX (BD-09), GeoJSON, Shapefile, update mode, GeoTIFF population. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import gcoord from 'gcoord';
import iconv from 'iconv-lite';
import { writeArrayBuffer } from 'geotiff';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import { applyImportFile, previewImportFile, writeTemplateFile } from '../../electron/io/import/index.js';
import type { ProjectStore } from '../../electron/store/project-store.js';
import { GK_117_WKT, makeProject, sha256, shapefile, tmpDir, zip } from './import-helpers.js';

let dir: string;
let store: ProjectStore;
beforeEach(() => {
  dir = tmpDir();
  store = makeProject(dir);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function metres(a: [number, number], b: [number, number]): number {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = (b[1] - a[1]) * k;
  return Math.hypot(x, y) * 6371008.8;
}

async function rejected(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
}

const TRUTH: Record<string, [number, number]> = {
  '350524100202': [118.0312, 25.0421],
  '350524101203': [118.1523, 25.0634],
};
const gcj = (p: [number, number]) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number];
const bd = (p: [number, number]) => gcoord.transform(p, gcoord.WGS84, gcoord.BD09) as [number, number];

describe('CSV', () => {
  function gbkCsv(extra = ''): string {
    const [a, b] = [gcj(TRUTH['350524100202']), gcj(TRUTH['350524101203'])];
    const text =
      '行政区划代码,村名,乡镇名称,户籍人口,户数,经度,纬度,是否安置点\r\n' +
      `350524100202,东山村,城关镇,"1,230",300,${a[0]},${a[1]},否\r\n` +
      `350524101203,"龙门""新""村",龙门镇,860,210,${b[0]},${b[1]},是\r\n` +
      extra;
    const file = path.join(dir, 'villages.csv');
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    return file;
  }

  it('reads GBK with Chinese headers, converts GCJ-02 to WGS-84 within a metre, and applies as one change', async () => {
    const file = gbkCsv();
    const before = sha256(store.path);
    const p = await previewImportFile(store, file, { layer: 'villages', crs: 'gcj02' });
    expect(sha256(store.path)).toBe(before);
    expect(p.format).toBe('csv');
    expect(p.encoding).toBe('gbk');
    expect(p.mapping).toMatchObject({ code: '行政区划代码', name: '村名', township: '乡镇名称', population: '户籍人口', households: '户数', lng: '经度', lat: '纬度', kind: '是否安置点' });
    expect(p.missingRequired).toEqual([]);
    expect(p.problems).toEqual([]);
    expect([p.rows, p.accepted, p.rejected, p.inserts]).toEqual([2, 2, 0, 2]);
    const out = await applyImportFile(store, file, { layer: 'villages', crs: 'gcj02' }, false);
    expect(out).toMatchObject({ inserted: 2, updated: 0, rejected: 0 });
    expect(out.changeId).toBeTypeOf('number');
    const vs = store.getLayer('villages').features.map((f) => ({ ...f.properties, location: f.geometry.coordinates as [number, number] }));
    const dong = vs.find((v) => v.code === '350524100202')!;
    expect(dong).toMatchObject({ name: '东山村', population: 1230, households: 300, townshipCode: '350524100', kind: 'village' });
    expect(vs.find((v) => v.code === '350524101203')).toMatchObject({ name: '龙门"新"村', kind: 'settlement', townshipCode: '350524101' });
    for (const [code, truth] of Object.entries(TRUTH)) expect(metres(vs.find((v) => v.code === code)!.location, truth)).toBeLessThan(1);
    expect(store.history()[0]).toMatchObject({ kind: 'import', label: '导入 villages.csv' });
  });

  it('rejects the whole file when a row is bad (bytes unchanged), or imports the good rows with skipInvalid', async () => {
    const file = gbkCsv('350524100209,坏村,城关镇,-5,1,118.05,25.05,否\r\n350524101210,错乡村,城关镇,10,1,118.05,25.05,否\r\n');
    const p = await previewImportFile(store, file, { layer: 'villages', crs: 'gcj02' });
    expect([p.accepted, p.rejected]).toEqual([2, 2]);
    expect(p.problems).toEqual([
      expect.objectContaining({ row: 4, column: '户籍人口', code: 'negative' }),
      expect.objectContaining({ row: 5, column: '行政区划代码', code: 'code_township_mismatch' }),
    ]);
    const before = sha256(store.path);
    const e = await rejected(applyImportFile(store, file, { layer: 'villages', crs: 'gcj02' }, false));
    expect(e.code).toBe('IMPORT_REJECTED');
    expect(e.params).toMatchObject({ rejected: 2, path: file });
    expect(sha256(store.path)).toBe(before);
    const out = await applyImportFile(store, file, { layer: 'villages', crs: 'gcj02' }, true);
    expect(out).toMatchObject({ inserted: 2, rejected: 2 });
    expect(store.getLayer('villages').features).toHaveLength(3);
  });

  it('flags duplicates against the project in insert mode and updates only changed fields in update mode', async () => {
    const file = path.join(dir, 'upd.csv');
    fs.writeFileSync(file, '村代码,村名,人口,户数\n350524100201,老村,800,120\n');
    const ins = await previewImportFile(store, file, { layer: 'villages' });
    expect(ins.missingRequired).toEqual(['lng', 'lat']);
    const p = await previewImportFile(store, file, { layer: 'villages', mode: 'update' });
    expect([p.accepted, p.updates, p.inserts]).toEqual([1, 1, 0]);
    const out = await applyImportFile(store, file, { layer: 'villages', mode: 'update' }, false);
    expect(out).toMatchObject({ inserted: 0, updated: 1 });
    const v = store.getLayer('villages').features[0];
    expect(v.properties).toMatchObject({ population: 800, households: 120, name: '老村' });
    expect(v.geometry.coordinates).toEqual([118.05, 25.05]);
    // unchanged now: nothing to update
    expect((await previewImportFile(store, file, { layer: 'villages', mode: 'update' })).updates).toBe(0);
    fs.writeFileSync(file, '村代码,村名,经度,纬度\n350524100201,老村,118.05,25.05\n');
    const dup = await previewImportFile(store, file, { layer: 'villages' });
    expect(dup.problems[0]).toMatchObject({ row: 2, code: 'duplicate_code', params: { where: 'project' } });
  });

  it('creates village clinics from 有无村卫生室 and staff columns', async () => {
    const file = path.join(dir, 'clinics.csv');
    fs.writeFileSync(file, '村代码,村名,经度,纬度,有无村卫生室,村医人数,执业助理医师\n350524100701,有室村,118.05,25.05,有,2,1\n350524100702,无室村,118.06,25.05,无,0,0\n');
    await applyImportFile(store, file, { layer: 'villages' }, false);
    const clinics = store.getLayer('facilities').features.map((f) => f.properties);
    expect(clinics).toEqual([expect.objectContaining({ code: 'VC-350524100701', level: 'village_clinic', villageCode: '350524100701', villageDoctors: 2, assistantPhysicians: 1 })]);
  });

  it('reports swapped and far-away coordinates as crsWarnings', async () => {
    const file = path.join(dir, 'w.csv');
    fs.writeFileSync(file, '村代码,村名,经度,纬度\n350524100301,甲村,25.06,118.06\n350524100302,乙村,110.5,30.2\n');
    const p = await previewImportFile(store, file, { layer: 'villages' });
    expect(p.accepted).toBe(2);
    expect(p.crsWarnings.map((w) => [w.row, w.code])).toEqual([[2, 'swapped_coordinates'], [3, 'far_from_project']]);
    expect(p.points[0]).toMatchObject({ lng: 118.06, lat: 25.06 });
  });
});

describe('XLSX, GeoJSON, postings', () => {
  it('reads an exceljs workbook (chosen sheet, BD-09, numeric cells)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['随便写点']);
    const ws = wb.addWorksheet('医疗机构');
    ws.addRow(['机构代码', '机构名称', '机构级别', '乡镇', '床位', '执业医师', '护士', '经度', '纬度']);
    const t = TRUTH['350524101203'];
    const b = bd(t);
    ws.addRow(['THC-350524101', '龙门镇卫生院', '中心乡镇卫生院', '龙门镇', 40, 12, 15, b[0], b[1]]);
    ws.addRow(['VC-1', '东山村卫生室', '村卫生室', '城关镇', 0, 1, 0, b[0] + 0.001, b[1]]);
    const file = path.join(dir, 'f.xlsx');
    await wb.xlsx.writeFile(file);
    const p = await previewImportFile(store, file, { layer: 'facilities', crs: 'bd09', sheet: '医疗机构' });
    expect(p.sheets).toEqual(['说明', '医疗机构']);
    expect(p.format).toBe('xlsx');
    expect(p.problems).toEqual([]);
    expect(p.accepted).toBe(2);
    await applyImportFile(store, file, { layer: 'facilities', crs: 'bd09', sheet: '医疗机构' }, false);
    const f = store.getLayer('facilities').features.find((x) => x.properties.code === 'THC-350524101')!;
    expect(f.properties).toMatchObject({ level: 'township_hc', isCentralThc: true, townshipCode: '350524101', beds: 40, physicians: 12, nurses: 15 });
    expect(metres(f.geometry.coordinates as [number, number], t)).toBeLessThan(1);
    const e = await rejected(previewImportFile(store, file, { layer: 'facilities', sheet: '没有' }));
    expect(e.code).toBe('SHEET_NOT_FOUND');
  });

  it('imports GeoJSON villages (geometry, CGCS2000 geographic) and townships with a self-intersection check', async () => {
    const file = path.join(dir, 'v.geojson');
    fs.writeFileSync(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '350524100401', name: '西村', population: 321 }, geometry: { type: 'Point', coordinates: [118.02, 25.02] } },
        { type: 'Feature', properties: { code: '350524100402', name: '无点村', population: 1 }, geometry: null },
      ],
    }));
    const p = await previewImportFile(store, file, { layer: 'villages', crs: 'cgcs2000' });
    expect([p.accepted, p.rejected]).toEqual([1, 1]);
    expect(p.problems[0]).toMatchObject({ row: 3, code: 'missing_required' });
    await applyImportFile(store, file, { layer: 'villages', crs: 'cgcs2000' }, true);
    expect(store.getLayer('villages').features.find((f) => f.properties.code === '350524100401')!.geometry.coordinates).toEqual([118.02, 25.02]);

    const tf = path.join(dir, 't.geojson');
    fs.writeFileSync(tf, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 乡镇代码: '350524102', 乡镇名称: '新镇' }, geometry: { type: 'Polygon', coordinates: [[[118.2, 25], [118.3, 25], [118.3, 25.1], [118.2, 25.1], [118.2, 25]]] } },
        { type: 'Feature', properties: { 乡镇代码: '350524103', 乡镇名称: '蝴蝶镇' }, geometry: { type: 'Polygon', coordinates: [[[118.2, 25], [118.3, 25.1], [118.3, 25], [118.2, 25.1], [118.2, 25]]] } },
      ],
    }));
    const tp = await previewImportFile(store, tf, { layer: 'townships' });
    expect(tp.problems.map((x) => [x.row, x.code])).toEqual([[3, 'self_intersecting_polygon']]);
  });

  it('imports postings with Chinese titles, release and dates, resolving village names', async () => {
    const file = path.join(dir, 'postings.csv');
    fs.writeFileSync(file, '\uFEFF姓名,职称,专业,派出单位,派驻村,开始日期,结束日期,脱产方式,每周天数\n张三,主治医师,内科,县医院,老村,2026/1/1,2026年6月30日,全脱产,5\n李四,副主任医师,外科,县医院,不存在村,2026-01-01,2026-06-30,半脱产,9\n');
    const p = await previewImportFile(store, file, { layer: 'postings' });
    expect(p.encoding).toBe('utf-8');
    expect(p.problems.map((x) => [x.row, x.column, x.code]).sort()).toEqual([[3, '派驻村', 'unknown_value'], [3, '每周天数', 'out_of_range']].sort());
    await applyImportFile(store, file, { layer: 'postings' }, true);
    expect(store.getPostings()[0]).toMatchObject({ person: '张三', titleLevel: 'intermediate', toVillage: '350524100201', startDate: '2026-01-01', endDate: '2026-06-30', release: 'full', daysPerWeek: 5 });
  });
});

describe('Shapefile', () => {
  it('reads a zipped Shapefile with a CGCS2000 Gauss-Krüger .prj and a GBK .dbf without .cpg', async () => {
    const { shp, shx, dbf } = shapefile(
      [{ type: 'Point', coordinates: [603_000, 2_770_000] }],
      ['CODE', 'NAME', 'POP'],
      [['350524100501', '南村', '777']],
    );
    const file = path.join(dir, 'v.zip');
    fs.writeFileSync(file, zip([{ name: 'cun.shp', data: shp }, { name: 'cun.shx', data: shx }, { name: 'cun.dbf', data: dbf }, { name: 'cun.prj', data: GK_117_WKT }]));
    const p = await previewImportFile(store, file, { layer: 'villages', crs: 'gcj02' /* ignored: the .prj wins */ });
    expect(p.format).toBe('shapefile');
    expect(p.encoding).toBe('gbk');
    expect(p.problems).toEqual([]);
    expect(p.points[0].label).toBe('南村');
    expect(p.points[0].lng).toBeCloseTo(118.03, 1);
    expect(p.points[0].lat).toBeCloseTo(25.03, 1);
    await applyImportFile(store, file, { layer: 'villages' }, false);
    expect(store.getLayer('villages').features.find((f) => f.properties.code === '350524100501')!.properties.population).toBe(777);
  });

  it('reads polygon township layers and refuses an archive without .dbf', async () => {
    const ring: [number, number][] = [[118.2, 25], [118.2, 25.1], [118.3, 25.1], [118.3, 25], [118.2, 25]];
    const { shp, shx, dbf } = shapefile([{ type: 'Polygon', coordinates: [ring] }], ['XZQDM', 'XZQMC'], [['350524102', '新镇']], 'utf8');
    const file = path.join(dir, 't.zip');
    fs.writeFileSync(file, zip([{ name: 'x/t.shp', data: shp }, { name: 'x/t.shx', data: shx }, { name: 'x/t.dbf', data: dbf }, { name: 'x/t.cpg', data: 'UTF-8' }]));
    const out = await applyImportFile(store, file, { layer: 'townships' }, false);
    expect(out.inserted).toBe(1);
    expect(store.getLayer('townships').features.map((f) => f.properties.name)).toContain('新镇');
    const bad = path.join(dir, 'nodbf.zip');
    fs.writeFileSync(bad, zip([{ name: 't.shp', data: shp }, { name: 't.shx', data: shx }]));
    const e = await rejected(previewImportFile(store, bad, { layer: 'townships' }));
    expect(e.code).toBe('SHAPEFILE_INCOMPLETE');
    expect(e.params.part).toBe('t.dbf');
  });
});

describe('population GeoTIFF and templates', () => {
  it('sums population cells to the nearest village as an update', async () => {
    await applyImportFile(store, writeCsv('350524101601,东村,118.15,25.05\n'), { layer: 'villages' }, false);
    // 4×2 cells of 0.05°, NW corner (118.0, 25.1): west half near 老村 (118.05), east half near 东村 (118.15); −9999 is nodata.
    const ab = writeArrayBuffer(Float32Array.from([10, 20, 30, 40, 1, 2, 3, -9999]), {
      width: 4, height: 2, BitsPerSample: [32], SampleFormat: [3], ModelPixelScale: [0.05, 0.05, 0], ModelTiepoint: [0, 0, 0, 118.0, 25.1, 0],
      GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326, GTRasterTypeGeoKey: 1, GDAL_NODATA: '-9999',
    });
    const tif = path.join(dir, 'pop.tif');
    fs.writeFileSync(tif, Buffer.from(ab));
    const p = await previewImportFile(store, tif, { layer: 'population' });
    expect(p.updates).toBe(2);
    await applyImportFile(store, tif, { layer: 'population' }, false);
    const pop = Object.fromEntries(store.getLayer('villages').features.map((f) => [f.properties.name, f.properties.population]));
    expect(pop).toEqual({ 老村: 33, 东村: 73 });
    const e = await rejected(previewImportFile(store, tif, { layer: 'villages' }));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
  });

  it('imports a DEM through readDem + putRaster', async () => {
    const ab = writeArrayBuffer(Float32Array.from([100, 200, 300, 400]), {
      width: 2, height: 2, BitsPerSample: [32], SampleFormat: [3], ModelPixelScale: [0.05, 0.05, 0], ModelTiepoint: [0, 0, 0, 118.0, 25.1, 0],
      GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326, GTRasterTypeGeoKey: 1,
    });
    const tif = path.join(dir, 'dem.tif');
    fs.writeFileSync(tif, Buffer.from(ab));
    expect((await previewImportFile(store, tif, { layer: 'dem' })).format).toBe('geotiff');
    expect(store.getRaster('dem')).toBeNull();
    await applyImportFile(store, tif, { layer: 'dem' }, false);
    expect(store.getRaster('dem')).toMatchObject({ width: 2, height: 2, source: 'dem.tif' });
  });

  it('writes XLSX templates that read back as empty (the 示例 row is skipped)', async () => {
    for (const layer of ['villages', 'facilities', 'postings'] as const) {
      const file = await writeTemplateFile(layer, path.join(dir, `${layer}.xlsx`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
      expect(rows).toHaveLength(2);
      expect(rows[1][1]).toBe('示例');
      const p = await previewImportFile(store, file, { layer });
      expect(p.missingRequired).toEqual([]);
      expect(p.problems.map((x) => x.code)).toEqual(['empty_file']);
    }
    const e = await rejected(writeTemplateFile('roads', path.join(dir, 'r.xlsx')));
    expect(e.code).toBe('INVALID_ARGUMENT');
  });
});

function writeCsv(body: string): string {
  const file = path.join(dir, `x${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, '村代码,村名,经度,纬度\n' + body);
  return file;
}
