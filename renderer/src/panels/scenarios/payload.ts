/**
 * Editing a scenario's payload (its facility and posting edits), pure. Each helper returns a new
 * payload and keeps it tidy: one move / one upgrade / one close per facility, edits of a facility
 * the scenario itself added folded into that add, one update per posting; removing an edit is by
 * its index in the list the scenario panel shows.
 */
import type { FacilityEdit, PostingEdit, ScenarioPayload } from '../../../../electron/domain/planning.js';
import { clinicQualification, proposedVillageClinic, type Facility, type LngLat, type Posting, type Village } from '../../../../electron/domain/types.js';

type UpgradeEdit = Extract<FacilityEdit, { op: 'upgrade' }>;
export type UpgradePatch = Omit<UpgradeEdit, 'op' | 'code'>;
type PostingPatch = Extract<PostingEdit, { op: 'update' }>['patch'];

const clone = (p: ScenarioPayload): ScenarioPayload => ({ version: 1, facilityEdits: p.facilityEdits.slice(), postingEdits: p.postingEdits.slice() });

/** Index of the 'add' edit that created facility `code` in this scenario, or -1. */
export function addedFacilityIndex(payload: ScenarioPayload, code: string): number {
  return payload.facilityEdits.findIndex((e) => e.op === 'add' && e.facility.code === code);
}

/** Code of the facility an edit is about. */
export function facilityEditCode(e: FacilityEdit): string {
  return e.op === 'add' ? e.facility.code : e.code;
}

/** Adds a facility (an add of the same code replaces the earlier one). */
export function addFacility(payload: ScenarioPayload, facility: Omit<Facility, 'id'>): ScenarioPayload {
  const next = clone(payload);
  const i = addedFacilityIndex(next, facility.code);
  const edit: FacilityEdit = { op: 'add', facility: { ...facility, location: [facility.location[0], facility.location[1]] } };
  if (i >= 0) next.facilityEdits[i] = edit;
  else next.facilityEdits.push(edit);
  return next;
}

/** Moves a facility: a facility the scenario added moves inside its add; else one move edit per code. */
export function moveFacility(payload: ScenarioPayload, code: string, location: LngLat): ScenarioPayload {
  const next = clone(payload);
  const loc: LngLat = [location[0], location[1]];
  const added = addedFacilityIndex(next, code);
  if (added >= 0) {
    const e = next.facilityEdits[added] as Extract<FacilityEdit, { op: 'add' }>;
    next.facilityEdits[added] = { op: 'add', facility: { ...e.facility, location: loc } };
    return next;
  }
  const i = next.facilityEdits.findIndex((e) => e.op === 'move' && e.code === code);
  if (i >= 0) next.facilityEdits[i] = { op: 'move', code, location: loc };
  else next.facilityEdits.push({ op: 'move', code, location: loc });
  return next;
}

/**
 * Closes a facility in the scenario. A facility the scenario added is simply dropped (with its
 * edits); a project facility loses its move / upgrade edits and gets one close.
 */
export function closeFacility(payload: ScenarioPayload, code: string): ScenarioPayload {
  const next = clone(payload);
  if (addedFacilityIndex(next, code) >= 0) {
    next.facilityEdits = next.facilityEdits.filter((e) => facilityEditCode(e) !== code);
    return next;
  }
  next.facilityEdits = next.facilityEdits.filter((e) => facilityEditCode(e) !== code);
  next.facilityEdits.push({ op: 'close', code });
  return next;
}

