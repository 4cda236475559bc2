/** XLSX via exceljs. The zip is checked (entry count, uncompressed size) before exceljs loads it. */
import ExcelJS from 'exceljs';
import { ApiError } from '../../api/errors.js';
import { gridToRows } from './table.js';
import type { SourceTable } from './types.js';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return '';
    return String(v);
  }
  return String(v);
}

export async function readXlsx(file: string, buf: Buffer, sheet?: string): Promise<SourceTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ApiError('BAD_IMPORT_FILE', `cannot read workbook ${file}`, { path: file, detail: (e as Error).message });
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) {
    if (sheet) throw new ApiError('SHEET_NOT_FOUND', `no sheet ${sheet} in ${file}`, { path: file, sheet });
    return { format: 'xlsx', encoding: null, sheets, columns: [], rows: [], problems: [] };
  }
  const grid: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    grid[n - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  const t = gridToRows(grid);
  return { format: 'xlsx', encoding: null, sheets, ...t };
}
