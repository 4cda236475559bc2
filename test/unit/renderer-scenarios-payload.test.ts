/** Scenario payload editing (renderer/src/panels/scenarios/payload.ts): tidy edits, what-if → edits. */
import { describe, expect, it } from 'vitest';
import { applyScenario, EMPTY_SCENARIO_PAYLOAD, type ScenarioPayload } from '../../electron/domain/planning.js';
import type { Facility, Posting } from '../../electron/domain/types.js';
import {
  addFacility,
  closeFacility,
  editLines,
  hasQualifiedClinic,
  isClosed,
  isPostingRemoved,
  moveFacility,
  removeFacilityEdit,
  removePosting,
  removePostingEdit,
  scenarioClinicCode,
  updatePosting,
  upgradeFacility,
  villageClinic,
  whatIfToPayload,
} from '../../renderer/src/panels/scenarios/payload.js';

const facility = (id: number, code: string, extra: Partial<Facility> = {}): Facility => ({
  id,
  code,
  name: `机构${code}`,
  level: 'township_hc',
  townshipCode: '431299202',
  villageCode: null,
  capability: 'below_basic',
  isCentralThc: false,
  isPlannedSubCenter: false,
  beds: 10,
  physicians: 3,
  assistantPhysicians: 0,
  villageDoctors: 0,
  tcmPhysicians: 0,
  nurses: 2,
  publicHealthPhysicians: 0,
  location: [112, 28],
  ...extra,
});
const posting = (id: number, extra: Partial<Posting> = {}): Posting => ({
  id,
  person: `人员${id}`,
  titleLevel: 'intermediate',
  profession: '内科',
  fromInstitution: 'CH-1',
  toInstitution: 'THC-1',
  toVillage: null,
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  release: 'full',
  daysPerWeek: 5,
  ...extra,
});
const village = { code: '431299202213', name: '龙岗村', townshipCode: '431299202' };
const empty: ScenarioPayload = EMPTY_SCENARIO_PAYLOAD;

describe('scenario payload editing', () => {
  it('never mutates the payload it is given', () => {
    const before = JSON.stringify(empty);
    moveFacility(empty, 'THC-1', [1, 2]);
    closeFacility(empty, 'THC-1');
    removePosting(empty, 3);
    expect(JSON.stringify(empty)).toBe(before);
  });

  it('keeps one move per facility (the latest position)', () => {
    let p = moveFacility(empty, 'THC-1', [1, 2]);
    p = moveFacility(p, 'THC-1', [3, 4]);
    expect(p.facilityEdits).toEqual([{ op: 'move', code: 'THC-1', location: [3, 4] }]);
  });

  it('merges upgrades of the same facility and ignores an empty patch', () => {
    let p = upgradeFacility(empty, 'THC-1', { capability: 'basic' });
    p = upgradeFacility(p, 'THC-1', { isPlannedSubCenter: true });
    p = upgradeFacility(p, 'THC-1', { capability: 'recommended', physicians: undefined });
    expect(p.facilityEdits).toEqual([{ op: 'upgrade', code: 'THC-1', capability: 'recommended', isPlannedSubCenter: true }]);
    expect(upgradeFacility(empty, 'THC-1', {}).facilityEdits).toEqual([]);
  });

  it('closing a project facility replaces its other edits with one close', () => {
    let p = moveFacility(empty, 'THC-1', [1, 2]);
    p = upgradeFacility(p, 'THC-1', { capability: 'basic' });
    p = moveFacility(p, 'THC-2', [5, 6]);
    p = closeFacility(p, 'THC-1');
    expect(p.facilityEdits).toEqual([{ op: 'move', code: 'THC-2', location: [5, 6] }, { op: 'close', code: 'THC-1' }]);
    expect(isClosed(p, 'THC-1')).toBe(true);
    expect(isClosed(p, 'THC-2')).toBe(false);
    expect(closeFacility(p, 'THC-1').facilityEdits.filter((e) => e.op === 'close')).toHaveLength(1);
  });

  it('folds edits of a facility the scenario added into its add; closing it drops it', () => {
    const clinic = villageClinic(village, [112.5, 28.5], '龙岗村卫生室');
    let p = addFacility(empty, clinic);
    p = moveFacility(p, clinic.code, [112.6, 28.6]);
    p = upgradeFacility(p, clinic.code, { villageDoctors: 2 });
    expect(p.facilityEdits).toHaveLength(1);
    expect(p.facilityEdits[0]).toMatchObject({ op: 'add', facility: { code: 'SC-431299202213', location: [112.6, 28.6], villageDoctors: 2 } });
    expect(closeFacility(p, clinic.code).facilityEdits).toEqual([]);
  });

  it('an add of the same code replaces the earlier add', () => {
    const p = addFacility(addFacility(empty, villageClinic(village, [1, 1], '龙岗村卫生室')), villageClinic(village, [2, 2], '龙岗村卫生室'));
    expect(p.facilityEdits).toHaveLength(1);
    expect(p.facilityEdits[0]).toMatchObject({ facility: { location: [2, 2] } });
  });

  it('removes an edit by its index', () => {
    const p = moveFacility(closeFacility(empty, 'A'), 'B', [1, 1]);
    expect(removeFacilityEdit(p, 0).facilityEdits).toEqual([{ op: 'move', code: 'B', location: [1, 1] }]);
  });

  it('posting edits: one update per posting (merged), remove drops its updates', () => {
    let p = updatePosting(empty, 7, { release: 'half' });
    p = updatePosting(p, 7, { daysPerWeek: 3 });
    p = updatePosting(p, 8, { startDate: '2026-02-01' });
    expect(p.postingEdits).toEqual([
      { op: 'update', id: 7, patch: { release: 'half', daysPerWeek: 3 } },
      { op: 'update', id: 8, patch: { startDate: '2026-02-01' } },
    ]);
    p = removePosting(p, 7);
    expect(p.postingEdits).toEqual([{ op: 'update', id: 8, patch: { startDate: '2026-02-01' } }, { op: 'remove', id: 7 }]);
    expect(isPostingRemoved(p, 7)).toBe(true);
    expect(removePostingEdit(p, 1).postingEdits).toEqual([{ op: 'update', id: 8, patch: { startDate: '2026-02-01' } }]);
  });

  it('posting edits apply as the planner meant (applyScenario)', () => {
    const p = removePosting(updatePosting(empty, 2, { release: 'half', daysPerWeek: 3 }), 1);
    const out = applyScenario([], [posting(1), posting(2), posting(3)], p);
    expect(out.problems).toEqual([]);
    expect(out.postings.map((x) => [x.id, x.release, x.daysPerWeek])).toEqual([
      [2, 'half', 3],
      [3, 'full', 5],
    ]);
  });
});

