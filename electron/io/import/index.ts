/**
 * File import: preview (reads, maps, validates; writes nothing) and apply (one undoable change).
 *
 * Size policy: files over MAX_FILE_BYTES (50 MB; GeoTIFF 300 MB) are refused with FILE_TOO_LARGE
 * from their size alone, before a byte is parsed; zip archives (XLSX, zipped Shapefiles) are
 * refused from their central directory when they would expand past 200 MB or 10,000 entries.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../api/errors.js';
import type { ImportLayer, ImportOptions, ImportOutcome, ImportPreview, ImportProblem } from '../../api/schema.js';
import { readDem } from '../dem.js';
import type { ChangeOps, ProjectStore } from '../../store/project-store.js';
import { parseCsv } from './csv.js';
import { detectFormat, unsupported } from './detect.js';
import { LAYER_FIELDS } from './fields.js';
import { readGeoJson } from './geojson.js';
import { guessMapping } from './header-mapping.js';
import { planImport, type Existing } from './plan.js';
import { sumPopulation } from './raster-population.js';
import { readShapefileZip } from './shapefile.js';
import { gridToRows } from './table.js';
import { writeTemplate } from './template.js';
import { decodeText } from './text.js';
import { MAX_FILE_BYTES, MAX_RASTER_BYTES, MAX_ROWS, problem, type SourceTable } from './types.js';
import { validateRows, type ProjectContext } from './validate.js';
import { readXlsx } from './xlsx.js';
import { readZipEntry } from './zip.js';

/** Whole-file problems that reject the import even with skipInvalid. */
const FATAL = new Set(['empty_file', 'missing_column', 'no_villages']);

interface Analysis {
  preview: ImportPreview;
  ops: ChangeOps;
  /** DEM layer: the raster to store. */
  dem?: Awaited<ReturnType<typeof readDem>>;
}

async function readInput(file: string, layer: ImportLayer): Promise<Buffer> {
  let size: number;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new ApiError('FILE_NOT_FOUND', `not a file: ${file}`, { path: file });
    size = st.size;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('FILE_NOT_FOUND', `file not found: ${file}`, { path: file });
  }
  const limit = layer === 'population' || layer === 'dem' ? MAX_RASTER_BYTES : MAX_FILE_BYTES;
  if (size > limit) {
    throw new ApiError('FILE_TOO_LARGE', `${file} is ${size} bytes (limit ${limit})`, {
      path: file,
      detail: `${(size / 1024 / 1024).toFixed(0)} MB > ${limit / 1024 / 1024} MB`,
    });
  }
  return fs.readFile(file);
}

function emptyPreview(format: ImportPreview['format'], encoding: string | null = null): ImportPreview {
  return {
    format, encoding, sheets: [], columns: [], mapping: {}, missingRequired: [], rows: 0, accepted: 0, rejected: 0,
    inserts: 0, updates: 0, changes: [], problems: [], points: [], crsWarnings: [], sample: [],
  };
}

async function readTable(file: string, buf: Buffer, options: ImportOptions): Promise<SourceTable> {
  const ext = path.extname(file).toLowerCase();
  if (buf.length === 0 || buf.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    const format = ext === '.xlsx' ? 'xlsx' : ext === '.json' || ext === '.geojson' ? 'geojson' : 'csv';
    return { format, encoding: null, sheets: [], columns: [], rows: [], problems: [] };
  }
  const det = detectFormat(file, buf);
  switch (det.format) {
    case 'csv': {
      const dec = decodeText(file, buf, options.encoding ?? 'auto');
      const t = gridToRows(parseCsv(file, dec.text));
      return { format: 'csv', encoding: dec.encoding, sheets: [], ...t, problems: [...dec.problems, ...t.problems] };
    }
    case 'xlsx':
      // exceljs inflates without limits: first prove every entry stays within its declared size.
      for (const e of det.zipEntries!) readZipEntry(file, buf, e);
      return readXlsx(file, buf, options.sheet);
    case 'geojson':
      return readGeoJson(file, buf, options.encoding ?? 'auto');
    case 'shapefile':
      return readShapefileZip(file, buf, det.zipEntries!, options.encoding ?? 'auto');
    case 'geotiff':
      throw unsupported(file, 'a GeoTIFF can only be imported as population or DEM');
  }
}

function projectContext(store: ProjectStore, layer: ImportLayer, options: ImportOptions, geometryIsWgs84: boolean): { ctx: ProjectContext; existing: Existing } {
  const villages = store.getLayer('villages').features;
  const facilities = store.getLayer('facilities').features;
  const townships = store.getLayer('townships').features;
  const byCode: Existing['byCode'] = new Map();
  if (layer === 'villages') for (const f of villages) byCode.set(f.properties.code, { id: f.id, props: { ...f.properties, location: f.geometry.coordinates } });
  if (layer === 'facilities') for (const f of facilities) byCode.set(f.properties.code, { id: f.id, props: { ...f.properties, location: f.geometry.coordinates } });
  const existingCodes = layer === 'townships' ? new Set(townships.map((t) => t.properties.code)) : new Set(byCode.keys());
  const facilityCodes = new Set(facilities.map((f) => f.properties.code));
  const ctx: ProjectContext = {
    mode: options.mode ?? 'insert',
    crs: options.crs ?? 'wgs84',
    swapSuspected: options.swapSuspected ?? true,
    acceptOutside: options.acceptOutside ?? true,
    repairPolygons: options.repairPolygons ?? false,
    geometryIsWgs84,
    existingCodes,
    townshipByName: new Map(townships.map((t) => [t.properties.name, t.properties.code])),
    facilityCodeByName: new Map(facilities.map((f) => [f.properties.name, f.properties.code])),
    facilityCodes,
    villageCodeByName: new Map(villages.map((v) => [v.properties.name, v.properties.code])),
    villageCodes: new Set(villages.map((v) => v.properties.code)),
    bounds: villages.length || facilities.length || townships.length ? store.bounds() : null,
    farKm: Number(store.ruleValues()['X.import_far_from_project_km']),
  };
  return { ctx, existing: { byCode, facilityCodes } };
}

