/** Small hand-made layers for the renderer unit tests (shaped like api.getLayer results). */
import type { Feature, LayerProperties } from '../../electron/api/schema.js';
import type { LayerData } from '../../renderer/src/state/derived.js';

export function village(id: number, code: string, name: string, extra: Partial<LayerProperties['villages']> = {}): Feature<LayerProperties['villages']> {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [110 + id / 100, 30] },
    properties: { id, code, name, townshipCode: code.slice(0, 9), population: 1000, households: 300, kind: 'village', areaKm2: 5.5, ...extra },
  };
}

export function facility(id: number, name: string, extra: Partial<LayerProperties['facilities']> = {}): Feature<LayerProperties['facilities']> {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [110.5, 30.1] },
    properties: {
      id,
      code: `F${id}`,
      name,
      level: 'village_clinic',
      townshipCode: '500101001',
      villageCode: null,
      capability: null,
      isCentralThc: false,
      isPlannedSubCenter: false,
      beds: 0,
      physicians: 0,
      assistantPhysicians: 0,
      villageDoctors: 0,
      tcmPhysicians: 0,
      nurses: 0,
      publicHealthPhysicians: 0,
      ...extra,
    },
  };
}

export const T1 = '500101001';

/** Four villages: A has a qualified clinic, B a clinic without doctors, C none, D a settlement served by two clinics (one qualified). */
export function sampleLayers(): LayerData {
  return {
    townships: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 1,
          geometry: { type: 'MultiPolygon', coordinates: [[[[110, 29.9], [110.2, 29.9], [110.2, 30.2], [110, 30.2], [110, 29.9]]]] },
          properties: { id: 1, code: T1, name: '东岭镇' },
        },
      ],
    },
    villages: {
      type: 'FeatureCollection',
      features: [
        village(1, `${T1}201`, '上坪村', { population: 12345 }),
        village(2, `${T1}202`, '下坪村'),
        village(3, `${T1}203`, '石门村'),
        village(4, `${T1}204`, '新安安置点', { kind: 'settlement' }),
      ],
    },
    facilities: {
      type: 'FeatureCollection',
      features: [
        facility(11, '上坪村卫生室', { villageCode: `${T1}201`, villageDoctors: 1 }),
        facility(12, '下坪村卫生室', { villageCode: `${T1}202`, nurses: 1 }),
        facility(13, '新安卫生室一', { villageCode: `${T1}204` }),
        facility(14, '新安卫生室二', { villageCode: `${T1}204`, assistantPhysicians: 1 }),
        // A township health centre located in 石门村 is not its village clinic.
        facility(15, '东岭镇卫生院', { level: 'township_hc', villageCode: `${T1}203`, physicians: 8, beds: 40 }),
      ],
    },
    roads: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 21,
          geometry: { type: 'LineString', coordinates: [[110, 30], [110.1, 30]] },
          properties: { id: 21, name: 'X101', roadClass: 'county', speedKmh: null, oneway: false, bridge: true },
        },
      ],
    },
    village_areas: { type: 'FeatureCollection', features: [] },
  };
}