describe('new village clinics (V6)', () => {
  it('is a village clinic with one village doctor at the village, code SC-<village code>', () => {
    const c = villageClinic(village, [112.5, 28.5], '龙岗村卫生室');
    expect(c).toMatchObject({ code: 'SC-431299202213', name: '龙岗村卫生室', level: 'village_clinic', villageCode: '431299202213', townshipCode: '431299202', villageDoctors: 1, physicians: 0, location: [112.5, 28.5] });
    expect(scenarioClinicCode('431299202213')).toBe('SC-431299202213');
  });

  it('makes a blank village non-blank once applied', () => {
    const facilities = [facility(1, 'THC-1'), facility(2, 'VC-1', { level: 'village_clinic', villageCode: '431299202213', physicians: 0, villageDoctors: 0 })];
    expect(hasQualifiedClinic('431299202213', facilities)).toBe(false); // a clinic without a qualified doctor: blank
    const p = addFacility(empty, villageClinic(village, [1, 1], '龙岗村卫生室'));
    expect(hasQualifiedClinic('431299202213', applyScenario(facilities, [], p).facilities)).toBe(true);
  });
});

describe('what-if → scenario edits', () => {
  it('turns moves (by facility id) and added clinics into facility edits', () => {
    const facilities = [facility(1, 'THC-1'), facility(2, 'CH-1', { level: 'county_hospital' })];
    const r = whatIfToPayload(empty, { moved: { 2: [112.1, 28.1] }, added: [{ villageCode: village.code, location: [112.5, 28.5] }] }, facilities, [village], (v) => `${v.name}卫生室`);
    expect(r).toMatchObject({ moved: 1, added: 1, skipped: 0 });
    expect(r.payload.facilityEdits[0]).toEqual({ op: 'move', code: 'CH-1', location: [112.1, 28.1] });
    expect(r.payload.facilityEdits[1]).toMatchObject({ op: 'add', facility: { code: 'SC-431299202213', villageDoctors: 1 } });
  });

  it('moves a clinic the scenario added (its id from applyScenario) inside its add edit', () => {
    const base = [facility(1, 'THC-1')];
    const p = addFacility(empty, villageClinic(village, [1, 1], '龙岗村卫生室'));
    const applied = applyScenario(base, [], p).facilities; // the added clinic gets id 2
    const r = whatIfToPayload(p, { moved: { 2: [3, 3] }, added: [] }, applied, [village], (v) => `${v.name}卫生室`);
    expect(r.payload.facilityEdits).toHaveLength(1);
    expect(r.payload.facilityEdits[0]).toMatchObject({ op: 'add', facility: { location: [3, 3] } });
  });

  it('skips unknown facility ids and villages', () => {
    const r = whatIfToPayload(empty, { moved: { 99: [1, 1] }, added: [{ villageCode: '000000000000', location: [1, 1] }] }, [facility(1, 'A')], [village], (v) => `${v.name}卫生室`);
    expect(r).toMatchObject({ moved: 0, added: 0, skipped: 2 });
    expect(r.payload.facilityEdits).toEqual([]);
  });
});

describe('edit list lines', () => {
  it('names the facility and posting of each edit, falling back to the code / id', () => {
    let p = addFacility(empty, villageClinic(village, [1, 1], '龙岗村卫生室'));
    p = closeFacility(p, 'THC-1');
    p = upgradeFacility(p, 'THC-9', { capability: 'basic' });
    p = removePosting(p, 4);
    p = updatePosting(p, 5, { daysPerWeek: 3 });
    const lines = editLines(p, (c) => (c === 'THC-1' ? '城关镇卫生院' : null), (id) => (id === 4 ? '张三' : null));
    expect(lines.map((l) => [l.kind, l.index, l.key, l.params.name ?? l.params.person])).toEqual([
      ['facility', 0, 'edits.add', '龙岗村卫生室'],
      ['facility', 1, 'edits.close', '城关镇卫生院'],
      ['facility', 2, 'edits.upgrade', 'THC-9'],
      ['posting', 0, 'edits.postingRemove', '张三'],
      ['posting', 1, 'edits.postingUpdate', '#5'],
    ]);
  });
});
