/**
 * The import wizard's pure parts: which target fields a layer offers, the mapping table rows,
 * how a user's choice changes the mapping sent to previewImport, how a problem reads, and
 * what the import button says. No React, no API: unit-tested in test/unit/renderer-import*.
 */
import type { ImportCrs, ImportLayer, ImportOptions, ImportPreview, ImportProblem } from '../../../electron/api/schema.js';
import { translate, type Locale } from '../i18n/index.js';

export type ImportEncoding = NonNullable<ImportOptions['encoding']>;

/** Layers in the order the wizard lists them (行政村 first: the most common import). */
export const WIZARD_LAYERS: readonly ImportLayer[] = ['villages', 'facilities', 'roads', 'townships', 'postings', 'population', 'dem'];
export const WIZARD_CRS: readonly ImportCrs[] = ['wgs84', 'gcj02', 'bd09', 'cgcs2000'];
export const WIZARD_ENCODINGS: readonly ImportEncoding[] = ['auto', 'utf8', 'gbk'];
/** Layers with a downloadable XLSX template. */
export const TEMPLATE_LAYERS: readonly ImportLayer[] = ['villages', 'facilities', 'postings'];
/** Tabular formats: the mapping table and sample rows make sense only for these. */
const TABULAR_FORMATS = new Set<ImportPreview['format']>(['csv', 'xlsx', 'shapefile', 'geojson']);

/**
 * Fields the wizard always offers per layer, whether or not the importer guessed a column for
 * them (the importer's own mapping and missingRequired add any it knows beyond these).
 * `required` marks the ones a record cannot do without.
 */
export const KNOWN_FIELDS: Partial<Record<ImportLayer, readonly { field: string; required: boolean }[]>> = {
  villages: [
    { field: 'code', required: true },
    { field: 'name', required: true },
    { field: 'township', required: false },
    { field: 'townshipCode', required: false },
    { field: 'population', required: false },
    { field: 'households', required: false },
    { field: 'lng', required: true },
    { field: 'lat', required: true },
  ],
  facilities: [
    { field: 'code', required: true },
    { field: 'name', required: true },
    { field: 'level', required: true },
    { field: 'township', required: false },
    { field: 'townshipCode', required: false },
    { field: 'lng', required: true },
    { field: 'lat', required: true },
  ],
};

export interface MappingRow {
  field: string;
  /** The source column chosen (guessed or by the user), or null when none. */
  column: string | null;
  required: boolean;
  /** Required and not filled: highlighted. */
  missing: boolean;
  /** The first sample row's value in the chosen column ('' when none). */
  sample: string;
}

/**
 * One row per target field: the importer's fields (mapping ∪ missingRequired) and, when the
 * importer names fields in the domain's vocabulary (one known name among them), the known
 * fields it did not guess, so an unguessed optional column can still be mapped by hand.
 */
export function mappingRows(layer: ImportLayer, preview: ImportPreview): MappingRow[] {
  const missing = new Set(preview.missingRequired);
  const reported = [...Object.keys(preview.mapping), ...preview.missingRequired];
  const known = KNOWN_FIELDS[layer] ?? [];
  const sameVocabulary = known.some((k) => reported.includes(k.field));
  const fields: { field: string; required: boolean }[] = [];
  const seen = new Set<string>();
  for (const k of sameVocabulary ? known : []) {
    seen.add(k.field);
    fields.push(k);
  }
  for (const field of reported) {
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, required: missing.has(field) });
  }
  const first = preview.sample[0] ?? {};
  return fields.map(({ field, required }) => {
    const column = preview.mapping[field] ?? null;
    return {
      field,
      column,
      required: required || missing.has(field),
      missing: missing.has(field),
      sample: column !== null ? (first[column] ?? '') : '',
    };
  });
}

/**
 * The mapping to send after the user picks `column` (null: none) for `field`: the mapping on
 * screen with that one field changed, so the importer keeps every other choice.
 */
export function withFieldMapping(current: Record<string, string>, field: string, column: string | null): Record<string, string> {
  const next = { ...current };
  if (column === null || column === '') delete next[field];
  else next[field] = column;
  return next;
}

/** Whether the preview has a column mapping to show (CSV, XLSX, DBF, GeoJSON properties). */
export function hasMappingTable(preview: ImportPreview): boolean {
  return TABULAR_FORMATS.has(preview.format) && preview.columns.length > 0;
}

