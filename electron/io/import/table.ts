/** Turns a grid of cells (header first) into SourceRows; empty rows are skipped, row numbers kept. */
import type { ImportProblem } from '../../api/schema.js';
import { problem, type SourceRow } from './types.js';

export function gridToRows(grid: string[][]): { columns: string[]; rows: SourceRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let h = 0;
  while (h < grid.length && grid[h].every((c) => c.trim() === '')) h++;
  const header = (grid[h] ?? []).map((c) => c.replace(/^\uFEFF/, '').trim());
  const seen = new Set<string>();
  const columns: string[] = [];
  header.forEach((c, i) => {
    let name = c || `列${i + 1}`;
    if (seen.has(name)) {
      problems.push(problem(null, name, 'duplicate_column'));
      name = `${name}_${i + 1}`;
    }
    seen.add(name);
    columns.push(name);
  });
  const rows: SourceRow[] = [];
  for (let r = h + 1; r < grid.length; r++) {
    const cells = grid[r];
    if (cells.every((c) => c.trim() === '')) continue;
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i]] = (cells[i] ?? '').trim();
    rows.push({ row: r + 1, values });
  }
  return { columns, rows, problems };
}
