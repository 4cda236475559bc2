/**
 * The map of a print layout, rendered at print resolution: a second, hidden MapLibre map with the
 * style of the map on screen (its sources carry their GeoJSON, so the same layers and symbols
 * show), sized to the map box in CSS pixels and drawn at `dpi / 96` device pixels per CSS pixel.
 * Not a screenshot of the window. One renderer serves every page of an atlas.
 */
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { IMPORT_PREVIEW_ID } from '../map/MapController.js';
import { SELECTION_SOURCE } from '../map/layers.js';
import { TOWNSHIP_COLORS } from '../map/palette.js';
import { gridStepMinutes, gridValues, metersPerPixel, PX_PER_MM, type Bounds } from './printMath.js';

export interface MapSnapshot {
  /** PNG data URL of the map at the requested resolution. */
  image: string;
  pixelWidth: number;
  pixelHeight: number;
  /** The extent drawn (west, south, east, north). */
  bounds: Bounds;
  /** Ground metres per millimetre of paper at the map's centre. */
  metersPerMm: number;
  /** Grid lines: longitudes at x mm and latitudes at y mm from the map box's top left. */
  grid: { lngs: { deg: number; x: number }[]; lats: { deg: number; y: number }[] };
}

export interface MapRequest {
  widthMm: number;
  heightMm: number;
  dpi: number;
  /** The extent to fit (with a small margin). */
  bounds: Bounds;
  /** An area to bring forward: everything outside it is veiled (atlas pages of a township). */
  focus?: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
  /** Grid spacing, arc minutes; 0 = chosen from the extent. */
  gridMinutes: number;
}

/** The style on screen, without what must not be printed (the selection, an import preview). */
export function printableStyle(style: StyleSpecification): StyleSpecification {
  const sources = { ...style.sources };
  for (const id of [SELECTION_SOURCE, IMPORT_PREVIEW_ID]) {
    const s = sources[id];
    if (s && s.type === 'geojson') sources[id] = { ...(s as GeoJSONSourceSpecification), data: { type: 'FeatureCollection', features: [] } };
  }
  return { ...style, sources };
}

const MASK_SOURCE = 'print-focus';
/** A box well beyond any county, with the focus area cut out of it. */
function veil(focus: GeoJSON.Polygon | GeoJSON.MultiPolygon): GeoJSON.Feature<GeoJSON.Polygon> {
  const outer: GeoJSON.Position[] = [[-179, -85], [179, -85], [179, 85], [-179, 85], [-179, -85]];
  const rings = focus.type === 'Polygon' ? [focus.coordinates[0]] : focus.coordinates.map((p) => p[0]);
  return { type: 'Feature', properties: { veil: true }, geometry: { type: 'Polygon', coordinates: [outer, ...rings] } };
}

export class PrintMapRenderer {
  private map: maplibregl.Map | null = null;
  private container: HTMLDivElement | null = null;
  private key = '';

  constructor(
    private readonly style: StyleSpecification,
    /** A style image by id (the tour arrows), copied from the map on screen. */
    private readonly imageFor: (id: string) => { width: number; height: number; data: Uint8Array | Uint8ClampedArray; pixelRatio?: number; sdf?: boolean } | null,
  ) {}

  async render(req: MapRequest, signal?: AbortSignal): Promise<MapSnapshot> {
    const widthPx = Math.max(16, Math.round(req.widthMm * PX_PER_MM));
    const heightPx = Math.max(16, Math.round(req.heightMm * PX_PER_MM));
    const pixelRatio = req.dpi / 96;
    const map = await this.ensureMap(widthPx, heightPx, pixelRatio);
    this.setFocus(map, req.focus ?? null);
    const pad = Math.round(Math.min(widthPx, heightPx) * 0.04);
    map.fitBounds(
      [
        [req.bounds[0], req.bounds[1]],
        [req.bounds[2], req.bounds[3]],
      ],
      { padding: pad, animate: false },
    );
    await idle(map, signal);
    const canvas = map.getCanvas();
    const image = canvas.toDataURL('image/png');
    const b = map.getBounds();
    const bounds: Bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const center = map.getCenter();
    const mmPerPx = 1 / PX_PER_MM;
    const step = req.gridMinutes > 0 ? req.gridMinutes : gridStepMinutes(bounds);
    return {
      image,
      pixelWidth: canvas.width,
      pixelHeight: canvas.height,
      bounds,
      metersPerMm: metersPerPixel(center.lat, map.getZoom()) * PX_PER_MM,
      grid: {
        lngs: gridValues(bounds[0], bounds[2], step).map((deg) => ({ deg, x: map.project([deg, center.lat]).x * mmPerPx })),
        lats: gridValues(bounds[1], bounds[3], step).map((deg) => ({ deg, y: map.project([center.lng, deg]).y * mmPerPx })),
      },
    };
  }

  destroy(): void {
    this.map?.remove();
    this.container?.remove();
    this.map = null;
    this.container = null;
    this.key = '';
  }

  private async ensureMap(widthPx: number, heightPx: number, pixelRatio: number): Promise<maplibregl.Map> {
    const key = `${widthPx}x${heightPx}@${pixelRatio}`;
    if (this.map && this.key === key) return this.map;
    this.destroy();
    const container = document.createElement('div');
    container.className = 'print-map-offscreen';
    container.style.width = `${widthPx}px`;
    container.style.height = `${heightPx}px`;
    document.body.appendChild(container);
    const map = new maplibregl.Map({
      container,
      style: this.style,
      pixelRatio,
      maxCanvasSize: [16384, 16384],
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      renderWorldCopies: false,
    });
    map.on('styleimagemissing', (e: { id: string }) => {
      const img = this.imageFor(e.id);
      if (img && !map.hasImage(e.id)) {
        map.addImage(e.id, { width: img.width, height: img.height, data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength) }, { pixelRatio: img.pixelRatio ?? 1, sdf: img.sdf ?? false });
      }
    });
    this.map = map;
    this.container = container;
    this.key = key;
    if (!map.loaded()) await new Promise<void>((resolve) => map.once('load', () => resolve()));
    return map;
  }

  private setFocus(map: maplibregl.Map, focus: GeoJSON.Polygon | GeoJSON.MultiPolygon | null): void {
    const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: focus ? [veil(focus), { type: 'Feature', properties: {}, geometry: focus }] : [] };
    const source = map.getSource(MASK_SOURCE) as maplibregl.GeoJSONSource | undefined;
    if (source) {
      source.setData(data);
      return;
    }
    map.addSource(MASK_SOURCE, { type: 'geojson', data });
    // Under the labels, so every name stays readable.
    const firstSymbol = map.getStyle().layers.find((l) => l.type === 'symbol')?.id;
    map.addLayer({ id: 'print-veil', type: 'fill', source: MASK_SOURCE, filter: ['has', 'veil'], paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.68 } }, firstSymbol);
    map.addLayer({ id: 'print-focus-line', type: 'line', source: MASK_SOURCE, filter: ['!', ['has', 'veil']], paint: { 'line-color': TOWNSHIP_COLORS.line, 'line-width': 2.4 } }, firstSymbol);
  }
}

/** Resolves once the map has drawn everything it is loading (or after 60 s, with what it has). */
function idle(map: maplibregl.Map, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      done = true;
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    };
    const timer = setTimeout(finish, 60_000);
    signal?.addEventListener('abort', abort);
    map.once('idle', finish);
    map.triggerRepaint();
  });
}
