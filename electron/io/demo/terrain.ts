/**
 * The landform of the demo county: its outline, the river 清水河 and a smooth elevation model
 * (valleys 150-400 m, a north-western mountain massif up to ~1600 m). Everything is analytic so
 * that the basemap can sample contours and hillshade anywhere, including outside the county.
 */
import { clamp, smoothstep, type P } from './geometry.js';
import type { Rng } from './random.js';

/** East-west stretch of the county outline: the county is a little wider than tall. */
const STRETCH = 1.1;
const MEAN_RADIUS_KM = 22;

interface Bump {
  c: P;
  h: number;
  s: number;
}

export interface Lake {
  name: string;
  centre: P;
  /** Semi-axes in km and rotation of the ellipse the shoreline wobbles around. */
  a: number;
  b: number;
  rot: number;
  level: number;
  ring: P[];
}

export interface Terrain {
  /** Closed counter-clockwise ring of the county outline. */
  countyRing: P[];
  /** A point at a fraction f of the way from the county centre to the outline in direction theta (radians). */
  countyPoint(theta: number, f: number): P;
  /** River centreline y = riverY(x) (the river flows west to east). */
  riverY(x: number): number;
  /** Centre of the mountain massif. */
  massif: P;
  /** Elevation in metres before any lake flattening. */
  rawElevation(p: P): number;
}

function gauss(p: P, b: Bump): number {
  const dx = p[0] - b.c[0];
  const dy = p[1] - b.c[1];
  return b.h * Math.exp(-(dx * dx + dy * dy) / (2 * b.s * b.s));
}

