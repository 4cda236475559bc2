/** Creating the demo county project (示例县, fictional sample data) from the deterministic generator. */
import { gridFromFunction } from '../engine/elevation.js';
import { generateDemoCounty } from '../io/demo/generate.js';
import { ProjectStore, type StoreOptions } from '../store/project-store.js';

/** DEM cell size for the demo county: 0.002° ≈ 200 m, enough for slopes along village roads. */
const DEMO_DEM_CELL_DEG = 0.002;
/** Margin around the county's bbox so the DEM covers the whole analysis area (it is padded too). */
const DEMO_DEM_MARGIN_DEG = 0.05;

export function createDemoProject(file: string, opts: StoreOptions & { overwrite?: boolean } = {}): ProjectStore {
  const county = generateDemoCounty();
  const [w, s, e, n] = county.bbox;
  const m = DEMO_DEM_MARGIN_DEG;
  const dem = gridFromFunction((lng, lat) => county.elevation(lng, lat), [w - m, s - m, e + m, n + m], DEMO_DEM_CELL_DEG);
  return ProjectStore.create(
    file,
    { title: county.title, isDemo: true },
    {
      townships: county.townships,
      villages: county.villages,
      villageAreas: county.villageAreas,
      facilities: county.facilities,
      roads: county.roads,
      postings: county.postings,
      rasters: [{ name: 'dem', kind: 'dem', source: '示例县地形（虚构）', ...dem }],
    },
    opts,
  );
}
