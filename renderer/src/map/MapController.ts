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
  COVERAGE_SOURCE,
  ISOCHRONE_SOURCE,
  PICK_LAYERS,
  PLANNING_SOURCES,
  REPLACED_BY_PLANNING,
  SELECTION_SOURCE,
  SOURCE_IDS,
  TOUR_ARROW_IMAGE,
  TOUR_SOURCES,
  TOWNSHIP_LABEL_SOURCE,
  analysisLayers,
  layerIdsOf,
  planningLayers,
  projectLabelLayers,
  projectLayers,
  tourArrowImage,
  tourLayers,
} from './layers.js';
import { CJK_FONT_FAMILY } from './palette.js';
import type { PlanningMapData } from './planningMapData.js';
import type { TourMapData } from '../panels/tours/tourModel.js';
import { basemapStyle } from './style.js';
import { registerTileProtocol } from './tileProtocol.js';

maplibregl.setWorkerUrl(workerUrl);

export type Bounds = [number, number, number, number];

export interface MapCallbacks {
  onHover(hover: HoverState | null): void;
  /** `at`: the click in map-container pixels. */
  onClick(ref: FeatureRef | null, at: { x: number; y: number }): void;
  /** What-if mode: a facility is being dragged ('move' while the button is down, then 'end'). */
  onFacilityDrag?(id: number, lngLat: [number, number], phase: 'move' | 'end'): void;
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

/** Source and layer id of the import wizard's preview points. */
export const IMPORT_PREVIEW_ID = 'import-preview';
/** Magenta: distinct from every project layer colour, so new records stand out. */
const IMPORT_PREVIEW_COLOR = '#d6249f';

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
const HOVER_LAYERS = PICK_LAYERS.filter((l) => l.layer !== 'townships');
/** Pixels of slack around the pointer when picking thin lines and small dots. */
const PICK_TOLERANCE = 4;
/** Layers the coverage dots replace while they are shown (the analysis draws its own blank mark; the plain dots stay underneath, covered). */
const REPLACED_BY_COVERAGE = new Set(['villages-blank-ring']);

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
  private pendingFit: { bounds: Bounds; leftInset: number; rightInset: number } | null = null;
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
  private analysisLayersAdded = false;
  private pendingCoverage: { villages: FeatureCollection<object>; isochrones: FeatureCollection<object> } | null = null;
  private coverageHasData = false;
  /** What the coverage sources hold, so an unchanged collection is not sent to MapLibre again. */
  private shownCoverage: { villages: FeatureCollection<object> | null; isochrones: FeatureCollection<object> | null } = { villages: null, isochrones: null };
  /** The facilities as drawn (the project's, or the what-if scenario's); set apart from setProjectData. */
  private pendingFacilities: FeatureCollection<object> | null = null;
  private shownFacilities: FeatureCollection<object> | null = null;
  /** Proposals map: data waiting to be set, and whether its layers are shown. */
  private pendingPlanning: PlanningMapData | null = null;
  private shownPlanning: PlanningMapData | null = null;
  private planningShown = false;
  /** Tour routes (巡诊排班): data waiting to be set, and whether their layers are shown. */
  private pendingTours: TourMapData | null = null;
  private shownTours: TourMapData | null = null;
  private toursShown = false;
  private tourLayersAdded = false;
  private pendingImportPreview: { points: readonly { lng: number; lat: number; label: string }[] | null } | null = null;
  private whatIfDrag = false;
  private drag: { id: number; moved: boolean; ended: boolean } | null = null;
  private dragFrame = 0;
  private dragLngLat: [number, number] | null = null;

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
    this.map.on('click', (e) => {
      if (this.drag?.moved) return;
      this.callbacks.onClick(this.pick(e.point, PICK_LAYERS), { x: e.point.x, y: e.point.y });
    });
    this.map.on('mousedown', (e) => this.onMouseDown(e));
    this.map.on('mouseup', () => this.endDrag());
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
  fitTo(bounds: Bounds | null, leftInset = 0, rightInset = 0): void {
    if (!bounds || !bounds.every(Number.isFinite)) return;
    this.pendingFit = { bounds, leftInset, rightInset };
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

  /** The coverage analysis on the map: coloured village dots and travel-time bands (empty to clear). */
  setCoverage(villages: FeatureCollection<object>, isochrones: FeatureCollection<object>): void {
    this.pendingCoverage = { villages, isochrones };
    this.flush();
  }

  /**
   * The proposals map (规划建议图): village dots by service mode, merge links, hosts and THC tiers;
   * `shown` false hides its layers (and shows the coverage dots again).
   */
  setPlanning(data: PlanningMapData, shown: boolean): void {
    if (data !== this.shownPlanning) this.pendingPlanning = data;
    this.planningShown = shown;
    this.flush();
  }

  /**
   * The weekly tour routes of one depot (巡诊排班): lines per team-day, direction arrows, numbered
   * stops and the depot, on top of everything; `shown` false (another dock tab, no plan) hides them.
   */
  setTours(data: TourMapData, shown: boolean): void {
    if (data !== this.shownTours) this.pendingTours = data;
    this.toursShown = shown;
    this.flush();
  }

  /**
   * The import wizard's preview: the accepted points of the file as a temporary layer on top
   * ('import-preview'); null removes it (the wizard closed).
   */
  setImportPreview(points: readonly { lng: number; lat: number; label: string }[] | null): void {
    this.pendingImportPreview = { points };
    this.flush();
  }

  /** Redraws only the facilities (the what-if scenario moves and adds some while dragging). */
  setFacilities(facilities: FeatureCollection<object>): void {
    if (facilities === this.shownFacilities && !this.pendingFacilities) return;
    this.pendingFacilities = facilities;
    this.flush();
  }

  /** What-if mode: facilities can be dragged (the map does not pan when a drag starts on one). */
  setWhatIfDrag(enabled: boolean): void {
    this.whatIfDrag = enabled;
    if (!enabled) this.endDrag();
  }

  /** Centres the map on a point (a village picked in the table), zooming in to at least `minZoom`. */
  flyTo(center: [number, number], minZoom = 12.5): void {
    if (!center.every(Number.isFinite)) return;
    this.map.flyTo({ center, zoom: Math.max(this.map.getZoom(), minZoom), duration: 600, essential: true });
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
    if (this.dragFrame) cancelAnimationFrame(this.dragFrame);
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
      this.applyAnalysisData();
      this.applyTours();
    }
    this.applyVisibility();
    if (this.pendingImportPreview) {
      const { points } = this.pendingImportPreview;
      this.pendingImportPreview = null;
      this.applyImportPreview(points);
    }
    if (this.pendingFit) {
      const { bounds, leftInset, rightInset } = this.pendingFit;
      const [w, s, e, n] = bounds;
      this.pendingFit = null;
      this.map.resize();
      const width = this.map.getCanvas().clientWidth;
      const height = this.map.getCanvas().clientHeight;
      const pad = Math.max(10, Math.min(50, Math.floor(Math.min(width, height) / 12)));
      // Use the inset only when enough map is left beside the panel.
      const left = leftInset > 0 && width - leftInset > width * 0.55 ? leftInset + pad / 2 : pad;
      // A panel over the right edge (the import wizard) is kept clear when enough map is left.
      const right = rightInset > 0 && width - rightInset - left > 160 ? rightInset + pad : pad;
      if (w === e && s === n) this.map.jumpTo({ center: [w, s], zoom: 14 });
      else this.map.fitBounds([[w, s], [e, n]], { padding: { top: pad, bottom: pad, left, right }, animate: false, maxZoom: 15 });
    }
  }