export function createTerrain(rng: Rng): Terrain {
  // County outline: a star-shaped blob, a few low harmonics give it an irregular "county" look.
  const harmonics = [2, 3, 4, 6, 9, 13].map((k, i) => ({ k, a: [0.1, 0.07, 0.04, 0.025, 0.015, 0.01][i], ph: rng.range(0, 2 * Math.PI) }));
  const radius = (theta: number): number => MEAN_RADIUS_KM * (1 + harmonics.reduce((s, h) => s + h.a * Math.sin(h.k * theta + h.ph), 0));
  const countyPoint = (theta: number, f: number): P => {
    const r = radius(theta) * f;
    return [STRETCH * r * Math.cos(theta), r * Math.sin(theta)];
  };
  const countyRing: P[] = [];
  const n = 144;
  for (let i = 0; i < n; i++) countyRing.push(countyPoint((2 * Math.PI * i) / n, 1));
  countyRing.push(countyRing[0]);

  // River: a meandering graph y = f(x), so "which bank" is simply the sign of y - f(x).
  const r0 = rng.range(-4, -2);
  const rp = [rng.range(0, 6.3), rng.range(0, 6.3), rng.range(0, 6.3)];
  const riverY = (x: number): number =>
    r0 + 0.05 * x + 2.6 * Math.sin(x / 6.5 + rp[0]) + 0.9 * Math.sin(x / 2.3 + rp[1]) + 0.25 * Math.sin(x / 0.9 + rp[2]);
  // Valley floor falls gently downstream (west to east).
  const floor = (x: number): number => clamp(235 - 1.1 * (x + 25), 120, 260);

  // Mountain massif in the north-west; its long axis points roughly outward so the county border runs over the ridges.
  const thetaM = ((150 + rng.range(-12, 12)) * Math.PI) / 180;
  const massif = countyPoint(thetaM, 0.66);
  const axis = thetaM + rng.range(-0.5, 0.5);
  const ax: P = [Math.cos(axis), Math.sin(axis)];
  const ridgePhase = rng.range(0, 6.3);
  const peaks: Bump[] = Array.from({ length: 9 }, () => {
    const along = rng.range(-10, 10);
    const across = rng.range(-4, 4);
    return { c: [massif[0] + ax[0] * along - ax[1] * across, massif[1] + ax[1] * along + ax[0] * across], h: rng.range(120, 330), s: rng.range(1.1, 2.3) };
  });
  // Lower hills in the south (龙潭 side) and rolling hills everywhere.
  const south: Bump = { c: countyPoint(((280 + rng.range(-15, 15)) * Math.PI) / 180, 0.72), h: 330, s: 5 };
  const hills: Bump[] = [
    ...Array.from({ length: 34 }, (): Bump => ({ c: [rng.range(-40, 55), rng.range(-35, 35)], h: rng.range(90, 330), s: rng.range(1.5, 3.4) })),
    ...Array.from({ length: 50 }, (): Bump => ({ c: [rng.range(-40, 55), rng.range(-35, 35)], h: rng.range(40, 150), s: rng.range(0.9, 1.8) })),
  ];
  // Directional waves give the hills a ridge-and-gully texture (cheap smooth "noise").
  const waves = Array.from({ length: 24 }, () => {
    const dir = rng.range(0, Math.PI);
    const len = rng.range(1.8, 7);
    return { kx: Math.cos(dir) / len, ky: Math.sin(dir) / len, amp: rng.range(12, 40), ph: rng.range(0, 6.3) };
  });
  const bp = [rng.range(0, 6.3), rng.range(0, 6.3), rng.range(0, 6.3), rng.range(0, 6.3)];

  const rawElevation = (p: P): number => {
    const [x, y] = p;
    let e = 255 + 40 * Math.sin(x / 5.3 + bp[0]) * Math.cos(y / 4.7 + bp[1]) + 22 * Math.sin(x / 2.1 + bp[2]) * Math.sin(y / 2.7 + bp[3]);
    for (const h of hills) e += gauss(p, h);
    // Some areas are hillier than others.
    const hilly = 0.35 + 0.65 * (0.5 + 0.5 * Math.sin(x / 9 + bp[0]) * Math.cos(y / 8 + bp[3]));
    // Domain warp bends the straight wave crests into winding ridges.
    const wx = x + 1.3 * Math.sin(y / 2.3 + bp[1]) + 0.6 * Math.sin(y / 0.9 + x / 1.7);
    const wy = y + 1.3 * Math.sin(x / 2.1 + bp[2]) + 0.6 * Math.sin(x / 1.1 - y / 1.5);
    for (const w of waves) e += hilly * w.amp * (Math.abs(Math.sin(wx * w.kx + wy * w.ky + w.ph)) - 0.64);
    e += gauss(p, south);
    const dx = x - massif[0];
    const dy = y - massif[1];
    const u = dx * ax[0] + dy * ax[1];
    const v = -dx * ax[1] + dy * ax[0];
    const m = Math.exp(-(u * u) / (2 * 11 * 11) - (v * v) / (2 * 7 * 7));
    e += 1000 * m * (0.8 + 0.2 * Math.cos(u / 1.3 + ridgePhase) * Math.cos(v / 1.7));
    for (const pk of peaks) e += gauss(p, pk) * m;
    // Carve the river valley: blend towards the valley floor within ~2-3 km of the river.
    const d = Math.abs(y - riverY(x));
    const w = Math.exp(-((d / 2.3) ** 2));
    const fl = floor(x);
    return fl + Math.max(0, e - fl) * (1 - w) + 8 * w * smoothstep(0, 1.5, d);
  };

  return { countyRing, countyPoint, riverY, massif, rawElevation };
}

/** Lake shoreline: an ellipse with a gentle wobble, as an open ring in the local frame. */
export function lakeRing(centre: P, a: number, b: number, rot: number, rng: Rng): P[] {
  const ph = rng.range(0, 6.3);
  const ring: P[] = [];
  const n = 40;
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const k = 1 + 0.12 * Math.sin(3 * t + ph) + 0.06 * Math.sin(5 * t + 2 * ph);
    const lx = a * k * Math.cos(t);
    const ly = b * k * Math.sin(t);
    ring.push([centre[0] + lx * Math.cos(rot) - ly * Math.sin(rot), centre[1] + lx * Math.sin(rot) + ly * Math.cos(rot)]);
  }
  return ring;
}

/** Elevation with lakes flattened to their water level (a reservoir surface is flat). */
export function elevationWithLakes(terrain: Terrain, lakes: readonly Lake[]): (p: P) => number {
  return (p) => {
    let e = terrain.rawElevation(p);
    for (const l of lakes) {
      const dx = p[0] - l.centre[0];
      const dy = p[1] - l.centre[1];
      const lx = dx * Math.cos(l.rot) + dy * Math.sin(l.rot);
      const ly = -dx * Math.sin(l.rot) + dy * Math.cos(l.rot);
      const rn = Math.hypot(lx / l.a, ly / l.b);
      const w = 1 - smoothstep(0.9, 1.6, rn);
      if (w > 0) e = e * (1 - w) + Math.min(e, l.level) * w;
    }
    return e;
  };
}
