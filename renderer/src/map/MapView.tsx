/**
 * The React side of the map: a container div, and effects that pass store changes to the
 * MapController (data, visibility, selection, fit on open) and its events back to the store.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, FeatureCollection } from '../../../electron/api/schema.js';
import { api } from '../api/index.js';
import { reportError } from '../app/actions.js';
import { dragFacility } from '../analysis/actions.js';
import { bandLimitsOf } from '../analysis/bands.js';
import { coverageFeatures, facilitiesOfScenario, facilitiesWithWhatIf, isochroneFeatures } from '../analysis/mapData.js';
import { translate } from '../i18n/index.js';
import { selectPlanning, selectShownCoverage } from '../state/analysisSlice.js';
import {
  annotateBlankVillages,
  blankVillageCodes,
  findFeature,
  townshipLabelPoints,
} from '../state/derived.js';
import { selectActiveScenario } from '../state/scenarioSlice.js';
import { useAppStore } from '../state/store.js';
import { MapController, type ProjectMapData } from './MapController.js';
import { legendInset } from './legendInset.js';
import { effectivePlans } from '../panels/planning/proposalModel.js';
import { EMPTY_PLANNING_MAP, planningMapData } from './planningMapData.js';
import { setMapController } from './mapInstance.js';
import { EMPTY_TOUR_MAP, tourMapData } from '../panels/tours/tourModel.js';
import { selectShownWeekPlan } from '../state/tourSlice.js';

const EMPTY: FeatureCollection<object> = { type: 'FeatureCollection', features: [] };

export function MapView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const basemapChecked = useAppStore((s) => s.basemapChecked);
  const layers = useAppStore((s) => s.layers);
  const visibility = useAppStore((s) => s.visibility);
  const selection = useAppStore((s) => s.selection);
  const openedSeq = useAppStore((s) => s.openedSeq);
  const coverage = useAppStore(selectShownCoverage);
  const group = useAppStore((s) => s.analysisGroup);
  const whatIf = useAppStore((s) => s.whatIf);
  const decisions = useAppStore((s) => s.decisions);
  const proposalsView = useAppStore((s) => s.proposalsView);

  // Create the map once the basemap answer is in (it decides the style's sources).
  useEffect(() => {
    if (!basemapChecked || !containerRef.current) return;
    const s = useAppStore.getState();
    let tileErrorShown = false;
    const c = new MapController(containerRef.current, {
      api,
      basemap: s.basemap,
      locale: s.locale,
      callbacks: {
        onHover: (hover) => useAppStore.getState().setHover(hover),
        onClick: (ref, at) => {
          const st = useAppStore.getState();
          // What-if: a click on a blank village offers to add a clinic there (instead of the detail
          // pane, which would narrow the map under the offer).
          const shown = selectShownCoverage(st);
          const village = ref?.layer === 'villages' ? findFeature(st.layers, 'villages', ref.id) : null;
          const blank = village && st.whatIf.active ? shown?.villages.find((v) => v.code === village.properties.code)?.blank : false;
          st.setAddClinicPrompt(village && blank ? { villageCode: village.properties.code, x: at.x, y: at.y } : null);
          if (!(village && blank)) st.select(ref);
        },
        onFacilityDrag: (id, lngLat) => dragFacility(id, lngLat),
        onCursor: (cursor) => useAppStore.getState().setCursor(cursor),
        onZoom: (zoom) => useAppStore.getState().setZoom(zoom),
        onError: (e) => {
          // One banner for a failing basemap, not one per tile.
          if (!tileErrorShown) reportError(e);
          tileErrorShown = true;
        },
      },
    });
    setMapController(c);
    setController(c);
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(containerRef.current);
    return () => {
      observer.disconnect();
      setMapController(null);
      setController(null);
      c.destroy();
    };
  }, [basemapChecked]);

  // The active scenario's facilities (its added, moved, closed and upgraded ones), else the project's.
  const scenarioPayload = useAppStore((s) => selectActiveScenario(s)?.payload ?? null);
  const facilities = useMemo(() => facilitiesOfScenario(layers.facilities, scenarioPayload), [layers.facilities, scenarioPayload]);

  // Derived map data: blank villages flagged for the red ring, township label points.
  const mapData = useMemo<ProjectMapData | null>(() => {
    if (!layers.villages && !facilities && !layers.townships) return null;
    const villages = layers.villages ?? { type: 'FeatureCollection', features: [] };
    const blank = blankVillageCodes(villages.features, facilities?.features ?? []);
    return {
      townships: layers.townships ?? EMPTY,
      townshipLabels: layers.townships ? townshipLabelPoints(layers.townships) : EMPTY,
      village_areas: layers.village_areas ?? EMPTY,
      roads: layers.roads ?? EMPTY,
      villages: annotateBlankVillages(villages, blank),
      facilities: facilities ?? EMPTY,
    };
  }, [layers, facilities]);

  useEffect(() => {
    if (controller && mapData) controller.setProjectData(mapData);
  }, [controller, mapData]);

  // The coverage result on screen: village dots by minutes to the chosen group, and its bands.
  const limitsKey = coverage ? bandLimitsOf(coverage).join(',') : '';
  const coverageVillages = useMemo(
    () => (coverage ? coverageFeatures(coverage, layers.villages, group, bandLimitsOf(coverage)) : EMPTY),
    [coverage, layers.villages, group],
  );
  // Keyed on the band arrays: a what-if edit that leaves this group's bands alone redraws nothing.
  const groupBands = coverage?.isochrones[group];
  const isochrones = useMemo(
    () => (groupBands ? isochroneFeatures(groupBands, group, limitsKey.split(',').map(Number)) : EMPTY),
    [groupBands, group, limitsKey],
  );

  useEffect(() => {
    controller?.setCoverage(coverageVillages, isochrones);
  }, [controller, coverageVillages, isochrones]);

  // The proposals map: villages by effective mode (proposal + decision), merges, THC tiers.
  const planning = useAppStore(selectPlanning);
  const planningData = useMemo(() => {
    if (!planning) return EMPTY_PLANNING_MAP;
    return planningMapData(effectivePlans(planning, decisions), planning.merges, planning.thcs, layers);
  }, [planning, decisions, layers]);

  useEffect(() => {
    controller?.setPlanning(planningData, proposalsView && planning !== null);
  }, [controller, planningData, proposalsView, planning]);

  // Tour routes of the depot shown in the tours tab (hand edits included), only while that tab is shown.
  const weekPlan = useAppStore(selectShownWeekPlan);
  const tourHighlight = useAppStore((s) => s.tourHighlight);
  const toursTabShown = useAppStore((s) => s.analysisDockOpen && s.dockTab === 'tours' && s.tourView === 'week') && coverage !== null;
  const tourData = useMemo(() => (weekPlan ? tourMapData(weekPlan, tourHighlight) : EMPTY_TOUR_MAP), [weekPlan, tourHighlight]);
  useEffect(() => {
    controller?.setTours(tourData, toursTabShown && weekPlan !== null);
  }, [controller, tourData, toursTabShown, weekPlan]);
  // A newly chosen depot: bring its routes into view.
  const tourDepot = weekPlan?.thcCode ?? null;
  useEffect(() => {
    if (!controller || !toursTabShown || !tourDepot) return;
    const plan = selectShownWeekPlan(useAppStore.getState());
    // The depot and every venue it tours (planned or not).
    const pts = plan?.points ?? [];
    if (pts.length === 0) return;
    if (pts.length === 1) {
      controller.flyTo(pts[0].location as [number, number], 11);
      return;
    }
    const xs = pts.map((p) => p.location[0]);
    const ys = pts.map((p) => p.location[1]);
    controller.fitTo([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], legendInset());
  }, [controller, toursTabShown, tourDepot]);

  // What-if: facilities where the scenario has them (set after the project data, which resets them).
  const facilitiesShown = useMemo(() => {
    const changed = Object.keys(whatIf.moved).length > 0 || whatIf.added.length > 0;
    if (!whatIf.active || !changed) return facilities ?? EMPTY;
    const villageName = (code: string) => layers.villages?.features.find((f) => f.properties.code === code)?.properties.name ?? code;
    const locale = useAppStore.getState().locale;
    return facilitiesWithWhatIf(facilities, whatIf.moved, whatIf.added, (code) =>
      translate(locale, 'analysis.whatIf.addedClinicName', { village: villageName(code) }),
    );
  }, [whatIf.active, whatIf.moved, whatIf.added, facilities, layers.villages]);

  useEffect(() => {
    if (controller && mapData) controller.setFacilities(facilitiesShown as FeatureCollection<object>);
  }, [controller, mapData, facilitiesShown]);

  useEffect(() => {
    controller?.setWhatIfDrag(whatIf.active);
  }, [controller, whatIf.active]);

  useEffect(() => {
    controller?.setVisibility(visibility);
  }, [controller, visibility]);

  useEffect(() => {
    if (!controller) return;
    const feature = selection ? findFeature(layers, selection.layer, selection.id) : null;
    controller.setSelection(feature as Feature<object> | null);
  }, [controller, selection, layers]);

  // Each time a project is opened: drop the previous one's features and fit to the new bounds.
  useEffect(() => {
    if (!controller || openedSeq === 0) return;
    const s = useAppStore.getState();
    if (!s.layers.villages && !s.layers.facilities && !s.layers.townships) controller.clearProjectData();
    controller.fitTo(s.summary?.bounds ?? null, legendInset());
  }, [controller, openedSeq]);

  return <div ref={containerRef} className="map-container" data-testid="map" />;
}
