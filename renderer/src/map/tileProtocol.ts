/**
 * `ccp://tiles/{z}/{x}/{y}`: the offline basemap, served through the API (IPC or HTTP) from the
 * MBTiles file on the main side. A missing tile answers empty data, which MapLibre draws as
 * nothing (not an error).
 */
import * as maplibregl from 'maplibre-gl';
import type { PlannerApi } from '../../../electron/api/schema.js';
import { parseTileUrl, TILE_PROTOCOL, toExactArrayBuffer } from './tileUrl.js';

let registered = false;

export function registerTileProtocol(api: PlannerApi, onError: (e: unknown) => void): void {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol(TILE_PROTOCOL, async (params, abort) => {
    const tile = parseTileUrl(params.url);
    if (!tile) return { data: new ArrayBuffer(0) };
    try {
      const bytes = await api.getTile(tile);
      if (abort.signal.aborted) return { data: new ArrayBuffer(0) };
      return { data: bytes ? toExactArrayBuffer(bytes) : new ArrayBuffer(0) };
    } catch (e) {
      onError(e);
      throw e;
    }
  });
}
