/**
 * Tour planning through the API on copies of the demo county: the stored set-up (schema 6, undo),
 * bad set-ups refused with nothing written, planTours with its files, zero teams reported, and
 * the 5 → 6 migration. The shipped demo file is never written.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThcTourConfig } from '../../electron/domain/tours.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { SCHEMA_VERSION, migrate, setMeta } from '../../electron/store/schema.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { call, callError, demoCopy, open } from '../helpers/api-service.js';
import { sha256, tempDir, tinyProject } from '../helpers/fixtures.js';

/** 石门镇: its THC and the township prefix of its villages. */
const SHIMEN_THC = 'THC-431299102';
const SHIMEN = '431299102';

function csvRows(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // The tour CSVs hold no quoted commas or line breaks in the demo.
  return text.slice(1).split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
}

const thc = (patch: Partial<ThcTourConfig> = {}): ThcTourConfig => ({
  thcCode: SHIMEN_THC,
  teams: 1,
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hoursPerDay: 8,
  sessionHours: 3.5,
  maxTravelMinutesPerDay: 120,
  dayStart: 480,
  ...patch,
});

describe('tour API: set-up', () => {
  it('stores THC and village entries, replaces by code, and undoes', async () => {
    const s = await open(demoCopy());
    expect(await call(s, 'getTourConfig', {})).toEqual({ thcs: [], villages: [] });
    const villages = (await call(s, 'getLayer', { layer: 'villages' })).features.map((f) => (f.properties as { code: string }).code);
    const [a, b] = villages.filter((c) => c.startsWith(SHIMEN));
    await call(s, 'setTourConfig', { thcs: [thc({ teams: 2 })], villages: [{ villageCode: a, allowedDays: ['tue', 'thu'], venueCode: null }] });
    await call(s, 'setTourConfig', { thcs: [thc({ teams: 3, dayStart: 450 })], villages: [{ villageCode: b, allowedDays: null, venueCode: a }] });
    const c = await call(s, 'getTourConfig', {});
    expect(c.thcs).toEqual([thc({ teams: 3, dayStart: 450 })]);
    expect(c.villages.map((v) => v.villageCode)).toEqual([a, b].sort());
    const history = await call(s, 'getHistory', {});
    expect(history[0].label).toContain('巡诊设置');
    await call(s, 'undo', {});
    expect((await call(s, 'getTourConfig', {})).thcs[0].teams).toBe(2);
    await call(s, 'redo', {});
    expect((await call(s, 'getTourConfig', {})).thcs[0].teams).toBe(3);
    const replaced = await call(s, 'setTourConfig', { thcs: [], villages: [], replace: true });
    expect(replaced).toEqual({ thcs: [], villages: [] });
  });

  it('refuses bad set-ups with a clear Chinese message and writes nothing (file bytes unchanged)', async () => {
    const file = demoCopy();
    (await open(file)).close(); // settle the copy (WAL) before hashing
    const before = sha256(file);
    const s = await open(file);
    const cases: [unknown, string, string][] = [
      [{ thcs: [thc({ teams: 25 })] }, 'teams_range', '巡诊队数须为 0–20 的整数'],
      [{ thcs: [thc({ hoursPerDay: 16 })] }, 'hours_range', '每天工作时长'],
      [{ thcs: [thc({ sessionHours: 2 })] }, 'session_below_min', '少于半天 3.5 小时'],
      [{ thcs: [thc({ dayStart: 1300 })] }, 'day_past_midnight', '超过午夜'],
      [{ thcs: [thc({ thcCode: 'NOPE' })] }, 'unknown_facility', '项目中没有这个机构'],
      [{ thcs: [thc({ workingDays: ['mon', 'mon'] })] }, 'days_duplicate', '工作日有重复'],
      [{ thcs: [thc(), thc({ teams: 30 })], villages: [] }, 'duplicate_entry', '同一编码出现了多次'],
      // A valid entry beside a bad one: neither is stored.
      [{ thcs: [thc()], villages: [{ villageCode: '431299999999', allowedDays: null, venueCode: null }] }, 'unknown_village', '431299999999'],
      [{ thcs: [thc({ teams: 30 })] }, 'teams_range', '石门镇'],
      [{ villages: [{ villageCode: '431299999999', allowedDays: null, venueCode: null }] }, 'unknown_village', '项目中没有这个村'],
    ];
    for (const [args, code, text] of cases) {
      const err = await callError(s, 'setTourConfig', args);
      expect(err.code, code).toBe('TOUR_CONFIG_INVALID');
      expect(err.params.reasonCode).toBe(code);
      const message = translate('zh-CN', `errors.${err.code}`, err.params);
      expect(message, code).toContain(text);
      expect(message).toContain('未写入');
      expect(message).not.toContain('{');
    }
    // Shapes are refused by the API schema: an unknown weekday, a fractional team count.
    expect((await callError(s, 'setTourConfig', { thcs: [{ ...thc(), workingDays: ['monday'] }] })).code).toBe('INVALID_ARGUMENT');
    expect((await callError(s, 'setTourConfig', { thcs: [{ ...thc(), teams: 1.5 }] })).code).toBe('INVALID_ARGUMENT');
    expect(await call(s, 'getTourConfig', {})).toEqual({ thcs: [], villages: [] });
    expect(await call(s, 'getHistory', {})).toEqual([]);
    s.close();
    expect(sha256(file)).toBe(before);
  });
});

