/**
 * A small zip reader: lists the central directory (sizes as declared) so a zip bomb is refused
 * before anything is inflated, and extracts single entries with an output cap equal to the
 * declared size (a lying header cannot inflate past it).
 */
import { inflateRawSync } from 'node:zlib';
import { ApiError } from '../../api/errors.js';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './types.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

function bad(file: string, detail: string): ApiError {
  return new ApiError('BAD_IMPORT_FILE', `cannot read ${file}: ${detail}`, { path: file, detail });
}

/** Lists entries; throws BAD_IMPORT_FILE for a truncated archive, FILE_TOO_LARGE for a bomb. */
export function listZip(file: string, buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad(file, 'zip archive is truncated (no central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw tooLarge(file, 'zip64 archives are not supported');
  if (cdOffset + cdSize > buf.length) throw bad(file, 'zip archive is truncated');
  if (count > MAX_ZIP_ENTRIES) throw tooLarge(file, `${count} entries in the archive (at most ${MAX_ZIP_ENTRIES})`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad(file, 'zip central directory is damaged');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    total += size;
    if (size === 0xffffffff || total > MAX_UNZIPPED_BYTES) {
      throw tooLarge(file, `uncompressed size over ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
    }
    // A compression ratio above 1000:1 is a bomb, not a spreadsheet.
    if (size > 10 * 1024 * 1024 && size / Math.max(1, compressedSize) > 1000) throw tooLarge(file, `entry ${name} expands ${Math.round(size / Math.max(1, compressedSize))}×`);
    entries.push({ name, method, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function tooLarge(file: string, detail: string): ApiError {
  return new ApiError('FILE_TOO_LARGE', `${file}: ${detail}`, { path: file, detail });
}

export function readZipEntry(file: string, buf: Buffer, e: ZipEntry): Buffer {
  const p = e.offset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw bad(file, `zip entry ${e.name} is damaged`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw bad(file, `zip entry ${e.name} is truncated`);
  const data = buf.subarray(start, end);
  if (e.method === 0) return Buffer.from(data);
  if (e.method !== 8) throw bad(file, `zip entry ${e.name} uses unsupported compression ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    throw bad(file, `zip entry ${e.name}: ${(err as Error).message}`);
  }
}
