/**
 * Planning API on real GeoPackage files (copies of the demo county): decisions, rule values,
 * scenarios, comparison, undo, and the 4 → 5 migration. The shipped demo file is never written.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/src/i18n/index.js';
import { DEMO_SCENARIO, demoScenarioPayload } from '../../electron/service/demo-project.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { SCHEMA_VERSION, migrate, setMeta } from '../../electron/store/schema.js';
import type { PlannerService } from '../../electron/service/service.js';
import { call, callError, demoCopy, open } from '../helpers/api-service.js';
import { sha256, tempDir, tinyProject } from '../helpers/fixtures.js';

const LONGGANG = '431299202213';

/** Two villages of the demo county (by code) for decisions. */
async function someVillages(s: PlannerService): Promise<string[]> {
  const layer = await call(s, 'getLayer', { layer: 'villages' });
  return layer.features.slice(0, 3).map((f) => (f.properties as { code: string }).code);
}

describe('planning API: decisions', () => {
  it('keeps accept, reject and override decisions across close and reopen', async () => {
    const file = demoCopy();
    let s = await open(file);
    const [v1, v2, v3] = await someVillages(s);
    await call(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'accept', proposedMode: 'covered' });
    const over = await call(s, 'setDecision', { scenarioId: 0, villageCode: v2, action: 'override', mode: 'tour', reason: '村民要求每周巡诊', proposedMode: 'covered' });
    expect(over).toMatchObject({ action: 'override', mode: 'tour', visitsPerWeek: 2, postingDaysPerWeek: null, reason: '村民要求每周巡诊' });
    await call(s, 'setDecision', { scenarioId: 0, villageCode: v3, action: 'reject', reason: '村卫生室已在建' });
    // A second decision on the same village replaces the first.
    await call(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'override', mode: 'posting', postingDaysPerWeek: 6, reason: '人口多' });
    s.close();

    s = await open(file);
    const decisions = await call(s, 'getDecisions', { scenarioId: 0 });
    expect(decisions.map((d) => [d.villageCode, d.action, d.mode])).toEqual([
      [v1, 'override', 'posting'],
      [v2, 'override', 'tour'],
      [v3, 'reject', null],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(decisions.find((d) => d.villageCode === v1)!.postingDaysPerWeek).toBe(6);
    await call(s, 'clearDecision', { scenarioId: 0, villageCode: v3 });
    expect((await call(s, 'getDecisions', { scenarioId: 0 })).map((d) => d.villageCode)).not.toContain(v3);
  });

  it('refuses an override without a reason or a mode, and an unknown village, writing nothing', async () => {
    const file = demoCopy();
    const s = await open(file);
    const [v1] = await someVillages(s);
    const noReason = await callError(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'override', mode: 'tour' });
    expect(noReason.code).toBe('DECISION_INVALID');
    expect(translate('zh-CN', `errors.${noReason.code}`, noReason.params)).toMatch(/^.+村（\d{12}）的处理意见无效：调整须填写理由$/);
    const blankReason = await callError(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'override', mode: 'tour', reason: '   ' });
    expect(blankReason.code).toBe('DECISION_INVALID');
    expect((await callError(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'override', reason: '理由' })).code).toBe('DECISION_INVALID');
    expect((await callError(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'reject' })).code).toBe('DECISION_INVALID');
    expect((await callError(s, 'setDecision', { scenarioId: 0, villageCode: '431299999999', action: 'accept' })).code).toBe('DECISION_INVALID');
    const floor = await callError(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'override', mode: 'tour', visitsPerWeek: 0.5, reason: '人手少' });
    expect(translate('zh-CN', `errors.${floor.code}`, floor.params)).toContain('低于下限每周 1 次 [V2]');
    expect((await callError(s, 'setDecision', { scenarioId: 7, villageCode: v1, action: 'accept' })).code).toBe('SCENARIO_NOT_FOUND');
    expect((await callError(s, 'setDecision', { scenarioId: 0, villageCode: '12', action: 'accept' })).code).toBe('INVALID_ARGUMENT');
    expect(await call(s, 'getDecisions', { scenarioId: 0 })).toEqual([]);
    expect(await call(s, 'getHistory', {})).toEqual([]);
  });

  it('undoes and redoes decisions and rule values (Ctrl+Z)', async () => {
    const s = await open(demoCopy());
    const [v1] = await someVillages(s);
    await call(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'override', mode: 'tour', reason: '试' });
    await call(s, 'setRuleValues', { values: { 'V1.tour_visits_per_week': 3 } });
    const history = await call(s, 'getHistory', {});
    expect(history.map((h) => h.kind)).toEqual(['edit', 'edit']);
    expect(history[0].label).toContain('修改规则参数');
    expect(history[0].counts).toEqual({ settings: 1 });
    expect(history[1].counts).toEqual({ decisions: 1 });

    await call(s, 'undo', {});
    expect((await call(s, 'getSettings', {})).find((r) => r.id === 'V1.tour_visits_per_week')!.value).toBe(2);
    await call(s, 'undo', {});
    expect(await call(s, 'getDecisions', { scenarioId: 0 })).toEqual([]);
    await call(s, 'redo', {});
    expect((await call(s, 'getDecisions', { scenarioId: 0 })).map((d) => d.villageCode)).toEqual([v1]);
    await call(s, 'redo', {});
    expect((await call(s, 'getSettings', {})).find((r) => r.id === 'V1.tour_visits_per_week')!.value).toBe(3);
  });
});