async function analyse(store: ProjectStore, file: string, options: ImportOptions): Promise<Analysis> {
  const layer = options.layer;
  if (layer === 'dem') {
    const dem = await readDem(file);
    return { preview: { ...emptyPreview('geotiff'), rows: 1, accepted: 1, inserts: 1 }, ops: {}, dem };
  }
  const buf = await readInput(file, layer);
  if (layer === 'population') {
    if (detectFormat(file, buf).format !== 'geotiff') throw unsupported(file, 'population needs a GeoTIFF of people per cell');
    const sums = await sumPopulation(store, file, buf);
    const preview: ImportPreview = {
      ...emptyPreview('geotiff'),
      columns: ['population'],
      rows: sums.villages,
      accepted: sums.villages,
      updates: sums.updates.length,
      problems: sums.problems,
      crsWarnings: sums.warnings,
      points: sums.updates.slice(0, 2000).map((u) => ({ lng: u.location[0], lat: u.location[1], label: `${u.name} ${u.population}` })),
      sample: sums.updates.slice(0, 20).map((u) => ({ code: u.code, name: u.name, population: String(u.population) })),
    };
    const ops: ChangeOps = sums.updates.length ? { update: sums.updates.map((u) => ({ layer: 'villages', id: u.id, record: { population: u.population } })) } : {};
    return { preview, ops };
  }
  const table = await readTable(file, buf, options);
  // Template example rows (first column 示例) are not data.
  const first = table.columns[0];
  const rows = first ? table.rows.filter((r) => r.values[first] !== '示例') : table.rows;
  if (rows.length > MAX_ROWS) throw new ApiError('FILE_TOO_LARGE', `${file}: ${rows.length} rows`, { path: file, detail: `${rows.length} rows > ${MAX_ROWS}` });
  const mapping = guessMapping(layer, table.columns, options.mapping);
  const mode = options.mode ?? 'insert';
  const hasGeometry = rows.some((r) => r.geometry);
  const missingRequired = (LAYER_FIELDS[layer] ?? [])
    .filter((s) => (mode === 'insert' ? s.required : s.field === 'code' && (layer === 'villages' || layer === 'facilities')) && !mapping[s.field])
    .filter((s) => !(hasGeometry && (s.field === 'lng' || s.field === 'lat')))
    .map((s) => s.field);
  const problems: ImportProblem[] = [...table.problems];
  const preview: ImportPreview = {
    ...emptyPreview(table.format, table.encoding),
    sheets: table.sheets,
    columns: table.columns,
    mapping,
    missingRequired,
    rows: rows.length,
    sample: rows.slice(0, 20).map((r) => r.values),
  };
  if (!rows.length) {
    problems.push(problem(null, null, 'empty_file'));
    return { preview: { ...preview, problems }, ops: {} };
  }
  if (missingRequired.length) {
    const header = new Map((LAYER_FIELDS[layer] ?? []).map((s) => [s.field, s.header]));
    for (const f of missingRequired) problems.push(problem(null, header.get(f) ?? f, 'missing_column', { field: f }));
    return { preview: { ...preview, problems, rejected: rows.length }, ops: {} };
  }
  const { ctx, existing } = projectContext(store, layer, options, table.geometryIsWgs84 === true);
  const v = validateRows(layer, rows, mapping, ctx);
  const plan = planImport(layer, mode, v.valid, existing);
  return {
    preview: {
      ...preview,
      accepted: v.valid.length,
      rejected: v.rejected,
      inserts: plan.inserts,
      updates: plan.updates,
      changes: plan.changes,
      problems: [...problems, ...v.problems],
      crsWarnings: v.crsWarnings,
      points: v.valid.filter((r) => r.point).slice(0, 2000).map((r) => ({ lng: r.point![0], lat: r.point![1], label: r.label })),
    },
    ops: plan.ops,
  };
}

export async function previewImportFile(store: ProjectStore, path: string, options: ImportOptions): Promise<ImportPreview> {
  return (await analyse(store, path, options)).preview;
}

export async function applyImportFile(store: ProjectStore, file: string, options: ImportOptions, skipInvalid: boolean): Promise<ImportOutcome> {
  if (store.readOnly) throw new ApiError('FILE_READ_ONLY', `opened read-only: ${store.path}`, { path: store.path });
  const { preview, ops, dem } = await analyse(store, file, options);
  const fatal = preview.problems.some((p) => FATAL.has(p.code));
  if (fatal || (preview.rejected > 0 && !skipInvalid)) {
    throw new ApiError('IMPORT_REJECTED', `import of ${file} rejected: ${preview.rejected} rows with problems`, {
      rejected: Math.max(preview.rejected, fatal ? 1 : 0),
      path: file,
    });
  }
  if (dem) {
    store.putRaster({ name: 'dem', kind: 'dem', source: path.basename(file), ...dem });
    return { inserted: 1, updated: 0, rejected: 0, changeId: null };
  }
  if (!ops.insert && !ops.update) return { inserted: 0, updated: 0, rejected: preview.rejected, changeId: null };
  const change = store.applyChange(`导入 ${path.basename(file)}`, 'import', ops);
  return { inserted: preview.inserts, updated: preview.updates, rejected: preview.rejected, changeId: change.id };
}

export async function writeTemplateFile(layer: ImportLayer, file: string): Promise<string> {
  return writeTemplate(layer, file);
}
