/** A tiny hand-made project (two villages, a clinic, a THC, one road, one township) for store tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { ProjectData } from '../../electron/store/project-store.js';

export function tempDir(prefix = 'ccp-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function tinyProject(): ProjectData {
  return {
    townships: [
      {
        id: 0,
        code: '431299101',
        name: '青山乡',
        coordinates: [[[[110.0, 27.0], [110.2, 27.0], [110.2, 27.2], [110.0, 27.2], [110.0, 27.0]]]],
      },
    ],
    villages: [
      { id: 0, code: '431299101201', name: '石门村', townshipCode: '431299101', population: 1830, households: 571, kind: 'village', areaKm2: 6.4, location: [110.05, 27.05] },
      { id: 0, code: '431299101202', name: '新安安置点', townshipCode: '431299101', population: 420, households: 130, kind: 'settlement', areaKm2: null, location: [110.15, 27.12] },
    ],
    villageAreas: [],
    facilities: [
      {
        id: 0, code: 'VC-431299101201', name: '石门村卫生室', level: 'village_clinic', townshipCode: '431299101', villageCode: '431299101201',
        capability: null, isCentralThc: false, isPlannedSubCenter: false, beds: 0, physicians: 0, assistantPhysicians: 1, villageDoctors: 1,
        tcmPhysicians: 0, nurses: 0, publicHealthPhysicians: 0, location: [110.051, 27.051],
      },
      {
        id: 0, code: 'THC-431299101', name: '青山乡卫生院', level: 'township_hc', townshipCode: '431299101', villageCode: null,
        capability: 'basic', isCentralThc: true, isPlannedSubCenter: false, beds: 30, physicians: 8, assistantPhysicians: 2, villageDoctors: 0,
        tcmPhysicians: 2, nurses: 10, publicHealthPhysicians: 0, location: [110.1, 27.1],
      },
    ],
    roads: [
      { id: 0, name: 'X001', roadClass: 'county', speedKmh: null, oneway: false, bridge: false, coordinates: [[110.05, 27.05], [110.1, 27.1], [110.15, 27.12]] },
    ],
    postings: [
      {
        id: 0, person: '王某', titleLevel: 'intermediate', profession: '内科', fromInstitution: 'CH-431299', toInstitution: 'THC-431299101',
        toVillage: null, startDate: '2026-01-01', endDate: '2026-12-31', release: 'full', daysPerWeek: 5,
      },
    ],
  };
}
