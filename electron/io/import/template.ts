/** XLSX templates with Chinese headers: one header row and one example row marked 示例. */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { ApiError } from '../../api/errors.js';
import type { ImportLayer } from '../../api/schema.js';
import { LAYER_FIELDS } from './fields.js';

const TEMPLATE_LAYERS = new Set<ImportLayer>(['villages', 'facilities', 'postings']);
const SHEET_NAMES: Partial<Record<ImportLayer, string>> = { villages: '行政村', facilities: '医疗机构', postings: '派驻人员' };

export async function writeTemplate(layer: ImportLayer, file: string): Promise<string> {
  if (!TEMPLATE_LAYERS.has(layer)) throw new ApiError('INVALID_ARGUMENT', `no template for layer ${layer}`, { field: 'layer' });
  const specs = LAYER_FIELDS[layer]!.filter((s) => s.field !== 'township' || layer !== 'facilities');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAMES[layer]);
  ws.addRow(['备注', ...specs.map((s) => (s.required ? `${s.header}*` : s.header))]);
  ws.addRow(['示例', ...specs.map((s) => s.example)]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  ws.columns.forEach((c) => (c.width = 14));
  // Codes stay text in Excel (no 3.5E+11).
  specs.forEach((s, i) => {
    if (s.type === 'code12' || s.type === 'code9' || s.field === 'code') ws.getColumn(i + 2).numFmt = '@';
  });
  const target = path.resolve(file);
  try {
    await wb.xlsx.writeFile(target);
  } catch (e) {
    throw new ApiError('WRITE_FAILED', `cannot write ${target}`, { path: target, detail: (e as Error).message });
  }
  return target;
}
