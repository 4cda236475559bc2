/**
 * Population GeoTIFF (counts per cell, e.g. WorldPop): cell values summed into villages — by the
 * village polygon (village_areas) when the project has them, else to the nearest village. The
 * result is an update of each village's population.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import { fromArrayBuffer } from 'geotiff';
import { ApiError } from '../../api/errors.js';
import type { ImportProblem } from '../../api/schema.js';
import type { ProjectStore } from '../../store/project-store.js';
import { problem } from './types.js';

const MAX_CELLS = 50_000_000;

export interface PopulationSums {
  /** village id → summed population (rounded), for villages whose value changes. */
  updates: { id: number; code: string; name: string; population: number; location: [number, number] }[];
  villages: number;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

export async function sumPopulation(store: ProjectStore, file: string, buf: Buffer): Promise<PopulationSums> {
  const bad = (detail: string) => new ApiError('BAD_RASTER', `cannot read raster ${file}: ${detail}`, { path: file, detail });
  let width: number, height: number, west: number, north: number, dx: number, dy: number, nodata: number | null;
  let data: ArrayLike<number>;
  try {
    const tiff = await fromArrayBuffer(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    const image = await tiff.getImage();
    const keys = image.getGeoKeys() as Record<string, number> | null;
    const epsg = keys?.GeographicTypeGeoKey ?? null;
    if (keys?.ProjectedCSTypeGeoKey || (epsg !== null && epsg !== 4326 && epsg !== 4490 && epsg !== 32767)) {
      throw new ApiError('UNKNOWN_CRS', `population raster must be geographic WGS-84/CGCS2000: ${file}`, { path: file, detail: `EPSG ${keys?.ProjectedCSTypeGeoKey ?? epsg}` });
    }
    width = image.getWidth();
    height = image.getHeight();
    if (width * height > MAX_CELLS) throw new ApiError('FILE_TOO_LARGE', `${file}: ${width}×${height} cells`, { path: file, detail: `${width}×${height} cells` });
    const [ox, oy] = image.getOrigin();
    const [rx, ry] = image.getResolution();
    west = ox;
    north = oy;
    dx = rx;
    dy = Math.abs(ry);
    nodata = image.getGDALNoData();
    data = (await image.readRasters({ interleave: true, samples: [0] })) as unknown as ArrayLike<number>;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw bad((e as Error).message);
  }
  const villages = store.getLayer('villages').features;
  if (!villages.length) return { updates: [], villages: 0, problems: [problem(null, null, 'no_villages')], warnings: [] };
  const sums = new Float64Array(villages.length);
  const areas = store.getLayer('village_areas').features;
  const indexOfCode = new Map(villages.map((v, i) => [v.properties.code, i]));
  let unassigned = 0;
  const cellX = (c: number) => west + (c + 0.5) * dx;
  const cellY = (r: number) => north - (r + 0.5) * dy;
  if (areas.length) {
    const idx = new Flatbush(areas.length);
    const boxes = areas.map((a) => {
      let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
      for (const poly of a.geometry.coordinates as number[][][][]) for (const ring of poly) for (const [x, y] of ring) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
      idx.add(w, s, e, n);
      return 0;
    });
    void boxes;
    idx.finish();
    for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) {
      const v = data[r * width + c];
      if (!(v > 0) || v === nodata) continue;
      const x = cellX(c), y = cellY(r);
      const hit = idx.search(x, y, x, y).find((i) => booleanPointInPolygon([x, y], areas[i].geometry as never));
      const vi = hit === undefined ? undefined : indexOfCode.get(areas[hit].properties.villageCode);
      if (vi === undefined) unassigned++;
      else sums[vi] += v;
    }
  } else {
    const lat0 = villages.reduce((a, v) => a + (v.geometry.coordinates as number[])[1], 0) / villages.length;
    const k = Math.cos((lat0 * Math.PI) / 180);
    const idx = new Flatbush(villages.length);
    for (const v of villages) {
      const [x, y] = v.geometry.coordinates as number[];
      idx.add(x * k, y, x * k, y);
    }
    idx.finish();
    for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) {
      const v = data[r * width + c];
      if (!(v > 0) || v === nodata) continue;
      sums[idx.neighbors(cellX(c) * k, cellY(r), 1)[0]] += v;
    }
  }
  const updates: PopulationSums['updates'] = [];
  villages.forEach((v, i) => {
    const population = Math.round(sums[i]);
    if (population !== v.properties.population) {
      updates.push({ id: v.id, code: v.properties.code, name: v.properties.name, population, location: v.geometry.coordinates as [number, number] });
    }
  });
  const warnings = unassigned ? [problem(null, null, 'population_not_summed', { count: unassigned })] : [];
  return { updates, villages: villages.length, problems: [], warnings };
}
