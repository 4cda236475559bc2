/**
 * Coordinates of every node of the file, in typed arrays (16 bytes a node):
 * ids in a Float64Array (OSM ids stay far below 2^53), lon/lat as Int32 in 1e-7 degrees.
 *
 * One pass over the file is enough: ways are collected with their node refs and resolved after
 * the last element, so the file's element order does not matter. Files written by osmium,
 * osmosis, Overpass and the planet dumps are sorted by id, in which case the arrays are already
 * in order; otherwise {@link finish} sorts an index permutation once (n log n). Look-ups are
 * binary searches. Andorra (~300k nodes) needs ~5 MB; a Chinese county extract of a few million
 * nodes stays well under 100 MB.
 */
export class NodeStore {
  private ids = new Float64Array(1 << 16);
  private lons = new Int32Array(1 << 16);
  private lats = new Int32Array(1 << 16);
  private n = 0;
  private sorted = true;
  private finished = false;

  get size(): number {
    return this.n;
  }

  add(id: number, lonE7: number, latE7: number): void {
    if (this.n === this.ids.length) this.grow();
    if (this.n > 0 && id <= this.ids[this.n - 1]) this.sorted = false;
    this.ids[this.n] = id;
    this.lons[this.n] = lonE7;
    this.lats[this.n] = latE7;
    this.n++;
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Float64Array(cap);
    ids.set(this.ids);
    const lons = new Int32Array(cap);
    lons.set(this.lons);
    const lats = new Int32Array(cap);
    lats.set(this.lats);
    this.ids = ids;
    this.lons = lons;
    this.lats = lats;
  }

  /** Trims the arrays and sorts them by id when the file was not sorted. Call once, after reading. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const n = this.n;
    if (this.sorted) {
      this.ids = this.ids.slice(0, n);
      this.lons = this.lons.slice(0, n);
      this.lats = this.lats.slice(0, n);
      return;
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const ids = this.ids;
    // Stable on equal ids (a duplicated node keeps its last version: see lookup).
    order.sort((a, b) => ids[a] - ids[b] || a - b);
    const sIds = new Float64Array(n);
    const sLons = new Int32Array(n);
    const sLats = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const j = order[i];
      sIds[i] = ids[j];
      sLons[i] = this.lons[j];
      sLats[i] = this.lats[j];
    }
    this.ids = sIds;
    this.lons = sLons;
    this.lats = sLats;
  }

  /** Index of node `id`, or -1. With duplicates, the last one added. Requires {@link finish}. */
  indexOf(id: number): number {
    const ids = this.ids;
    let lo = 0;
    let hi = this.n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid];
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else {
        found = mid;
        lo = mid + 1;
      }
    }
    return found;
  }

  lonE7(index: number): number {
    return this.lons[index];
  }

  latE7(index: number): number {
    return this.lats[index];
  }
}
