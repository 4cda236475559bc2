/**
 * Merges road vertices that lie within a tolerance of each other into shared graph nodes, so
 * roads digitised separately but meeting at "the same" vertex connect. Only vertices merge:
 * two roads that cross between vertices stay apart (bridges, overpasses).
 *
 * A uniform grid of cells four tolerances wide, stored in an open-addressing hash table on typed
 * arrays: a vertex looks only at the cells its tolerance square touches (one, usually; at most
 * four). No per-vertex objects or string keys, so a million vertices cost a few tens of megabytes.
 */
import { METRES_PER_DEGREE, metresBetween, metresPerDegreeLng } from './metric.js';

const EMPTY = -1;

export class VertexMerger {
  /** Node coordinates, in creation order (the first vertex seen at a place gives the node its position). */
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  nodeCount = 0;

  private readonly cellM: number;
  private readonly kx: number;
  private readonly mask: number;
  private readonly slotX: Int32Array;
  private readonly slotY: Int32Array;
  /** First node of the cell's chain, EMPTY for an unused slot. */
  private readonly slotHead: Int32Array;
  private readonly nodeNext: Int32Array;

  /**
   * @param capacity the most vertices `add` will be called with
   * @param maxAbsLat the largest |latitude| among them: longitude cells are sized for it, so a cell
   *   is never narrower than the tolerance anywhere in the data
   */
  constructor(capacity: number, private readonly toleranceM: number, maxAbsLat: number) {
    this.lng = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.nodeNext = new Int32Array(capacity);
    // Cells of at least 1 m keep cell numbers inside int32 for any coordinate on Earth.
    this.cellM = Math.max(4 * toleranceM, 1);
    this.kx = metresPerDegreeLng(Math.min(89, Math.abs(maxAbsLat)));
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slotX = new Int32Array(size);
    this.slotY = new Int32Array(size);
    this.slotHead = new Int32Array(size).fill(EMPTY);
  }

  /** Node id for a vertex: the nearest existing node within the tolerance, else a new node. */
  add(lng: number, lat: number): number {
    // Frame metres: kx is sized for the highest latitude, so frame distances never exceed true ones
    // and every node within the tolerance lies in a cell of the tolerance square.
    const x = lng * this.kx;
    const y = lat * METRES_PER_DEGREE;
    const tol = this.toleranceM;
    const cx = Math.floor(x / this.cellM);
    const cy = Math.floor(y / this.cellM);
    let best = -1;
    let bestD = Infinity;
    const x1 = Math.floor((x + tol) / this.cellM);
    const y1 = Math.floor((y + tol) / this.cellM);
    for (let gx = Math.floor((x - tol) / this.cellM); gx <= x1; gx++) {
      for (let gy = Math.floor((y - tol) / this.cellM); gy <= y1; gy++) {
        const slot = this.find(gx, gy);
        for (let n = this.slotHead[slot]; n !== EMPTY; n = this.nodeNext[n]) {
          const d = metresBetween(lng, lat, this.lng[n], this.lat[n]);
          if (d <= this.toleranceM && (d < bestD || (d === bestD && n < best))) {
            best = n;
            bestD = d;
          }
        }
      }
    }
    if (best >= 0) return best;
    return this.create(lng, lat, cx, cy);
  }

  private create(lng: number, lat: number, cx: number, cy: number): number {
    const n = this.nodeCount++;
    this.lng[n] = lng;
    this.lat[n] = lat;
    const slot = this.find(cx, cy);
    if (this.slotHead[slot] === EMPTY) {
      this.slotX[slot] = cx;
      this.slotY[slot] = cy;
    }
    this.nodeNext[n] = this.slotHead[slot];
    this.slotHead[slot] = n;
    return n;
  }

  /** Slot of a cell: the slot holding it, or the empty slot where it would go (linear probing). */
  private find(cx: number, cy: number): number {
    let slot = (Math.imul(cx, 0x9e3779b1) ^ Math.imul(cy, 0x85ebca77)) & this.mask;
    while (this.slotHead[slot] !== EMPTY && (this.slotX[slot] !== cx || this.slotY[slot] !== cy)) slot = (slot + 1) & this.mask;
    return slot;
  }
}
