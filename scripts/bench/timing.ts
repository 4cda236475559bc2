/** Small timing helpers for the bench (wall clock, performance.now). */

export function timeIt<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

/** Runs `f` `runs` times; returns the last value and the fastest time. */
export function bestOf<T>(runs: number, f: () => T): { value: T; ms: number; all: number[] } {
  const all: number[] = [];
  let value!: T;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const r = timeIt(f);
    value = r.value;
    all.push(r.ms);
  }
  return { value, ms: Math.min(...all), all };
}

export function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Sum of the byte lengths of every distinct ArrayBuffer behind an object's typed-array fields. */
export function typedArrayBytes(obj: object): number {
  const seen = new Set<ArrayBufferLike>();
  let bytes = 0;
  for (const v of Object.values(obj)) {
    if (ArrayBuffer.isView(v) && !seen.has(v.buffer)) {
      seen.add(v.buffer);
      bytes += v.buffer.byteLength;
    }
  }
  return bytes;
}
