/**
 * The map, outside React. React tells it what to show (layer data, visibility, selection,
 * locale) and hears back through callbacks (hover, click, cursor, zoom); the controller alone
 * owns the maplibregl.Map.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { BasemapInfo, Feature, FeatureCollection, LayerName } from '../../../electron/api/schema.js';
import type { PlannerApi } from '../../../electron/api/schema.js';
import { translate, type Locale } from '../i18n/index.js';
import type { LayerToggle } from '../state/layersSlice.js';
import type { FeatureRef, HoverState } from '../state/selectionSlice.js';
import {
  INTERACTIVE_LAYERS,
  SELECTION_SOURCE,
  SOURCE_IDS,
  TOWNSHIP_LABEL_SOURCE,
  layerIdsOf,
  projectLabelLayers,
  projectLayers,
} from './layers.js';
import { CJK_FONT_FAMILY } from './palette.js';
import { basemapStyle } from './style.js';
import { registerTileProtocol } from './tileProtocol.js';

maplibregl.setWorkerUrl(workerUrl);

export type Bounds = [number, number, number, number];

export interface MapCallbacks {
  onHover(hover: HoverState | null): void;
  onClick(ref: FeatureRef | null): void;
  onCursor(cursor: { lng: number; lat: number } | null): void;
  onZoom(zoom: number): void;
  onError(error: unknown): void;
}

/** What the map shows of the project: one FeatureCollection per source. */
export interface ProjectMapData {
  townships: FeatureCollection<object>;
  townshipLabels: FeatureCollection<object>;
  village_areas: FeatureCollection<object>;
  roads: FeatureCollection<object>;
  villages: FeatureCollection<object>;
  facilities: FeatureCollection<object>;
}

/** Handle for end-to-end tests: `window.__ccp.map.queryRenderedFeatures(...)`. */
export interface TestHandle {
  map: maplibregl.Map;
  ready: boolean;
}

const EMPTY: FeatureCollection<object> = { type: 'FeatureCollection', features: [] };
const EMPTY_DATA: ProjectMapData = {
  townships: EMPTY,
  townshipLabels: EMPTY,
  village_areas: EMPTY,
  roads: EMPTY,
  villages: EMPTY,
  facilities: EMPTY,
};
/** Layers a pointer hovers (township polygons only react to clicks: they cover everything). */
const HOVER_LAYERS = INTERACTIVE_LAYERS.filter((l) => l.layer !== 'townships');
/** Pixels of slack around the pointer when picking thin lines and small dots. */
const PICK_TOLERANCE = 4;

function uiStrings(locale: Locale): Record<string, string> {
  const t = (k: string) => translate(locale, `mapUi.${k}`);
  return {
    'Map.Title': t('title'),
    'NavigationControl.ZoomIn': t('zoomIn'),
    'NavigationControl.ZoomOut': t('zoomOut'),
    'NavigationControl.ResetBearing': t('resetBearing'),
    'ScaleControl.Meters': t('meters'),
    'ScaleControl.Kilometers': t('kilometers'),
  };
}

export class MapController {
  readonly map: maplibregl.Map;
  private readonly callbacks: MapCallbacks;
  private readonly testHandle: TestHandle;
  private styleLoaded = false;
  private projectLayersAdded = false;
  private pendingData: ProjectMapData | null = null;
  private pendingFit: { bounds: Bounds; leftInset: number } | null = null;
  private pendingSelection: Feature<object> | null = null;
  /** Whether the data waiting in pendingData should mark the map ready once drawn. */
  private pendingReady = false;
  private visibility: Partial<Record<LayerToggle, boolean>> = {};
  private controls: maplibregl.IControl[] = [];
  private moveFrame = 0;
  private lastMouse: { point: maplibregl.Point; lngLat: maplibregl.LngLat } | null = null;
  private hoverKey = '';
  private dataSeq = 0;
  private destroyed = false;

