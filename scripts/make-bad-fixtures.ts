/**
 * Writes the small committed bad-file corpus under test/fixtures/bad/ and its manifest (file →
 * layer, options, expected error or problem code). Large and binary cases (100 MB CSV, zip bombs,
 * truncated archives, images renamed .csv …) are generated at test time by
 * test/integration/import-bad-files.test.ts instead. Run: npx tsx scripts/make-bad-fixtures.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';

const dir = path.resolve(import.meta.dirname, '../test/fixtures/bad');

interface Case {
  file: string;
  layer: string;
  options?: Record<string, unknown>;
  /** An ApiError code from preview, or a problem code reported by preview. */
  error?: string;
  problem?: string;
  row?: number;
  note: string;
}

const cases: Case[] = [];
function add(file: string, content: string | Buffer, c: Omit<Case, 'file'>): void {
  fs.writeFileSync(path.join(dir, file), content);
  cases.push({ file, ...c });
}

const V = '村代码,村名,人口,户数,经度,纬度\n';
const OK = '350524100301,甲村,100,30,118.05,25.05\n';
const F = '机构代码,机构名称,机构级别,乡镇,床位,经度,纬度\n';
const P = '姓名,职称,派出单位,派驻单位,开始日期,结束日期,脱产方式,每周天数\n';
const POK = '王五,中级,CH-1,THC-1,2026-01-01,2026-06-30,全脱产,5\n';
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const poly = (ring: number[][]) => ({ type: 'Polygon', coordinates: [ring] });
const SQUARE = [[118.2, 25], [118.3, 25], [118.3, 25.1], [118.2, 25.1], [118.2, 25]];

fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