  private applyImportPreview(points: readonly { lng: number; lat: number; label: string }[] | null): void {
    const source = this.map.getSource(IMPORT_PREVIEW_ID) as maplibregl.GeoJSONSource | undefined;
    if (!points) {
      if (this.map.getLayer(IMPORT_PREVIEW_ID)) this.map.removeLayer(IMPORT_PREVIEW_ID);
      if (source) this.map.removeSource(IMPORT_PREVIEW_ID);
      return;
    }
    const data: MapGeoJSON = {
      type: 'FeatureCollection',
      features: points
        .filter((p) => Number.isFinite(p.lng) && Number.isFinite(p.lat))
        .map((p, i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { label: p.label } })),
    };
    if (source) {
      source.setData(data);
      return;
    }
    this.map.addSource(IMPORT_PREVIEW_ID, { type: 'geojson', data });
    this.map.addLayer({
      id: IMPORT_PREVIEW_ID,
      type: 'circle',
      source: IMPORT_PREVIEW_ID,
      paint: {
        'circle-radius': 6,
        'circle-color': IMPORT_PREVIEW_COLOR,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
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
    this.shownFacilities = data.facilities;
    if (!this.projectLayersAdded) {
      for (const layer of [...projectLayers(), ...projectLabelLayers()]) this.map.addLayer(layer);
      this.projectLayersAdded = true;
    }
    if (!this.analysisLayersAdded) {
      for (const id of [COVERAGE_SOURCE, ISOCHRONE_SOURCE]) this.map.addSource(id, { type: 'geojson', data: toGeoJSON(EMPTY), tolerance: 0.3 });
      for (const { layer, before } of analysisLayers()) this.map.addLayer(layer, before);
      for (const id of Object.values(PLANNING_SOURCES)) this.map.addSource(id, { type: 'geojson', data: toGeoJSON(EMPTY), tolerance: 0.3 });
      for (const { layer, before } of planningLayers()) this.map.addLayer({ ...layer, layout: { ...layer.layout, visibility: 'none' } } as maplibregl.LayerSpecification, before);
      this.analysisLayersAdded = true;
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

  /** Coverage data and the what-if facilities, once the project layers exist. */
  private applyAnalysisData(): void {
    if (this.pendingCoverage) {
      const { villages, isochrones } = this.pendingCoverage;
      this.pendingCoverage = null;
      if (villages !== this.shownCoverage.villages) {
        (this.map.getSource(COVERAGE_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(toGeoJSON(villages));
        this.shownCoverage.villages = villages;
      }
      if (isochrones !== this.shownCoverage.isochrones) {
        (this.map.getSource(ISOCHRONE_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(toGeoJSON(isochrones));
        this.shownCoverage.isochrones = isochrones;
      }
      this.coverageHasData = villages.features.length > 0;
    }
    if (this.pendingPlanning) {
      const data = this.pendingPlanning;
      this.pendingPlanning = null;
      const prev = this.shownPlanning;
      for (const key of Object.keys(PLANNING_SOURCES) as (keyof typeof PLANNING_SOURCES)[]) {
        if (prev && prev[key] === data[key]) continue;
        (this.map.getSource(PLANNING_SOURCES[key]) as maplibregl.GeoJSONSource | undefined)?.setData(toGeoJSON(data[key] as FeatureCollection<object>));
      }
      this.shownPlanning = data;
    }
    if (this.pendingFacilities) {
      const fc = this.pendingFacilities;
      this.pendingFacilities = null;
      if (fc !== this.shownFacilities) {
        (this.map.getSource(SOURCE_IDS.facilities) as maplibregl.GeoJSONSource | undefined)?.setData(toGeoJSON(fc));
        this.shownFacilities = fc;
      }
    }
  }

  /** Adds the tour sources and layers on first use (above every project and analysis layer), then sets new data. */
  private applyTours(): void {
    if (!this.pendingTours && !this.tourLayersAdded) return;
    if (!this.tourLayersAdded) {
      if (!this.map.hasImage(TOUR_ARROW_IMAGE)) this.map.addImage(TOUR_ARROW_IMAGE, tourArrowImage(), { sdf: true, pixelRatio: 2 });
      for (const id of Object.values(TOUR_SOURCES)) this.map.addSource(id, { type: 'geojson', data: toGeoJSON(EMPTY) });
      for (const layer of tourLayers()) this.map.addLayer({ ...layer, layout: { ...layer.layout, visibility: 'none' } } as maplibregl.LayerSpecification);
      this.tourLayersAdded = true;
    }
    const data = this.pendingTours;
    if (!data) return;
    this.pendingTours = null;
    const prev = this.shownTours;
    for (const key of Object.keys(TOUR_SOURCES) as (keyof typeof TOUR_SOURCES)[]) {
      if (prev && prev[key] === data[key]) continue;
      (this.map.getSource(TOUR_SOURCES[key]) as maplibregl.GeoJSONSource | undefined)?.setData(toGeoJSON(data[key] as unknown as FeatureCollection<object>));
    }
    this.shownTours = data;
  }

  private applyVisibility(): void {
    // getLayersOrder, not getStyle(): the latter serialises every GeoJSON source (slow while dragging).
    const ids = this.map.getLayersOrder();
    const coverageShown = this.coverageHasData && this.visibility.coverage !== false;
    const planningShown = this.planningShown && this.analysisLayersAdded;
    for (const [toggle, visible] of Object.entries(this.visibility) as [LayerToggle, boolean][]) {
      for (const id of layerIdsOf(toggle, ids)) {
        const replaced = (coverageShown && REPLACED_BY_COVERAGE.has(id)) || (planningShown && REPLACED_BY_PLANNING.has(id));
        const want = visible && !replaced ? 'visible' : 'none';
        if (this.map.getLayoutProperty(id, 'visibility') !== want) this.map.setLayoutProperty(id, 'visibility', want);
      }
    }
    // The proposals map follows its own switch (the village dots also need the villages layer on).
    for (const id of ids) {
      if (!id.startsWith('planning-')) continue;
      const want = planningShown && (id !== 'planning-villages' || this.visibility.villages !== false) ? 'visible' : 'none';
      if (this.map.getLayoutProperty(id, 'visibility') !== want) this.map.setLayoutProperty(id, 'visibility', want);
    }
    // The tour routes follow the tours tab.
    const toursWant = this.toursShown && this.tourLayersAdded ? 'visible' : 'none';
    for (const id of ids) {
      if (!id.startsWith('tour-')) continue;
      if (this.map.getLayoutProperty(id, 'visibility') !== toursWant) this.map.setLayoutProperty(id, 'visibility', toursWant);
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
    if (this.drag && !this.drag.ended) return; // no tooltips while dragging
    this.callbacks.onCursor({ lng: m.lngLat.lng, lat: m.lngLat.lat });
    const ref = this.pick(m.point, HOVER_LAYERS);
    this.setHover(ref ? { ...ref, x: m.point.x, y: m.point.y } : null);
  }

  private setHover(hover: HoverState | null): void {
    const key = hover ? `${hover.layer}:${hover.id}:${hover.x}:${hover.y}` : '';
    if (key === this.hoverKey) return;
    this.hoverKey = key;
    if (!this.drag) this.map.getCanvas().style.cursor = hover ? (this.whatIfDrag && hover.layer === 'facilities' ? 'grab' : 'pointer') : '';
    this.callbacks.onHover(hover);
  }

  // ---- what-if drag ---------------------------------------------------------------------------

  private onMouseDown(e: maplibregl.MapMouseEvent): void {
    if (!this.whatIfDrag || !this.callbacks.onFacilityDrag || e.originalEvent.button !== 0) return;
    const ref = this.pick(e.point, [{ id: 'facilities-circle', layer: 'facilities' }]);
    // Clinics added in the scenario (negative ids) are not in the engine's facility list.
    if (!ref || ref.id <= 0) return;
    e.preventDefault(); // no map pan for this gesture
    this.drag = { id: ref.id, moved: false, ended: false };
    this.setHover(null);
    this.map.getCanvas().style.cursor = 'grabbing';
    this.map.on('mousemove', this.onDragMove);
    // A button released outside the map ends the drag too.
    window.addEventListener('mouseup', this.onWindowMouseUp);
  }

  private readonly onWindowMouseUp = (): void => this.endDrag();

  private readonly onDragMove = (e: maplibregl.MapMouseEvent): void => {
    if (!this.drag || this.drag.ended) return;
    this.drag.moved = true;
    this.dragLngLat = [e.lngLat.lng, e.lngLat.lat];
    // One update a frame, with the latest position.
    if (!this.dragFrame) {
      this.dragFrame = requestAnimationFrame(() => {
        this.dragFrame = 0;
        if (this.drag && !this.drag.ended && this.dragLngLat) this.callbacks.onFacilityDrag?.(this.drag.id, this.dragLngLat, 'move');
      });
    }
  };

  private endDrag(): void {
    const drag = this.drag;
    if (!drag || drag.ended) return;
    drag.ended = true;
    this.map.off('mousemove', this.onDragMove);
    window.removeEventListener('mouseup', this.onWindowMouseUp);
    if (this.dragFrame) cancelAnimationFrame(this.dragFrame);
    this.dragFrame = 0;
    this.map.getCanvas().style.cursor = '';
    if (drag.moved && this.dragLngLat) this.callbacks.onFacilityDrag?.(drag.id, this.dragLngLat, 'end');
    this.dragLngLat = null;
    // The click event that follows the mouseup must not select what lies under the drop point.
    setTimeout(() => {
      if (this.drag === drag) this.drag = null;
    }, 0);
  }

  /** The most specific project feature under a point, in PICK_LAYERS order. */
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
