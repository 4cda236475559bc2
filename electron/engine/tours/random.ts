/**
 * Seeded PRNG for the routing search. The engine keeps its own copy (rather than the demo
 * generator's) so the routing core stays free of io/ imports; mulberry32 gives the same sequence
 * on every JS engine, which is what "deterministic per seed" needs.
 */
export type Random = () => number;

/** Uniform in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [0, k). */
export function randInt(rnd: Random, k: number): number {
  return Math.floor(rnd() * k);
}
