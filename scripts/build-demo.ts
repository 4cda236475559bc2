/**
 * Builds data/demo-county.gpkg, the embedded demo county (示例县, fictional sample data), from
 * the deterministic generator in electron/io/demo. Usage: npm run demo [-- --out PATH]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoProject } from '../electron/service/demo-project.js';
import { DEMO_FILE } from '../electron/service/service.js';
import { dataDir } from './paths.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(dataDir, DEMO_FILE));
const store = createDemoProject(out, { overwrite: true });
const counts = store.layerSummaries().map((l) => `${l.name}=${l.count}`).join(' ');
console.log(`${out}: ${counts} postings=${store.count('postings')}`);
store.close();
