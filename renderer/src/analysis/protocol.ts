/**
 * Messages between the renderer and the analysis worker (worker.ts). Plain data only: they cross
 * the worker boundary by structured clone.
 */
import type { CoverageDocument } from '../../../electron/api/schema.js';
import type { Road } from '../../../electron/domain/types.js';
import type { AnalysisInput } from '../../../electron/engine/analysis.js';
import type { TourPlanningInput } from '../../../electron/engine/tours/index.js';
import type { TourPlanDocument } from '../../../electron/domain/tours.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';

/** AnalysisInput with the roads as domain records; the worker converts them (roadInputsFromLayer). */
export type AnalysisRequestInput = Omit<AnalysisInput, 'roads'> & { roads: Road[] };

export type LngLatPair = [number, number];

/** What-if operations on the session kept in the worker. */
export type SessionOp =
  | { kind: 'open'; input: AnalysisRequestInput }
  | { kind: 'move'; facilityId: number; location: LngLatPair }
  | { kind: 'add'; villageCode: string; location: LngLatPair }
  | { kind: 'reset' };

/** Tour planning input with the analysis input as the renderer holds it (roads as domain records). */
export type TourRequestInput = Omit<TourPlanningInput, 'analysis'> & { analysis: AnalysisRequestInput };

export type WorkerRequest =
  | { type: 'run'; id: number; input: AnalysisRequestInput }
  | { type: 'tours'; id: number; input: TourRequestInput }
  | { type: 'cancel'; id: number }
  | { type: 'session'; id: number; op: SessionOp }
  | { type: 'closeSession' };

export type WorkerResponse =
  | { type: 'progress'; id: number; fraction: number; stage: string }
  /**
   * `ms`: time the worker spent on the request. `sameIsochrones`: groups whose bands did not change
   * since the previous session answer; they are left out of `document.isochrones` (the largest
   * part of a result) and the client reuses the ones it already has.
   */
  | { type: 'result'; id: number; document: CoverageDocument; ms: number; sameIsochrones?: FacilityGroup[] }
  | { type: 'tours'; id: number; plan: TourPlanDocument; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string; code?: 'NO_SESSION' };