describe('tour API: planTours', () => {
  it('plans the toured villages and writes the files; tours.csv has a row per planned visit', async () => {
    const s = await open(demoCopy());
    // More tours than the demo proposes: five villages of 石门镇, two of them at one venue.
    const villages = (await call(s, 'getLayer', { layer: 'villages' })).features.map((f) => f.properties as { code: string; name: string });
    const shimen = villages.filter((v) => v.code.startsWith(SHIMEN)).slice(0, 5);
    for (const v of shimen) await call(s, 'setDecision', { scenarioId: 0, villageCode: v.code, action: 'override', mode: 'tour', reason: '测试巡诊' });
    await call(s, 'setTourConfig', { villages: [{ villageCode: shimen[1].code, allowedDays: ['tue', 'thu', 'fri'], venueCode: shimen[0].code }] });
    const out = tempDir('ccp-tour-out-');
    const { plan, files } = await call(s, 'planTours', { mode: 'car', outDir: out });
    const p = plan.week.find((w) => w.thcCode === SHIMEN_THC)!;
    expect(p.demands.find((d) => d.venueCode === shimen[0].code)!.villageCodes).toEqual([shimen[0].code, shimen[1].code].sort());
    for (const name of ['tours.csv', 'tours.geojson', 'notices.csv', 'higher-tours.csv']) expect(files).toContain(path.join(out, name));

    const planned = plan.week.reduce((n, w) => n + w.totals.visitsPlanned, 0);
    const stops = plan.week.reduce((n, w) => n + w.days.reduce((m, d) => m + d.stops.length, 0), 0);
    expect(planned).toBe(stops);
    const tours = csvRows(path.join(out, 'tours.csv'));
    expect(tours[0].slice(0, 6)).toEqual(['巡诊机构编码', '巡诊机构', '巡诊队', '星期', '时段', '顺序']);
    expect(tours.length - 1).toBe(planned);
    for (const r of tours.slice(1)) {
      expect(r[3]).toMatch(/^周[一二三四五六日]$/);
      expect(['上午', '下午']).toContain(r[4]);
      expect(r[10]).toMatch(/^\d\d:\d\d$/);
    }

    const geo = JSON.parse(fs.readFileSync(path.join(out, 'tours.geojson'), 'utf8')) as { features: { geometry: { type: string; coordinates: unknown[] }; properties: Record<string, unknown> }[] };
    const lines = geo.features.filter((f) => f.geometry.type === 'LineString');
    const teamDays = plan.week.reduce((n, w) => n + w.days.filter((d) => d.stops.length > 0).length, 0);
    expect(lines).toHaveLength(teamDays);
    for (const l of lines) expect(l.geometry.coordinates[0]).toEqual(l.geometry.coordinates[l.geometry.coordinates.length - 1]);
    expect(geo.features.filter((f) => f.geometry.type === 'Point')).toHaveLength(planned);

    // A notice in Chinese for every toured village.
    const toured = plan.week.flatMap((w) => w.demands.flatMap((d) => d.villageCodes.map((c, i) => [c, d.names[i]] as const)));
    expect(toured.length).toBeGreaterThanOrEqual(6);
    const notices = csvRows(path.join(out, 'notices.csv'));
    expect(notices.length - 1).toBe(toured.length);
    for (const [code, name] of toured) {
      const text = fs.readFileSync(path.join(out, 'notices', `${code}.txt`), 'utf8');
      expect(text).toContain(`${name}巡诊服务公示`);
      expect(text).toContain('临床医师、中医医师、护士、公共卫生人员');
      expect(text).toContain('[D3]');
    }
    const together = fs.readFileSync(path.join(out, 'notices', `${shimen[1].code}.txt`), 'utf8');
    expect(together).toContain('集中巡诊');
    const higher = csvRows(path.join(out, 'higher-tours.csv'));
    expect(higher.length - 1).toBe(plan.higher.reduce((n, h) => n + h.totals.stops, 0));
  }, 120_000);

  it('reports the villages of a THC with 0 teams (backfill, issue) instead of dropping them', async () => {
    const s = await open(demoCopy());
    const before = await call(s, 'planTours', { mode: 'car' });
    const p0 = before.plan.week.find((w) => w.thcCode === SHIMEN_THC)!;
    expect(p0.totals.visitsPlanned).toBeGreaterThan(0);
    await call(s, 'setTourConfig', { thcs: [thc({ teams: 0 })] });
    const out = tempDir('ccp-tour-zero-');
    const { plan } = await call(s, 'planTours', { mode: 'car', outDir: out });
    const p = plan.week.find((w) => w.thcCode === SHIMEN_THC)!;
    expect(p.config.teams).toBe(0);
    expect(p.totals.visitsPlanned).toBe(0);
    expect(p.backfill.sort()).toEqual(p.demands.map((d) => d.venueCode).sort());
    expect(p.issues.some((i) => i.code === 'no_team_days' && i.severity === 'error')).toBe(true);
    const notices = csvRows(path.join(out, 'notices.csv'));
    for (const d of p.demands) {
      const row = notices.find((r) => r[0] === d.villageCodes[0])!;
      expect(row[9]).toContain('补位');
    }
    expect(csvRows(path.join(out, 'tours.csv')).filter((r) => r[0] === SHIMEN_THC)).toHaveLength(0);
  }, 120_000);
});

