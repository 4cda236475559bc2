import { readFileSync } from 'node:fs';
import { parseTsplib, parseTour, tsplibTourLength, tsplibMatrix } from './electron/engine/tours/tsplib.js';
import { solveTsp, nearestNeighbourTour, tourLength } from './electron/engine/tours/tsp.js';
const d = '/work/shared/data/tsplib/';
const b = parseTsplib(readFileSync(d + 'berlin52.tsp', 'utf8'));
console.log(tsplibTourLength(b, parseTour(readFileSync(d + 'berlin52.opt.tour', 'utf8'))));
const opt: Record<string, number> = { berlin52: 7542, eil51: 426, st70: 675, eil76: 538, kroA100: 21282 };
const iters = Number(process.argv[2] ?? 2000);
let g = 0;
for (const name of Object.keys(opt)) {
  const inst = parseTsplib(readFileSync(d + name + '.tsp', 'utf8'));
  const m = tsplibMatrix(inst);
  const t0 = performance.now();
  const s = solveTsp(inst.dimension, m, { iterations: iters, seed: 1 });
  const ms = performance.now() - t0;
  const nn = tourLength(nearestNeighbourTour(inst.dimension, m), inst.dimension, m);
  const gap = (s.length / opt[name] - 1) * 100; g += gap;
  console.log(name, s.length, gap.toFixed(2), ms.toFixed(0), nn, new Set(s.order).size === inst.dimension);
}
console.log('mean', (g / 5).toFixed(2));