/** Upgrades a facility: merged into an earlier upgrade of it, or into its add when the scenario added it. */
export function upgradeFacility(payload: ScenarioPayload, code: string, patch: UpgradePatch): ScenarioPayload {
  const next = clone(payload);
  const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as UpgradePatch;
  if (Object.keys(clean).length === 0) return next;
  const added = addedFacilityIndex(next, code);
  if (added >= 0) {
    const e = next.facilityEdits[added] as Extract<FacilityEdit, { op: 'add' }>;
    next.facilityEdits[added] = { op: 'add', facility: { ...e.facility, ...clean } };
    return next;
  }
  const i = next.facilityEdits.findIndex((e) => e.op === 'upgrade' && e.code === code);
  if (i >= 0) next.facilityEdits[i] = { ...(next.facilityEdits[i] as UpgradeEdit), ...clean };
  else next.facilityEdits.push({ op: 'upgrade', code, ...clean });
  return next;
}

export function removeFacilityEdit(payload: ScenarioPayload, index: number): ScenarioPayload {
  const next = clone(payload);
  next.facilityEdits.splice(index, 1);
  return next;
}

/** Whether the scenario closes facility `code`. */
export function isClosed(payload: ScenarioPayload, code: string): boolean {
  return payload.facilityEdits.some((e) => e.op === 'close' && e.code === code);
}

/** Removes a posting from the roster in the scenario (its earlier updates go). */
export function removePosting(payload: ScenarioPayload, id: number): ScenarioPayload {
  const next = clone(payload);
  next.postingEdits = next.postingEdits.filter((e) => e.op === 'add' || e.id !== id);
  next.postingEdits.push({ op: 'remove', id });
  return next;
}

/** Changes a posting: merged into an earlier update of the same posting. */
export function updatePosting(payload: ScenarioPayload, id: number, patch: PostingPatch): ScenarioPayload {
  const next = clone(payload);
  const i = next.postingEdits.findIndex((e) => e.op === 'update' && e.id === id);
  if (i >= 0) {
    const e = next.postingEdits[i] as Extract<PostingEdit, { op: 'update' }>;
    next.postingEdits[i] = { op: 'update', id, patch: { ...e.patch, ...patch } };
  } else next.postingEdits.push({ op: 'update', id, patch: { ...patch } });
  return next;
}

export function removePostingEdit(payload: ScenarioPayload, index: number): ScenarioPayload {
  const next = clone(payload);
  next.postingEdits.splice(index, 1);
  return next;
}

/** Whether the scenario removes posting `id`. */
export function isPostingRemoved(payload: ScenarioPayload, id: number): boolean {
  return payload.postingEdits.some((e) => e.op === 'remove' && e.id === id);
}

// ---- new village clinics ---------------------------------------------------------------------

/** Code of the clinic a scenario adds in a village: `SC-<villageCode>`. */
export const scenarioClinicCode = (villageCode: string): string => `SC-${villageCode}`;

/**
 * A village clinic staffed by one village doctor at the village's location (V6: one village, one
 * clinic). `name` is the clinic's name in the user's language (scenariosUi.facility.clinicName).
 */
export function villageClinic(village: Pick<Village, 'code' | 'townshipCode'>, location: LngLat, name: string): Omit<Facility, 'id'> {
  const { id: _id, ...clinic } = proposedVillageClinic(0, scenarioClinicCode(village.code), name, village.code, location);
  return { ...clinic, townshipCode: village.townshipCode || clinic.townshipCode };
}

/** Whether a village has a clinic with a qualified doctor among `facilities` (else it is a blank village). */
export function hasQualifiedClinic(villageCode: string, facilities: readonly Facility[]): boolean {
  return facilities.some((f) => f.level === 'village_clinic' && f.villageCode === villageCode && clinicQualification(f) !== 'none');
}

// ---- what-if → scenario ---------------------------------------------------------------------

export interface WhatIfChanges {
  /** Facility id (as in the analysed facility list) → dragged position. */
  moved: Record<number, LngLat>;
  added: { villageCode: string; location: LngLat }[];
}

/**
 * Turns the what-if moves and added clinics into facility edits. `facilities` is the list the
 * what-if session ran on (the scenario's facilities: ids of added ones included); `villages`
 * names the villages of added clinics. Moves of unknown ids and clinics in unknown villages are
 * returned in `skipped`.
 */