/** A field's label: the wizard's own name (importWizard.fieldNames), else the app's shared field label, else the raw name. */
export function fieldLabel(locale: Locale, field: string): string {
  for (const key of [`importWizard.fieldNames.${field}`, `fields.${field}`]) {
    const text = translate(locale, key);
    if (text !== key) return text;
  }
  return field;
}

/** The reason of a problem in words (`importProblems.<code>`), falling back to the code itself. */
export function problemReason(locale: Locale, p: ImportProblem): string {
  const key = `importProblems.${p.code}`;
  const params: Record<string, string | number> = { ...p.params };
  if (p.row !== null) params.row = p.row;
  if (p.column !== null) params.column = p.column;
  const text = translate(locale, key, params);
  return text === key ? p.code : text;
}

/** Where a problem is: "第 12 行" / "Row 12", or the whole file. */
export function problemWhere(locale: Locale, p: ImportProblem): string {
  return p.row === null ? translate(locale, 'importWizard.wholeFile') : translate(locale, 'importWizard.rowN', { row: p.row });
}

/**
 * One line per problem. The importer's messages name the row and column themselves
 * ("第 12 行“人口”：…"); an untranslated code gets them prefixed here.
 */
export function formatProblem(locale: Locale, p: ImportProblem): string {
  const reason = problemReason(locale, p);
  if (reason !== p.code) return reason;
  const column = p.column ? ` ${translate(locale, 'importWizard.columnQuoted', { column: p.column })}` : '';
  const sep = locale === 'en' ? ': ' : '：';
  return `${problemWhere(locale, p)}${column}${sep}${p.code}`;
}

export interface ImportAction {
  /** What the button does: import the accepted rows, skipping the rejected ones when there are any. */
  skipInvalid: boolean;
  accepted: number;
  rejected: number;
  /** Button disabled: nothing to import, or a required field has no column. */
  disabled: boolean;
  labelKey: string;
}

export function importAction(preview: ImportPreview | null): ImportAction {
  if (!preview) return { skipInvalid: false, accepted: 0, rejected: 0, disabled: true, labelKey: 'importWizard.importN' };
  const disabled = preview.accepted === 0 || preview.missingRequired.length > 0;
  return {
    skipInvalid: preview.rejected > 0,
    accepted: preview.accepted,
    rejected: preview.rejected,
    disabled,
    labelKey: 'importWizard.importN',
  };
}

/** The options sent to previewImport / applyImport for what the wizard shows. */
/** The planner's answers to what the preview flagged (see ImportOptions). */
export interface ImportDecisions {
  swapSuspected: boolean;
  acceptOutside: boolean;
  repairPolygons: boolean;
}
export const DEFAULT_DECISIONS: ImportDecisions = { swapSuspected: true, acceptOutside: true, repairPolygons: false };

/** Which decisions the preview asks for, from the codes it flagged. */
export function decisionsAsked(preview: ImportPreview): (keyof ImportDecisions)[] {
  const codes = new Set([...preview.problems, ...preview.crsWarnings].map((p) => p.code));
  const asked: (keyof ImportDecisions)[] = [];
  if (codes.has('swapped_coordinates')) asked.push('swapSuspected');
  if (codes.has('outside_china') || codes.has('far_from_project')) asked.push('acceptOutside');
  if (codes.has('self_intersecting_polygon') || codes.has('polygon_repaired')) asked.push('repairPolygons');
  return asked;
}

/** Layers whose records can be updated in place (matched on village code / facility code). */
export const UPDATABLE_LAYERS: readonly ImportLayer[] = ['villages', 'facilities'];
export type ImportMode = 'insert' | 'update';

export function buildOptions(s: {
  layer: ImportLayer;
  crs: ImportCrs;
  encoding: ImportEncoding;
  sheet: string | null;
  mapping: Record<string, string> | null;
  mode?: ImportMode;
  decisions?: ImportDecisions;
}): ImportOptions {
  const o: ImportOptions = { layer: s.layer, crs: s.crs, encoding: s.encoding, ...(s.decisions ?? {}) };
  if (s.mode === 'update' && UPDATABLE_LAYERS.includes(s.layer)) o.mode = 'update';
  if (s.sheet) o.sheet = s.sheet;
  if (s.mapping && Object.keys(s.mapping).length > 0) o.mapping = s.mapping;
  return o;
}

/** [west, south, east, north] of the preview points, or null when there are none. */
export function pointsBounds(points: readonly { lng: number; lat: number }[]): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.lng) || !Number.isFinite(p.lat)) continue;
    w = Math.min(w, p.lng);
    e = Math.max(e, p.lng);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