  constructor(container: HTMLElement, opts: { api: PlannerApi; basemap: BasemapInfo | null; locale: Locale; callbacks: MapCallbacks }) {
    this.callbacks = opts.callbacks;
    registerTileProtocol(opts.api, (e) => this.callbacks.onError(e));
    const bm = opts.basemap?.available ? opts.basemap : null;
    this.map = new maplibregl.Map({
      container,
      style: basemapStyle(bm),
      center: bm ? [bm.center[0], bm.center[1]] : [105, 35],
      zoom: bm ? bm.center[2] : 4,
      minZoom: 3,
      maxZoom: 18,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // Printing reads the canvas back; without this the printed map is blank.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      localIdeographFontFamily: CJK_FONT_FAMILY,
      locale: uiStrings(opts.locale),
    });
    this.map.touchZoomRotate.disableRotation();
    this.addControls();

    this.testHandle = { map: this.map, ready: false };
    (window as Window & { __ccp?: TestHandle }).__ccp = this.testHandle;

    this.map.on('load', () => {
      this.styleLoaded = true;
      this.callbacks.onZoom(this.map.getZoom());
      this.flush();
    });
    this.map.on('zoom', () => this.callbacks.onZoom(this.map.getZoom()));
    this.map.on('mousemove', (e) => {
      this.lastMouse = { point: e.point, lngLat: e.lngLat };
      if (!this.moveFrame) this.moveFrame = requestAnimationFrame(() => this.onPointerFrame());
    });
    this.map.on('mouseout', () => {
      this.lastMouse = null;
      this.callbacks.onCursor(null);
      this.setHover(null);
    });
    this.map.on('click', (e) => this.callbacks.onClick(this.pick(e.point, INTERACTIVE_LAYERS)));
    // The tooltip sits at a screen position: drop it when the map moves or changes size under it.
    this.map.on('movestart', () => this.setHover(null));
    this.map.on('resize', () => this.setHover(null));
    this.map.on('error', (e) => {
      // Tile failures are reported once by the protocol; style errors are worth a console line only.
      console.warn('[map]', e.error?.message ?? e);
    });
  }

  /** Replaces what the project layers show; the first call adds the layers. Ready after the next idle. */
  setProjectData(data: ProjectMapData): void {
    this.pendingData = data;
    this.pendingReady = true;
    this.setReady(false);
    this.flush();
  }

  /** A project is being opened: empty the project layers and stop being "ready" until its data is drawn. */
  clearProjectData(): void {
    this.setReady(false);
    this.pendingSelection = null;
    if (!this.projectLayersAdded && !this.pendingData) return;
    this.pendingData = EMPTY_DATA;
    this.pendingReady = false;
    this.flush();
  }

  /**
   * Fits the view to [west, south, east, north] (now, or once the style is loaded);
   * `leftInset` keeps the project clear of a panel floating over the map's left edge (the legend).
   */
  fitTo(bounds: Bounds | null, leftInset = 0): void {
    if (!bounds || !bounds.every(Number.isFinite)) return;
    this.pendingFit = { bounds, leftInset };
    this.flush();
  }

  setVisibility(visibility: Record<LayerToggle, boolean>): void {
    this.visibility = { ...visibility };
    this.flush();
  }

  /** Highlights one feature (or none). */
  setSelection(feature: Feature<object> | null): void {
    this.pendingSelection = feature;
    this.flush();
  }