describe('planning API: rule values', () => {
  it('changes nothing when one of the values is out of range (file bytes unchanged)', async () => {
    const file = demoCopy();
    (await open(file)).close(); // settle the copy (WAL) before hashing
    const before = sha256(file);
    const s = await open(file);
    const err = await callError(s, 'setRuleValues', { values: { 'V1.tour_visits_per_week': 3, 'V2.tour_floor_per_week': 0 } });
    expect(err.code).toBe('RULE_VALUE_INVALID');
    expect(err.params).toMatchObject({ id: 'V2.tour_floor_per_week', value: '0', kind: 'below_min', min: 1 });
    const text = translate('zh-CN', `errors.${err.code}`, err.params);
    expect(text).toContain('不能小于 1');
    expect(text).not.toContain('{');
    const wrongType = await callError(s, 'setRuleValues', { values: { 'V1.tour_visits_per_week': 'two' } });
    expect(wrongType.params).toMatchObject({ kind: 'wrong_type', detail: '应为数字' });
    expect((await callError(s, 'setRuleValues', { values: { 'Z.nope': 1 } })).params).toMatchObject({ kind: 'unknown_rule' });
    expect((await call(s, 'getSettings', {})).find((r) => r.id === 'V1.tour_visits_per_week')!.value).toBe(2);
    s.close();
    expect(sha256(file)).toBe(before);
  });

  it('refuses values that break the order of a pair (RULE_ORDER), naming both rules', async () => {
    const s = await open(demoCopy());
    const settings = await call(s, 'getSettings', {});
    const large = settings.find((r) => r.id === 'X.large_village_population')!.value as number;
    const err = await callError(s, 'setRuleValues', { values: { 'X.small_village_population': large } });
    expect(err.code).toBe('RULE_ORDER');
    expect(err.params).toMatchObject({ lowerId: 'X.small_village_population', upperId: 'X.large_village_population' });
    expect(typeof err.params.lower).toBe('string');
    expect(translate('zh-CN', 'errors.RULE_ORDER', err.params)).not.toContain('{');
    // Both moved together in one call keeps the order: accepted.
    const list = await call(s, 'setRuleValues', { values: { 'X.small_village_population': large, 'X.large_village_population': large + 500 } });
    expect(list.find((r) => r.id === 'X.small_village_population')!.value).toBe(large);
    const reset = await call(s, 'resetRules', { ids: ['X.small_village_population', 'X.large_village_population'] });
    expect(reset.find((r) => r.id === 'X.large_village_population')!.value).toBe(large);
    // A partial reset that would break the order is refused too.
    await call(s, 'setRuleValues', { values: { 'X.small_village_population': 100, 'X.large_village_population': 200 } });
    expect((await callError(s, 'resetRules', { ids: ['X.small_village_population'] })).code).toBe('RULE_ORDER');
    const all = await call(s, 'resetRules', {});
    expect(all.every((r) => r.value === r.defaultValue)).toBe(true);
  });
});