describe('tour store: schema 6', () => {
  for (const from of [5, 4, 2]) {
    it(`migrates a schema-${from} project: tour_config registered, set-up stored`, () => {
      const file = path.join(tempDir(`ccp-tour-v${from}-`), 'old.gpkg');
      const db = new Database(file);
      db.transaction(() => {
        migrate(db, 0, from);
        setMeta(db, 'title', '旧版');
        setMeta(db, 'is_demo', '0');
      })();
      db.prepare("DELETE FROM settings WHERE id = 'X.tour_working_days'").run();
      db.close();
      const store = ProjectStore.open(file);
      expect(store.migratedFrom).toBe(from);
      expect(store.schemaVersion).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
      expect(store.ruleValues()['X.tour_working_days']).toBe('mon,tue,wed,thu,fri');
      store.add(tinyProject());
      expect(store.getTourConfig()).toEqual({ thcs: [], villages: [] });
      store.setTourConfig({ villages: [{ villageCode: '431299101201', allowedDays: ['mon'], venueCode: null }] }, 'x');
      expect(store.getTourConfig().villages).toHaveLength(1);
      store.close();
      const check = new Database(file, { readonly: true });
      expect(check.prepare("SELECT data_type FROM gpkg_contents WHERE table_name = 'tour_config'").get()).toEqual({ data_type: 'attributes' });
      expect(check.prepare("SELECT count(*) AS n FROM settings WHERE id = 'X.tour_working_days'").get()).toEqual({ n: 1 });
      expect(() => check.prepare("INSERT INTO tour_config (scope, code, json) VALUES ('village', '431299101201', '{}')").run()).toThrow();
      check.close();
    });
  }

  it('refuses a second entry for the same scope and code, and a damaged row is named', () => {
    const file = path.join(tempDir(), 'u.gpkg');
    const store = ProjectStore.create(file, { title: 'u', isDemo: false }, tinyProject());
    store.setTourConfig({ villages: [{ villageCode: '431299101201', allowedDays: null, venueCode: null }] }, 'a');
    store.close();
    const db = new Database(file);
    expect(() => db.prepare("INSERT INTO tour_config (scope, code, json) VALUES ('village', '431299101201', '{}')").run()).toThrow(/UNIQUE/);
    db.prepare("UPDATE tour_config SET json = '{\"villageCode\": 5}'").run();
    db.close();
    const again = ProjectStore.open(file);
    expect(() => again.getTourConfig()).toThrow(/tour_config village 431299101201/);
    again.close();
  });
});