// ---- whole-file problems ----
add('empty.csv', '', { layer: 'villages', problem: 'empty_file', note: 'zero bytes' });
add('header-only.csv', V, { layer: 'villages', problem: 'empty_file', note: 'header, no rows' });
add('blank-lines.csv', '\n\r\n  \n', { layer: 'villages', problem: 'empty_file', note: 'only blank lines' });
add('empty-rows-after-header.csv', V + ',,,,,\n,,,,,\n', { layer: 'villages', problem: 'empty_file', note: 'rows of empty cells' });
add('missing-code-column.csv', '村名,经度,纬度\n甲村,118.05,25.05\n', { layer: 'villages', problem: 'missing_column', note: 'no code column' });
add('missing-coordinate-columns.csv', '村代码,村名\n350524100301,甲村\n', { layer: 'villages', problem: 'missing_column', note: 'no lng/lat columns' });
add('wrong-layer-headers.csv', P + POK, { layer: 'villages', problem: 'missing_column', note: 'a postings sheet imported as villages' });
add('latin1.csv', Buffer.concat([Buffer.from('code,name,lng,lat\n350524100301,Caf'), Buffer.from([0xe9]), Buffer.from(',118.05,\n')]), {
  layer: 'villages', problem: 'unknown_encoding', note: 'ISO-8859-1 bytes, not UTF-8 or GBK',
});
// ---- row problems: villages ----
add('name-empty.csv', V + '350524100301,,100,30,118.05,25.05\n', { layer: 'villages', problem: 'missing_required', row: 2, note: 'village name empty' });
add('population-text.csv', V + '350524100301,甲村,一千,30,118.05,25.05\n', { layer: 'villages', problem: 'not_a_number', row: 2, note: 'population in words' });
add('population-negative.csv', V + OK + '350524100302,乙村,-5,30,118.05,25.05\n', { layer: 'villages', problem: 'negative', row: 3, note: 'negative population' });
add('population-fraction.csv', V + '350524100301,甲村,12.5,30,118.05,25.05\n', { layer: 'villages', problem: 'not_an_integer', row: 2, note: 'fractional population' });
add('households-negative.csv', V + '350524100301,甲村,100,-1,118.05,25.05\n', { layer: 'villages', problem: 'negative', row: 2, note: 'negative households' });
add('duplicate-code-in-file.csv', V + OK + OK, { layer: 'villages', problem: 'duplicate_code', row: 3, note: 'same code twice' });
add('duplicate-code-project.csv', V + '350524100201,老村,100,30,118.05,25.05\n', { layer: 'villages', problem: 'duplicate_code', row: 2, note: 'code already in the project' });
add('code-township-mismatch.csv', '村代码,村名,乡镇代码,经度,纬度\n350524101301,甲村,350524100,118.05,25.05\n', { layer: 'villages', problem: 'code_township_mismatch', row: 2, note: 'first 9 digits ≠ township code' });
add('code-township-name-mismatch.csv', '村代码,村名,乡镇,经度,纬度\n350524101301,甲村,城关镇,118.05,25.05\n', { layer: 'villages', problem: 'code_township_mismatch', row: 2, note: 'township by name ≠ code prefix' });
add('code-11-digits.csv', V + '35052410030,甲村,100,30,118.05,25.05\n', { layer: 'villages', problem: 'bad_code_length', row: 2, note: '11-digit code' });
add('code-scientific.csv', V + '3.50524E+11,甲村,100,30,118.05,25.05\n', { layer: 'villages', problem: 'bad_code_length', row: 2, note: 'Excel scientific notation' });
add('code-letters.csv', V + '35052410030A,甲村,100,30,118.05,25.05\n', { layer: 'villages', problem: 'bad_code_length', row: 2, note: 'letters in code' });
add('township-code-8.csv', '村代码,村名,乡镇代码,经度,纬度\n350524100301,甲村,35052410,118.05,25.05\n', { layer: 'villages', problem: 'bad_code_length', row: 2, note: '8-digit township code' });
add('latitude-95.csv', V + '350524100301,甲村,100,30,118.05,95\n', { layer: 'villages', problem: 'coordinate_out_of_range', row: 2, note: 'latitude beyond 90' });
add('longitude-text.csv', V + '350524100301,甲村,100,30,东经118,25.05\n', { layer: 'villages', problem: 'not_a_number', row: 2, note: 'longitude with words' });
add('longitude-empty.csv', V + '350524100301,甲村,100,30,,25.05\n', { layer: 'villages', problem: 'missing_required', row: 2, note: 'longitude empty' });
add('kind-unknown.csv', '村代码,村名,类型,经度,纬度\n350524100301,甲村,城市,118.05,25.05\n', { layer: 'villages', problem: 'unknown_value', row: 2, note: 'unknown village kind' });
add('gbk-population-text.csv', iconv.encode('行政区划代码,村庄名称,常住人口,经度,纬度\r\n350524100301,甲村,约800,118.05,25.05\r\n', 'gbk'), {
  layer: 'villages', problem: 'not_a_number', row: 2, note: 'GBK file, bad number',
});
add('update-no-match.csv', '村代码,人口\n350524100999,100\n', { layer: 'villages', options: { mode: 'update' }, problem: 'no_match', row: 2, note: 'update of an unknown code' });
// ---- facilities ----
add('facility-level-unknown.csv', F + 'X1,某诊所,私人诊所,城关镇,0,118.05,25.05\n', { layer: 'facilities', problem: 'unknown_value', row: 2, note: 'unknown level' });
add('facility-no-level-column.csv', '机构代码,机构名称,经度,纬度\nX1,某院,118.05,25.05\n', { layer: 'facilities', problem: 'missing_column', note: 'no level column' });
add('facility-beds-text.csv', F + 'X1,某院,乡镇卫生院,城关镇,很多,118.05,25.05\n', { layer: 'facilities', problem: 'not_a_number', row: 2, note: 'beds in words' });
add('facility-township-unknown.csv', F + 'X1,某院,乡镇卫生院,火星镇,10,118.05,25.05\n', { layer: 'facilities', problem: 'unknown_township', row: 2, note: 'township name not in project' });
add('facility-duplicate.csv', F + 'X1,某院,乡镇卫生院,城关镇,10,118.05,25.05\nX1,某院二,乡镇卫生院,城关镇,10,118.05,25.05\n', { layer: 'facilities', problem: 'duplicate_code', row: 3, note: 'duplicate facility code' });
// ---- postings ----
add('posting-bad-date.csv', P + '王五,中级,CH-1,THC-1,2026-02-30,2026-06-30,全脱产,5\n', { layer: 'postings', problem: 'bad_date', row: 2, note: 'February 30th' });
add('posting-end-before-start.csv', P + '王五,中级,CH-1,THC-1,2026-06-30,2026-01-01,全脱产,5\n', { layer: 'postings', problem: 'out_of_range', row: 2, note: 'ends before it starts' });
add('posting-days-8.csv', P + '王五,中级,CH-1,THC-1,2026-01-01,2026-06-30,全脱产,8\n', { layer: 'postings', problem: 'out_of_range', row: 2, note: '8 days a week' });
add('posting-title-unknown.csv', P + '王五,大师,CH-1,THC-1,2026-01-01,2026-06-30,全脱产,5\n', { layer: 'postings', problem: 'unknown_value', row: 2, note: 'unknown title' });
add('posting-release-unknown.csv', P + '王五,中级,CH-1,THC-1,2026-01-01,2026-06-30,随便,5\n', { layer: 'postings', problem: 'unknown_value', row: 2, note: 'unknown release' });
add('posting-no-person.csv', P + ',中级,CH-1,THC-1,2026-01-01,2026-06-30,全脱产,5\n', { layer: 'postings', problem: 'missing_required', row: 2, note: 'person empty' });
add('posting-no-destination.csv', P + '王五,中级,CH-1,,2026-01-01,2026-06-30,全脱产,5\n', { layer: 'postings', problem: 'missing_required', row: 2, note: 'neither unit nor village' });
// ---- GeoJSON ----
add('not-json.geojson', '{"type": "FeatureCollection", "features": [', { layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'truncated JSON' });
add('not-a-collection.geojson', JSON.stringify({ type: 'Point', coordinates: [118, 25] }), { layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'bare geometry' });
add('empty-collection.geojson', fc([]), { layer: 'villages', problem: 'empty_file', note: 'no features' });
add('township-no-geometry.geojson', fc([{ type: 'Feature', properties: { code: '350524102', name: '新镇' }, geometry: null }]), { layer: 'townships', problem: 'missing_geometry', row: 2, note: 'township without polygon' });
add('township-bowtie.geojson', fc([{ type: 'Feature', properties: { code: '350524102', name: '新镇' }, geometry: poly([[118.2, 25], [118.3, 25.1], [118.3, 25], [118.2, 25.1], [118.2, 25]]) }]), {
  layer: 'townships', problem: 'self_intersecting_polygon', row: 2, note: 'bow-tie polygon',
});
add('township-code-8.geojson', fc([{ type: 'Feature', properties: { code: '35052410', name: '新镇' }, geometry: poly(SQUARE) }]), { layer: 'townships', problem: 'bad_code_length', row: 2, note: '8-digit township code' });
add('township-duplicate.geojson', fc([{ type: 'Feature', properties: { code: '350524100', name: '城关镇' }, geometry: poly(SQUARE) }]), { layer: 'townships', problem: 'duplicate_code', row: 2, note: 'township already in project' });
add('roads-points.geojson', fc([{ type: 'Feature', properties: { name: 'X1' }, geometry: { type: 'Point', coordinates: [118.1, 25.1] } }]), { layer: 'roads', problem: 'missing_geometry', row: 2, note: 'road as a point' });
add('village-point-nan.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"350524100301","name":"甲村"},"geometry":{"type":"Point","coordinates":[1e999,25]}}]}', {
  layer: 'villages', problem: 'coordinate_out_of_range', row: 2, note: 'infinite coordinate',
});
// ---- wrong formats ----
add('unterminated-quote.csv', V + '350524100301,"甲村,100,30,118.05,25.05\n', { layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'quote never closed' });
add('nul-bytes.csv', Buffer.from('村代码,村名\n\0\0\0\0binary\0\0', 'utf8'), { layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'binary content' });
add('high-bytes.csv', Buffer.from(Array.from({ length: 400 }, (_, i) => [0xff, 0x80, 0x2c, 0x80, 0x0a][i % 5])), {
  layer: 'villages', error: 'BAD_ENCODING', note: 'bytes no encoding decodes (0x80, 0xFF leads)',
});
add('old-excel.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), { layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'Excel 97-2003 .xls' });
add('text-named.xlsx', V + OK, { layer: 'villages', error: 'BAD_IMPORT_FILE', note: 'CSV text with .xlsx extension' });
add('layer.shp', Buffer.from([0, 0, 0x27, 0x0a, 1, 2, 3]), { layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'bare .shp, not zipped' });
add('table.dat', V + OK, { layer: 'villages', error: 'UNSUPPORTED_FORMAT', note: 'unknown extension' });
add('population-from-csv.csv', V + OK, { layer: 'population', error: 'UNSUPPORTED_FORMAT', note: 'population needs a GeoTIFF' });
add('dem-from-csv.csv', V + OK, { layer: 'dem', error: 'BAD_RASTER', note: 'DEM needs .hgt/.tif' });

fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(cases, null, 2) + '\n');
console.log(`${cases.length} bad files in ${dir}`);
