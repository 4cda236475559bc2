/** Detects an input file's format from its magic bytes and extension. */
import path from 'node:path';
import { ApiError } from '../../api/errors.js';
import type { ImportPreview } from '../../api/schema.js';
import { isZip, listZip, type ZipEntry } from './zip.js';

export type DetectedFormat = ImportPreview['format'];

export interface Detected {
  format: DetectedFormat;
  zipEntries?: ZipEntry[];
}

const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['BMP image', [0x42, 0x4d]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
  ['old Excel .xls (save as .xlsx)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['gzip archive', [0x1f, 0x8b]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
];

export function unsupported(file: string, detail: string): ApiError {
  return new ApiError('UNSUPPORTED_FORMAT', `unsupported format ${file}: ${detail}`, { path: file, detail });
}

export function detectFormat(file: string, buf: Buffer): Detected {
  const ext = path.extname(file).toLowerCase();
  const starts = (m: number[]) => m.every((b, i) => buf[i] === b);
  if ((buf[0] === 0x49 && buf[1] === 0x49 && buf[2] === 0x2a && buf[3] === 0) || (buf[0] === 0x4d && buf[1] === 0x4d && buf[2] === 0 && buf[3] === 0x2a) ||
      (buf[0] === 0x49 && buf[1] === 0x49 && buf[2] === 0x2b && buf[3] === 0)) {
    return { format: 'geotiff' };
  }
  for (const [name, m] of MAGIC) if (buf.length >= m.length && starts(m)) throw unsupported(file, ext ? `${name} named ${ext}` : name);
  if (isZip(buf) || ext === '.zip' || ext === '.xlsx') {
    if (!isZip(buf)) throw new ApiError('BAD_IMPORT_FILE', `not a zip archive: ${file}`, { path: file, detail: 'not a valid zip/xlsx archive' });
    const entries = listZip(file, buf);
    if (entries.some((e) => e.name.startsWith('xl/'))) return { format: 'xlsx', zipEntries: entries };
    if (entries.some((e) => e.name.toLowerCase().endsWith('.shp'))) return { format: 'shapefile', zipEntries: entries };
    throw unsupported(file, 'zip archive holds neither an Excel workbook nor a Shapefile');
  }
  if (ext === '.shp' || ext === '.dbf' || ext === '.shx') throw unsupported(file, 'zip the .shp, .shx, .dbf, .prj (and .cpg) files together and import the .zip');
  if (ext === '.tif' || ext === '.tiff') throw new ApiError('BAD_IMPORT_FILE', `not a GeoTIFF: ${file}`, { path: file, detail: 'not a TIFF file' });
  // Text: UTF-16 BOMs are text; NUL bytes otherwise mean binary.
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!utf16) {
    const head = buf.subarray(0, 8192);
    if (head.includes(0)) throw unsupported(file, 'binary data, not a text table');
  }
  if (ext === '.geojson' || ext === '.json') return { format: 'geojson' };
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (i < buf.length && i < 4096 && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  if (buf[i] === 0x7b /* { */ && !['.csv', '.txt', '.tsv'].includes(ext)) return { format: 'geojson' };
  if (['.csv', '.txt', '.tsv', ''].includes(ext)) return { format: 'csv' };
  throw unsupported(file, `unknown extension ${ext}`);
}
