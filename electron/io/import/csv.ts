/**
 * RFC 4180 CSV parsing (quoted fields with commas, doubled quotes and line breaks; CRLF or LF),
 * with the delimiter (comma, tab, semicolon) guessed from the header line. No installed package
 * is a direct dependency for this (fast-csv only arrives through exceljs), and it is short.
 */
import { ApiError } from '../../api/errors.js';

/** Records with the 1-based line of their first character (the Excel row for files without multi-line cells). */
export function parseCsv(file: string, text: string): string[][] {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  const delim = counts[0][1] > 1 ? counts[0][0] : ',';
  const D = delim.charCodeAt(0);
  const out: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      let s = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new ApiError('BAD_IMPORT_FILE', `unterminated quote in ${file}`, { path: file, detail: `unterminated quoted field in row ${out.length + 1}` });
        s += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          s += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Tolerate stray characters between the closing quote and the delimiter.
      let k = j;
      while (k < n && text.charCodeAt(k) !== D && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      field = s + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === D || c === 10 || c === 13) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === D) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // line end
    out.push(row);
    row = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  if (row.length) out.push(row);
  return out;
}