export function whatIfToPayload(
  payload: ScenarioPayload,
  changes: WhatIfChanges,
  facilities: readonly Pick<Facility, 'id' | 'code'>[],
  villages: readonly Pick<Village, 'code' | 'name' | 'townshipCode'>[],
  clinicName: (village: Pick<Village, 'name'>) => string,
): { payload: ScenarioPayload; moved: number; added: number; skipped: number } {
  let next = clone(payload);
  const byId = new Map(facilities.map((f) => [f.id, f.code] as const));
  const byCode = new Map(villages.map((v) => [v.code, v] as const));
  let moved = 0;
  let added = 0;
  let skipped = 0;
  for (const [id, location] of Object.entries(changes.moved)) {
    const code = byId.get(Number(id));
    if (code === undefined) {
      skipped++;
      continue;
    }
    next = moveFacility(next, code, location);
    moved++;
  }
  for (const a of changes.added) {
    const v = byCode.get(a.villageCode);
    if (!v) {
      skipped++;
      continue;
    }
    next = addFacility(next, villageClinic(v, a.location, clinicName(v)));
    added++;
  }
  return { payload: next, moved, added, skipped };
}

// ---- describing edits ------------------------------------------------------------------------

export interface EditLine {
  kind: 'facility' | 'posting';
  /** Index in payload.facilityEdits or payload.postingEdits. */
  index: number;
  /** i18n key under scenariosUi.edits. */
  key: string;
  params: Record<string, string | number>;
}

/**
 * The lines of the scenario panel's edit list. `facilityName` / `postingPerson` look names up in
 * the project (falling back to the code / id).
 */
export function editLines(
  payload: ScenarioPayload,
  facilityName: (code: string) => string | null,
  postingPerson: (id: number) => string | null,
): EditLine[] {
  const lines: EditLine[] = [];
  payload.facilityEdits.forEach((e, index) => {
    const code = facilityEditCode(e);
    const name = e.op === 'add' ? e.facility.name : (facilityName(code) ?? code);
    if (e.op === 'add') lines.push({ kind: 'facility', index, key: 'edits.add', params: { name, code } });
    else if (e.op === 'move') lines.push({ kind: 'facility', index, key: 'edits.move', params: { name, code } });
    else if (e.op === 'close') lines.push({ kind: 'facility', index, key: 'edits.close', params: { name, code } });
    else lines.push({ kind: 'facility', index, key: 'edits.upgrade', params: { name, code } });
  });
  payload.postingEdits.forEach((e, index) => {
    if (e.op === 'add') lines.push({ kind: 'posting', index, key: 'edits.postingAdd', params: { person: e.posting.person } });
    else {
      const person = postingPerson(e.id) ?? `#${e.id}`;
      lines.push({ kind: 'posting', index, key: e.op === 'remove' ? 'edits.postingRemove' : 'edits.postingUpdate', params: { person, id: e.id } });
    }
  });
  return lines;
}

/** The upgrade's changes as [field, value] pairs (for the edit line's detail). */
export function upgradeFields(e: FacilityEdit): [keyof UpgradePatch, string | number | boolean][] {
  if (e.op !== 'upgrade') return [];
  const out: [keyof UpgradePatch, string | number | boolean][] = [];
  for (const k of ['capability', 'isPlannedSubCenter', 'physicians', 'assistantPhysicians', 'villageDoctors', 'publicHealthPhysicians'] as const) {
    const v = e[k];
    if (v !== undefined) out.push([k, v]);
  }
  return out;
}

/** The posting update's changes as [field, value] pairs. */
export function postingPatchFields(e: PostingEdit): [keyof Posting, string | number | null][] {
  if (e.op !== 'update') return [];
  return Object.entries(e.patch).filter(([, v]) => v !== undefined) as [keyof Posting, string | number | null][];
}
