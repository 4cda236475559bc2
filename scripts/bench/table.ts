/** Plain-text tables for the bench output (first column left-aligned, the rest right-aligned). */

/** Terminal columns of a string, counting CJK characters (facility names) as two. */
const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const pad = (cell: string, c: number): string => ' '.repeat(widths[c] - width(cell));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell + pad(cell, c) : pad(cell, c) + cell)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const ms = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const ratio = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '-' : `${x.toFixed(x >= 10 ? 0 : 1)}×`);
export const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
export const int = (n: number): string => n.toLocaleString('en-US');
