/**
 * Writes tables as XLSX workbooks for Excel users: localized bold header row, frozen, and
 * booleans as 是/否 (yes/no). Headers come from the i18n catalogs (`exportHeaders`), falling back
 * to the import template's Chinese header for the field, then to the field name.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../api/schema.js';
import { catalogs, translate } from '../../renderer/src/i18n/index.js';
import { writeFileAtomic } from './write-file.js';

export function exportHeader(locale: Locale, field: string, fallback?: string): string {
  const headers = catalogs[locale].exportHeaders as Record<string, string>;
  return headers[field] ?? fallback ?? field;
}

export async function writeXlsx(target: string, sheetName: string, header: string[], rows: unknown[][], locale: Locale): Promise<void> {
  await writeWorkbook(target, [{ name: sheetName, header, rows }], locale);
}

export interface SheetTable {
  name: string;
  header: string[];
  rows: unknown[][];
}

/** Writes several tables as the sheets of one workbook (names cut to Excel's 31 characters). */
export async function writeWorkbook(target: string, sheets: readonly SheetTable[], locale: Locale): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const yes = translate(locale, 'exportHeaders.yes');
  const no = translate(locale, 'exportHeaders.no');
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.header);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'boolean' ? (v ? yes : no) : (v ?? null))));
  }
  writeFileAtomic(target, new Uint8Array(await workbook.xlsx.writeBuffer()));
}
