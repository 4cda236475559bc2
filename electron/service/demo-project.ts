/** Creating the demo county project (示例县, fictional sample data) from the deterministic generator. */
import { EMPTY_SCENARIO_PAYLOAD, type ScenarioPayload } from '../domain/planning.js';
import { proposedVillageClinic, type Village } from '../domain/types.js';
import { gridFromFunction } from '../engine/elevation.js';
import { generateDemoCounty } from '../io/demo/generate.js';
import { ProjectStore, type StoreOptions } from '../store/project-store.js';

/** DEM cell size for the demo county: 0.002° ≈ 200 m, enough for slopes along village roads. */
const DEMO_DEM_CELL_DEG = 0.002;
/** Margin around the county's bbox so the DEM covers the whole analysis area (it is padded too). */
const DEMO_DEM_MARGIN_DEG = 0.05;

/** The example scenario the demo ships with, so the comparison has something to show. */
export const DEMO_SCENARIO = {
  name: '方案二：龙岗村新建村卫生室',
  description: '在龙岗村（431299202213，人口多、无村卫生室）新建一所村卫生室，配乡村医生 2 名（虚构示例）',
  villageCode: '431299202213',
};

/** Scenario payload: a village clinic with two village doctors at the village's location. */
export function demoScenarioPayload(village: Pick<Village, 'code' | 'name' | 'townshipCode' | 'location'>): ScenarioPayload {
  const { id: _id, ...clinic } = proposedVillageClinic(0, `VC-${village.code}`, `${village.name}卫生室（新建）`, village.code, village.location);
  return { ...EMPTY_SCENARIO_PAYLOAD, facilityEdits: [{ op: 'add', facility: { ...clinic, townshipCode: village.townshipCode, villageDoctors: 2 } }] };
}

export function createDemoProject(file: string, opts: StoreOptions & { overwrite?: boolean } = {}): ProjectStore {
  const county = generateDemoCounty();
  const [w, s, e, n] = county.bbox;
  const m = DEMO_DEM_MARGIN_DEG;
  const dem = gridFromFunction((lng, lat) => county.elevation(lng, lat), [w - m, s - m, e + m, n + m], DEMO_DEM_CELL_DEG);
  const store = ProjectStore.create(
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
  const village = county.villages.find((v) => v.code === DEMO_SCENARIO.villageCode);
  if (village) {
    try {
      store.createScenario({ name: DEMO_SCENARIO.name, description: DEMO_SCENARIO.description, payload: JSON.stringify(demoScenarioPayload(village)) });
    } catch (e) {
      store.close();
      throw e;
    }
  }
  return store;
}
