/** Creating the demo county project (示例县, fictional sample data) from the deterministic generator. */
import { generateDemoCounty } from '../io/demo/generate.js';
import { ProjectStore, type StoreOptions } from '../store/project-store.js';

export function createDemoProject(file: string, opts: StoreOptions & { overwrite?: boolean } = {}): ProjectStore {
  const county = generateDemoCounty();
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
    },
    opts,
  );
}
