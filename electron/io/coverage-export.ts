/**
 * Writes a coverage result for people outside the app: villages.csv and villages.xlsx (one row
 * per village; the XLSX with localized headers for Excel), coverage.json (per township and county
 * totals, with the rule values used) and isochrones.geojson (travel-time bands per facility
 * group). Each file is written under a temporary name and renamed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { CoverageDocument, Locale } from '../api/schema.js';
import { toCsv } from './csv.js';
import { writeFileAtomic } from './write-file.js';
import { exportHeader, writeXlsx } from './xlsx-write.js';

const GROUPS = ['clinic', 'thc', 'county'] as const;

/** One row per village: the analysis table behind villages.csv and villages.xlsx. */
export function villagesTable(doc: CoverageDocument, townshipNames: Map<string, string>): { fields: string[]; rows: unknown[][] } {
  const fields = [
    'code', 'name', 'township_code', 'township', 'population', 'kind', 'blank', 'blank_reason',
    ...GROUPS.flatMap((g) => [`minutes_${g}`, `nearest_${g}`, `beyond_${g}`, `estimated_${g}`, `unreachable_${g}`]),
    'off_network', 'snap_distance_m', 'access_2sfca', 'access_e2sfca', 'access_g2sfca',
  ];
  const rows = doc.villages.map((v) => [
    v.code, v.name, v.townshipCode, townshipNames.get(v.townshipCode) ?? '', v.population, v.kind, v.blank, v.blankReason ?? '',
    ...GROUPS.flatMap((g) => [v.minutes[g] === null ? '' : round(v.minutes[g]!, 2), v.nearest[g] ?? '', v.beyond[g], v.estimated[g], v.unreachable[g]]),
    v.offNetwork, round(v.snapDistanceM, 1), round(v.access.sfca2, 4), round(v.access.e2sfca, 4), round(v.access.g2sfca, 4),
  ]);
  return { fields, rows };
}

export function isochronesGeojson(doc: CoverageDocument): string {
  const features = GROUPS.flatMap((group) =>
    (doc.isochrones[group] ?? []).map((b) => ({
      type: 'Feature',
      properties: { group, mode: doc.mode, from_minutes: b.from, to_minutes: b.to },
      geometry: { type: 'MultiPolygon', coordinates: b.coordinates },
    })),
  );
  return JSON.stringify({ type: 'FeatureCollection', name: 'isochrones', features });
}

export function coverageJson(doc: CoverageDocument): string {
  return JSON.stringify({ mode: doc.mode, rulesUsed: doc.rulesUsed, county: doc.county, townships: doc.townships, network: doc.network, slope: doc.slope }, null, 2);
}

export async function writeCoverageFiles(doc: CoverageDocument, townshipNames: Map<string, string>, outDir: string, locale: Locale = 'zh-CN'): Promise<string[]> {
  const dir = path.resolve(outDir);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ApiError('FILE_READ_ONLY', `cannot create ${dir}: ${(e as Error).message}`, { path: dir });
  }
  const table = villagesTable(doc, townshipNames);
  const texts: [string, string][] = [
    ['villages.csv', toCsv(table.fields, table.rows)],
    ['coverage.json', coverageJson(doc)],
    ['isochrones.geojson', isochronesGeojson(doc)],
  ];
  const written = texts.map(([name, text]) => {
    const target = path.join(dir, name);
    writeFileAtomic(target, text);
    return target;
  });
  const xlsx = path.join(dir, 'villages.xlsx');
  await writeXlsx(xlsx, 'villages', table.fields.map((f) => exportHeader(locale, f)), table.rows, locale);
  return [...written, xlsx];
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
