/** CSV writing for Excel users: RFC 4180 quoting, CRLF rows, UTF-8 with a BOM so Excel reads Chinese text. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  // Quote cells that would split the row, and those Excel would read as a formula.
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