describe('planning API: scenarios', () => {
  it('creates, copies, updates and deletes scenarios with their decisions', async () => {
    const s = await open(demoCopy());
    const [v1, v2] = await someVillages(s);
    const shipped = await call(s, 'getScenarios', {});
    expect(shipped.map((x) => x.name)).toEqual([DEMO_SCENARIO.name]);

    await call(s, 'setDecision', { scenarioId: 0, villageCode: v1, action: 'override', mode: 'tour', reason: '基线意见' });
    const a = await call(s, 'createScenario', { name: '  方案A ', copyOf: 0 });
    expect(a.name).toBe('方案A');
    expect(a.payload).toEqual({ version: 1, facilityEdits: [], postingEdits: [] });
    expect((await call(s, 'getDecisions', { scenarioId: a.id })).map((d) => [d.scenarioId, d.villageCode, d.reason])).toEqual([[a.id, v1, '基线意见']]);

    const payload = { version: 1, facilityEdits: [{ op: 'close', code: 'VC-431299101201' }], postingEdits: [{ op: 'remove', id: 1 }] };
    const updated = await call(s, 'updateScenario', { id: a.id, payload, description: '关闭一所村卫生室' });
    expect(updated).toMatchObject({ id: a.id, name: '方案A', description: '关闭一所村卫生室', payload });
    await call(s, 'setDecision', { scenarioId: a.id, villageCode: v2, action: 'accept' });

    const b = await call(s, 'createScenario', { name: '方案B', copyOf: a.id });
    expect(b.payload).toEqual(payload);
    expect((await call(s, 'getDecisions', { scenarioId: b.id })).map((d) => d.villageCode).sort()).toEqual([v1, v2].sort());
    // The copy is independent of its source.
    await call(s, 'clearDecision', { scenarioId: b.id, villageCode: v1 });
    expect(await call(s, 'getDecisions', { scenarioId: a.id })).toHaveLength(2);

    const empty = await call(s, 'createScenario', { name: '空方案' });
    expect(await call(s, 'getDecisions', { scenarioId: empty.id })).toEqual([]);

    expect(await call(s, 'deleteScenario', { id: a.id })).toEqual({ id: a.id });
    expect((await callError(s, 'getDecisions', { scenarioId: a.id })).code).toBe('SCENARIO_NOT_FOUND');
    expect((await callError(s, 'deleteScenario', { id: a.id })).code).toBe('SCENARIO_NOT_FOUND');
    expect((await callError(s, 'updateScenario', { id: 999, name: 'x' })).code).toBe('SCENARIO_NOT_FOUND');
    expect((await callError(s, 'createScenario', { name: 'x', copyOf: 999 })).code).toBe('SCENARIO_NOT_FOUND');
    expect((await call(s, 'getScenarios', {})).map((x) => x.name)).toEqual([DEMO_SCENARIO.name, '方案B', '空方案']);

    // Deleting is one undoable change: undo brings the scenario back with its decisions.
    await call(s, 'undo', {});
    expect((await call(s, 'getScenarios', {})).map((x) => x.id)).toContain(a.id);
    expect(await call(s, 'getDecisions', { scenarioId: a.id })).toHaveLength(2);
  });

  it('names a damaged scenario payload instead of failing obscurely', async () => {
    const file = demoCopy();
    const s = await open(file);
    const sc = await call(s, 'createScenario', { name: '坏方案' });
    s.close();
    const db = new Database(file);
    db.prepare("UPDATE scenarios SET payload = '{\"version\":1,\"facilityEdits\":[{\"op\":\"explode\"}],\"postingEdits\":[]}' WHERE fid = ?").run(sc.id);
    db.close();
    const again = await open(file);
    const err = await callError(again, 'getScenarios', {});
    expect(err.code).toBe('SCENARIO_INVALID');
    const text = translate('zh-CN', 'errors.SCENARIO_INVALID', err.params);
    expect(text).toContain(`方案 #${sc.id}“坏方案”的内容无法读取`);
    expect(text).toContain('facilityEdits.0');
    // It can still be deleted.
    await call(again, 'deleteScenario', { id: sc.id });
    expect(await call(again, 'getScenarios', {})).toHaveLength(1);
  });

  it('compares the baseline with a scenario that adds a staffed clinic at 龙岗村: one blank village fewer', async () => {
    const s = await open(demoCopy());
    const village = (await call(s, 'getLayer', { layer: 'villages' })).features.find((f) => (f.properties as { code: string }).code === LONGGANG)!;
    const p = village.properties as { code: string; name: string; townshipCode: string };
    const payload = demoScenarioPayload({ ...p, location: village.geometry.coordinates as [number, number] });
    const sc = await call(s, 'createScenario', { name: '新建村卫生室' });
    await call(s, 'updateScenario', { id: sc.id, payload });
    const r = await call(s, 'compareScenarios', { a: 0, b: sc.id, mode: 'car' });
    expect(r.a.scenarioId).toBe(0);
    expect(r.b).toMatchObject({ scenarioId: sc.id, name: '新建村卫生室' });
    expect(r.b.blankVillages).toBe(r.a.blankVillages - 1);
    const total = (x: typeof r.a) => Object.values(x.villagesByMode).reduce((a, b) => a + b, 0);
    expect(total(r.a)).toBe(total(r.b));
    expect((await callError(s, 'compareScenarios', { a: 0, b: 999, mode: 'car' })).code).toBe('SCENARIO_NOT_FOUND');
  }, 60_000);

  it('analyzes a scenario and stores its result under the scenario id', async () => {
    const s = await open(demoCopy());
    const [sc] = await call(s, 'getScenarios', {});
    const r = await call(s, 'analyzeProject', { mode: 'car', scenarioId: sc.id });
    expect(r.files).toEqual([]);
    expect(r.summary).toMatchObject({ scenarioId: sc.id, name: DEMO_SCENARIO.name });
    expect(r.result.planning!.villages.length).toBe(r.result.villages.length);
    const stored = await call(s, 'getCoverageResult', { scenarioId: sc.id, mode: 'car' });
    expect(stored!.result.planning!.villages.length).toBe(r.result.villages.length);
    expect(await call(s, 'getCoverageResult', { scenarioId: 0, mode: 'car' })).toBeNull();
    expect((await callError(s, 'analyzeProject', { mode: 'car', scenarioId: 999 })).code).toBe('SCENARIO_NOT_FOUND');
  }, 60_000);
});