  setLocale(locale: Locale): void {
    this.map._locale = { ...this.map._locale, ...uiStrings(locale) };
    this.map.getCanvas().setAttribute('aria-label', this.map._locale['Map.Title']);
    // Controls read their strings when added.
    for (const c of this.controls) this.map.removeControl(c);
    this.addControls();
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.moveFrame) cancelAnimationFrame(this.moveFrame);
    this.map.remove();
    const w = window as Window & { __ccp?: TestHandle };
    if (w.__ccp === this.testHandle) delete w.__ccp;
    delete document.documentElement.dataset.mapReady;
  }

  // ---- internals ------------------------------------------------------------------------------

  private addControls(): void {
    this.controls = [new maplibregl.NavigationControl({ showCompass: false }), new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 })];
    this.map.addControl(this.controls[0], 'top-right');
    this.map.addControl(this.controls[1], 'bottom-right');
  }

  /** Applies whatever is pending once the style can take it. */
  private flush(): void {
    if (!this.styleLoaded || this.destroyed) return;
    if (this.pendingData) {
      const data = this.pendingData;
      this.pendingData = null;
      this.applyData(data, this.pendingReady);
    }
    if (this.projectLayersAdded) {
      const sel = this.map.getSource(SELECTION_SOURCE) as maplibregl.GeoJSONSource | undefined;
      sel?.setData(toGeoJSON(this.pendingSelection ? { type: 'FeatureCollection', features: [this.pendingSelection] } : EMPTY));
    }
    this.applyVisibility();
    if (this.pendingFit) {
      const { bounds, leftInset } = this.pendingFit;
      const [w, s, e, n] = bounds;
      this.pendingFit = null;
      this.map.resize();
      const width = this.map.getCanvas().clientWidth;
      const height = this.map.getCanvas().clientHeight;
      const pad = Math.max(10, Math.min(50, Math.floor(Math.min(width, height) / 12)));
      // Use the inset only when enough map is left beside the panel.
      const left = leftInset > 0 && width - leftInset > width * 0.55 ? leftInset + pad / 2 : pad;
      if (w === e && s === n) this.map.jumpTo({ center: [w, s], zoom: 14 });
      else this.map.fitBounds([[w, s], [e, n]], { padding: { top: pad, bottom: pad, left, right: pad }, animate: false, maxZoom: 15 });
    }
  }

  private applyData(data: ProjectMapData, markReady: boolean): void {
    const sources: [string, FeatureCollection<object>][] = [
      [SOURCE_IDS.townships, data.townships],
      [TOWNSHIP_LABEL_SOURCE, data.townshipLabels],
      [SOURCE_IDS.village_areas, data.village_areas],
      [SOURCE_IDS.roads, data.roads],
      [SOURCE_IDS.villages, data.villages],
      [SOURCE_IDS.facilities, data.facilities],
      [SELECTION_SOURCE, EMPTY],
    ];
    for (const [id, fc] of sources) {
      const existing = this.map.getSource(id) as maplibregl.GeoJSONSource | undefined;
      if (existing) {
        if (id !== SELECTION_SOURCE) existing.setData(toGeoJSON(fc));
      } else {
        this.map.addSource(id, { type: 'geojson', data: toGeoJSON(fc), tolerance: 0.3 });
      }
    }
    if (!this.projectLayersAdded) {
      for (const layer of [...projectLayers(), ...projectLabelLayers()]) this.map.addLayer(layer);
      this.projectLayersAdded = true;
    }
    // Ready for tests once the map has drawn the new data (and no newer data is waiting).
    if (markReady) {
      const seq = ++this.dataSeq;
      this.map.once('idle', () => {
        if (seq === this.dataSeq && !this.pendingData) this.setReady(true);
      });
    } else {
      this.dataSeq++;
    }
    this.map.triggerRepaint();
  }

  private applyVisibility(): void {
    const ids = this.map.getStyle().layers.map((l) => l.id);
    for (const [toggle, visible] of Object.entries(this.visibility) as [LayerToggle, boolean][]) {
      for (const id of layerIdsOf(toggle, ids)) {
        const want = visible ? 'visible' : 'none';
        if (this.map.getLayoutProperty(id, 'visibility') !== want) this.map.setLayoutProperty(id, 'visibility', want);
      }
    }
  }

  private setReady(ready: boolean): void {
    this.testHandle.ready = ready;
    if (ready) document.documentElement.dataset.mapReady = 'true';
    else delete document.documentElement.dataset.mapReady;
  }

  private onPointerFrame(): void {
    this.moveFrame = 0;
    const m = this.lastMouse;
    if (!m || this.destroyed) return;
    this.callbacks.onCursor({ lng: m.lngLat.lng, lat: m.lngLat.lat });
    const ref = this.pick(m.point, HOVER_LAYERS);
    this.setHover(ref ? { ...ref, x: m.point.x, y: m.point.y } : null);
  }

  private setHover(hover: HoverState | null): void {
    const key = hover ? `${hover.layer}:${hover.id}:${hover.x}:${hover.y}` : '';
    if (key === this.hoverKey) return;
    this.hoverKey = key;
    this.map.getCanvas().style.cursor = hover ? 'pointer' : '';
    this.callbacks.onHover(hover);
  }

  /** The most specific project feature under a point, in INTERACTIVE_LAYERS order. */
  private pick(point: maplibregl.Point, candidates: readonly { id: string; layer: LayerName }[]): FeatureRef | null {
    if (!this.projectLayersAdded) return null;
    const layers = candidates.filter((c) => this.map.getLayer(c.id) && this.map.getLayoutProperty(c.id, 'visibility') !== 'none');
    if (layers.length === 0) return null;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - PICK_TOLERANCE, point.y - PICK_TOLERANCE],
      [point.x + PICK_TOLERANCE, point.y + PICK_TOLERANCE],
    ];
    for (const c of layers) {
      // Polygons are picked at the exact point; lines and dots with some slack.
      const hits = this.map.queryRenderedFeatures(c.layer === 'townships' ? point : box, { layers: [c.id] });
      const hit = this.nearest(hits, point);
      if (!hit) continue;
      const id = typeof hit.id === 'number' ? hit.id : Number((hit.properties as { id?: unknown }).id);
      if (Number.isFinite(id)) return { layer: c.layer, id };
    }
    return null;
  }

  /** Of several hits, the point feature closest to the pointer (lines and polygons: the topmost). */
  private nearest(hits: maplibregl.MapGeoJSONFeature[], point: maplibregl.Point): maplibregl.MapGeoJSONFeature | undefined {
    let best = hits[0];
    let bestD = Infinity;
    for (const h of hits) {
      if (h.geometry.type !== 'Point') return hits[0];
      const p = this.map.project(h.geometry.coordinates as [number, number]);
      const d = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = h;
      }
    }
    return best;
  }
}

/** Our FeatureCollection type is structurally GeoJSON; MapLibre wants its own GeoJSON type. */
type MapGeoJSON = Exclude<Parameters<maplibregl.GeoJSONSource['setData']>[0], string>;
function toGeoJSON(fc: FeatureCollection<object>): MapGeoJSON {
  return fc as unknown as MapGeoJSON;
}
