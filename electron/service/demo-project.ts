/** Creating the demo county project (示例县, fictional sample data) from the deterministic generator. */
import { EMPTY_SCENARIO_PAYLOAD, type ScenarioPayload } from '../domain/planning.js';
import { defaultPrintLayout } from '../domain/print-layout.js';
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

/** The example print layout template the demo ships with (A4 portrait, for meetings). */
export const DEMO_PRINT_TEMPLATE = {
  name: 'A4竖版会议用图',
  layout: defaultPrintLayout('A4', 'portrait', {
    title: '示例县村级医疗卫生服务覆盖图',
    subtitle: '村卫生室 15 分钟、乡镇卫生院 30 分钟、县医院 60 分钟可达范围',
    organisation: '示例县卫生健康局',
  }),
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
  try {
    if (village) {
      store.createScenario({ name: DEMO_SCENARIO.name, description: DEMO_SCENARIO.description, payload: JSON.stringify(demoScenarioPayload(village)) });
    }
    // Shipped as part of the project, not as an edit: the demo starts with an empty history.
    store.savePrintTemplate(DEMO_PRINT_TEMPLATE.name, DEMO_PRINT_TEMPLATE.layout, null);
  } catch (e) {
    store.close();
    throw e;
  }
  return store;
}