describe('planning store: schema 5', () => {
  it('migrates a schema-4 project: decisions table registered, old "{}" payloads read as empty', async () => {
    const file = path.join(tempDir('ccp-plan-v4-'), 'v4.gpkg');
    const db = new Database(file);
    db.transaction(() => {
      migrate(db, 0, 4);
      setMeta(db, 'title', '四版');
      setMeta(db, 'is_demo', '0');
    })();
    db.prepare("INSERT INTO scenarios (name, created_at) VALUES ('旧方案', '2025-06-01T00:00:00Z')").run();
    db.prepare("DELETE FROM settings WHERE id = 'V2.tour_floor_per_week'").run();
    db.close();
    const store = ProjectStore.open(file);
    expect(store.migratedFrom).toBe(4);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    store.add(tinyProject());
    store.close();

    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT data_type FROM gpkg_contents WHERE table_name = 'decisions'").get()).toEqual({ data_type: 'attributes' });
    expect(check.prepare("SELECT count(*) AS n FROM settings WHERE id = 'V2.tour_floor_per_week'").get()).toEqual({ n: 1 });
    check.close();

    const s = await open(file);
    const [old] = await call(s, 'getScenarios', {});
    expect(old).toMatchObject({ name: '旧方案', payload: { version: 1, facilityEdits: [], postingEdits: [] } });
    await call(s, 'setDecision', { scenarioId: old.id, villageCode: '431299101201', action: 'accept' });
    expect(await call(s, 'getDecisions', { scenarioId: old.id })).toHaveLength(1);
  });

  it('keeps one decision per scenario and village (unique key)', () => {
    const store = ProjectStore.create(path.join(tempDir(), 'u.gpkg'), { title: 'u', isDemo: false }, tinyProject());
    const d = { scenarioId: 0, villageCode: '431299101201', action: 'accept' as const, mode: null, visitsPerWeek: null, postingDaysPerWeek: null, reason: '', proposedMode: null, decidedAt: '2026-01-01T00:00:00Z' };
    store.putDecision(d, 'a');
    store.putDecision({ ...d, action: 'reject', reason: '不需要' }, 'b');
    expect(store.getDecisions(0)).toEqual([{ ...d, action: 'reject', reason: '不需要' }]);
    store.close();
    const db = new Database(store.path);
    expect(() =>
      db.prepare("INSERT INTO decisions (scenario_id, village_code, action, decided_at) VALUES (0, '431299101201', 'accept', 'x')").run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
