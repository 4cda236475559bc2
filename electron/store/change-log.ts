/**
 * Change-log rows (Placemark's "moment" pattern): each change keeps the full rows it touched,
 * before and after, with every column (fid and geometry blob included). Undo writes the
 * `before` rows back, redo the `after` rows, so both restore byte-identical rows with the same fids.
 * Stored as JSON in change_log.ops; blobs as { $b64 }, non-finite reals as { $num }.
 */
import type { ChangeSummary } from '../api/schema.js';

export type ChangeKind = ChangeSummary['kind'];
export const CHANGE_KINDS: readonly ChangeKind[] = ['import', 'edit', 'delete'];

/** A row as SQLite returns it: column name → value. */
export type SqlRow = Record<string, unknown>;

export interface RowChange {
  table: string;
  fid: number;
  /** The row before the change; null for an insert. */
  before: SqlRow | null;
  /** The row after the change; null for a deletion. */
  after: SqlRow | null;
}

export interface ChangeDoc {
  counts: Record<string, number>;
  rows: RowChange[];
}

export function countsOf(rows: readonly RowChange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.table] = (counts[r.table] ?? 0) + 1;
  return counts;
}

function encodeValue(v: unknown): unknown {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
  if (typeof v === 'bigint') return { $int: v.toString() };
  return v;
}

function decodeValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object') {
    const o = v as { $b64?: string; $num?: string; $int?: string };
    if (typeof o.$b64 === 'string') return Buffer.from(o.$b64, 'base64');
    if (typeof o.$num === 'string') return Number(o.$num);
    if (typeof o.$int === 'string') return BigInt(o.$int);
  }
  return v;
}

function mapRow(row: SqlRow | null, f: (v: unknown) => unknown): SqlRow | null {
  if (!row) return null;
  const out: SqlRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = f(v);
  return out;
}

export function encodeChange(rows: readonly RowChange[]): string {
  const doc: ChangeDoc = {
    counts: countsOf(rows),
    rows: rows.map((r) => ({ table: r.table, fid: r.fid, before: mapRow(r.before, encodeValue), after: mapRow(r.after, encodeValue) })),
  };
  return JSON.stringify(doc);
}

export function decodeChange(json: string): ChangeDoc {
  const doc = JSON.parse(json) as ChangeDoc;
  return {
    counts: doc.counts,
    rows: doc.rows.map((r) => ({ table: r.table, fid: r.fid, before: mapRow(r.before, decodeValue), after: mapRow(r.after, decodeValue) })),
  };
}
