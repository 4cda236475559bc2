/**
 * Exports one table of a project to GeoJSON or CSV. Files are written under a temporary name
 * and renamed, so a failed export never leaves a half-written file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { ExportFormat, ExportableTable, Geometry, Locale } from '../api/schema.js';
import { LAYER_NAMES } from '../api/schema.js';
import { RULES_BY_ID } from '../domain/rules.js';
import type { ProjectStore } from '../store/project-store.js';
import { toCsv } from './csv.js';
import { writeFileAtomic } from './write-file.js';
import { LAYER_FIELDS } from './import/fields.js';
import { exportHeader, writeXlsx } from './xlsx-write.js';

interface Table {
  fields: string[];
  records: { geometry: Geometry | null; properties: Record<string, unknown> }[];
}

function readTable(store: ProjectStore, table: ExportableTable): Table {
  if ((LAYER_NAMES as readonly string[]).includes(table)) {
    const fc = store.getLayer(table as (typeof LAYER_NAMES)[number]);
    const records = fc.features.map((f) => ({ geometry: f.geometry, properties: f.properties as unknown as Record<string, unknown> }));
    return { fields: fieldsOf(records), records };
  }
  if (table === 'postings') {
    const records = store.getPostings().map((p) => ({ geometry: null, properties: p as unknown as Record<string, unknown> }));
    return { fields: fieldsOf(records), records };
  }
  const values = store.ruleValues();
  const records = Object.entries(values).map(([id, value]) => {
    const def = RULES_BY_ID.get(id)!;
    return { geometry: null, properties: { id, rule: def.rule, value, defaultValue: def.defaultValue, unit: def.unit, source: def.source } };
  });
  return { fields: ['id', 'rule', 'value', 'defaultValue', 'unit', 'source'], records };
}

function fieldsOf(records: Table['records']): string[] {
  return records.length ? Object.keys(records[0].properties) : [];
}

function geometryColumns(g: Geometry | null): [unknown, unknown, unknown] {
  if (!g) return [null, null, null];
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1], null];
  return [null, null, JSON.stringify(g.coordinates)];
}

/** Localized column header: the import template's Chinese header for zh-CN (so exports re-import as-is). */
function columnHeader(table: ExportableTable, field: string, locale: Locale): string {
  const spec = table === 'village_areas' ? undefined : LAYER_FIELDS[table as keyof typeof LAYER_FIELDS]?.find((f) => f.field === field);
  return locale === 'zh-CN' && spec ? spec.header : exportHeader(locale, field, locale === 'zh-CN' ? undefined : field);
}

export async function exportTable(
  store: ProjectStore,
  table: ExportableTable,
  format: ExportFormat,
  outPath: string,
  overwrite = true,
  locale: Locale = 'zh-CN',
): Promise<{ path: string; count: number }> {
  const target = path.resolve(outPath);
  if (!overwrite && fs.existsSync(target)) throw new ApiError('FILE_EXISTS', `file exists: ${target}`, { path: target });
  const t = readTable(store, table);
  if (format === 'geojson') {
    writeFileAtomic(
      target,
      JSON.stringify({
        type: 'FeatureCollection',
        name: table,
        features: t.records.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: r.properties })),
      }),
    );
    return { path: target, count: t.records.length };
  }
  const hasGeometry = t.records.some((r) => r.geometry);
  const header = hasGeometry ? [...t.fields, 'longitude', 'latitude', 'coordinates'] : t.fields;
  const rows = t.records.map((r) => {
    const cells = t.fields.map((f) => r.properties[f]);
    return hasGeometry ? [...cells, ...geometryColumns(r.geometry)] : cells;
  });
  if (format === 'csv') {
    writeFileAtomic(target, toCsv(header, rows));
  } else {
    await writeXlsx(target, table, header.map((f) => columnHeader(table, f, locale)), rows, locale);
  }
  return { path: target, count: t.records.length };
}
