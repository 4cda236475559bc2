import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { SCHEMA_VERSION, migrate, setMeta } from '../../electron/store/schema.js';
import type { Village } from '../../electron/domain/types.js';
import { tempDir, tinyProject } from '../helpers/fixtures.js';

function village(i: number, location: [number, number] = [110.05 + i * 0.001, 27.05]): Village {
  return {
    id: 0, code: `4312991012${String(i).padStart(2, '0')}`, name: `新村${i}`, townshipCode: '431299101',
    population: 100 + i, households: 30 + i, kind: 'village', areaKm2: null, location,
  };
}

function newStore(): ProjectStore {
  return ProjectStore.create(path.join(tempDir(), 'p.gpkg'), { title: 't', isDemo: false }, tinyProject());
}

/** Every row of a table exactly as stored (fid and geometry blob included). */
function rawRows(file: string, table: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM "${table}" ORDER BY fid`).all();
  } finally {
    db.close();
  }
}

function extent(file: string, table: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?').get(table);
  } finally {
    db.close();
  }
}

describe('change log: undo, redo and history', () => {
  it('undoes an insert (rows gone) and redoes it with the same fids', () => {
    const store = newStore();
    const before = rawRows(store.path, 'villages');
    const change = store.applyChange('导入 3 个村', 'import', { insert: { villages: [village(10), village(11), village(12, [111, 28])] } });
    expect(change).toMatchObject({ kind: 'import', label: '导入 3 个村', undone: false, counts: { villages: 3 } });
    const ids = store.getLayer('villages').features.map((f) => f.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    const after = rawRows(store.path, 'villages');
    expect(extent(store.path, 'villages')).toMatchObject({ max_x: 111, max_y: 28 });

    expect(store.undo()).toMatchObject({ id: change.id, undone: true });
    expect(rawRows(store.path, 'villages')).toEqual(before);
    expect(store.getFeature('villages', 3)).toBeNull();
    // The extent shrinks back to the remaining villages.
    expect(extent(store.path, 'villages')).toEqual({ min_x: 110.05, min_y: 27.05, max_x: 110.15, max_y: 27.12 });

    expect(store.redo()).toMatchObject({ id: change.id, undone: false });
    expect(rawRows(store.path, 'villages')).toEqual(after);
    expect(store.getLayer('villages').features.map((f) => f.id)).toEqual([1, 2, 3, 4, 5]);
    expect(store.getFeature('villages', 5)!.properties.name).toBe('新村12');
    expect(store.redo()).toBeNull();
    store.close();
  });

  it('undoes and redoes updates (fields and geometry) and deletions exactly', () => {
    const store = newStore();
    const file = store.path;
    const v1 = store.getFeature('villages', 1);
    const road = store.getFeature('roads', 1);
    const thc = store.getFeature('facilities', 2);
    const rawBefore = { villages: rawRows(file, 'villages'), roads: rawRows(file, 'roads'), facilities: rawRows(file, 'facilities'), postings: rawRows(file, 'postings') };

    const edit = store.applyChange('编辑', 'edit', {
      update: [
        { layer: 'villages', id: 1, record: { population: 2000, name: '石门村（改）', location: [110.06, 27.06] } },
        { layer: 'roads', id: 1, record: { bridge: true, coordinates: [[110.0, 27.0], [110.3, 27.3]] } },
        { layer: 'postings', id: 1, record: { daysPerWeek: 3.5, release: 'half' } },
      ],
    });
    expect(edit.counts).toEqual({ villages: 1, roads: 1, postings: 1 });
    const editedV1 = store.getFeature('villages', 1)!;
    expect(editedV1.properties).toMatchObject({ population: 2000, name: '石门村（改）', households: 571 });
    expect(editedV1.geometry).toEqual({ type: 'Point', coordinates: [110.06, 27.06] });
    expect(store.getFeature('roads', 1)!.properties.bridge).toBe(true);
    const rawEdited = { villages: rawRows(file, 'villages'), roads: rawRows(file, 'roads'), postings: rawRows(file, 'postings') };

    const del = store.applyChange('删除', 'delete', { delete: [{ layer: 'facilities', id: 2 }, { layer: 'villages', id: 2 }] });
    expect(del.counts).toEqual({ facilities: 1, villages: 1 });
    expect(store.getFeature('facilities', 2)).toBeNull();

    expect(store.undo()!.id).toBe(del.id);
    expect(store.getFeature('facilities', 2)).toEqual(thc);
    expect(rawRows(file, 'facilities')).toEqual(rawBefore.facilities);
    expect(rawRows(file, 'villages')).toEqual(rawEdited.villages);

    expect(store.undo()!.id).toBe(edit.id);
    expect(store.getFeature('villages', 1)).toEqual(v1);
    expect(store.getFeature('roads', 1)).toEqual(road);
    expect(rawRows(file, 'villages')).toEqual(rawBefore.villages);
    expect(rawRows(file, 'roads')).toEqual(rawBefore.roads);
    expect(rawRows(file, 'postings')).toEqual(rawBefore.postings);
    expect(store.undo()).toBeNull();

    expect(store.redo()!.id).toBe(edit.id);
    expect(rawRows(file, 'villages')).toEqual(rawEdited.villages);
    expect(rawRows(file, 'roads')).toEqual(rawEdited.roads);
    expect(rawRows(file, 'postings')).toEqual(rawEdited.postings);
    expect(store.redo()!.id).toBe(del.id);
    expect(store.getFeature('facilities', 2)).toBeNull();
    expect(store.getFeature('villages', 2)).toBeNull();
    store.close();
  });

  it('lists history newest first with counts, and a new change drops the redo branch', () => {
    const store = newStore();
    const a = store.applyChange('A', 'import', { insert: { villages: [village(20), village(21)], postings: tinyProject().postings } });
    const b = store.applyChange('B', 'edit', { update: [{ layer: 'villages', id: 3, record: { households: 1 } }] });
    const c = store.applyChange('C', 'delete', { delete: [{ layer: 'villages', id: 4 }] });
    expect(store.history().map((h) => [h.label, h.kind, h.undone, h.counts])).toEqual([
      ['C', 'delete', false, { villages: 1 }],
      ['B', 'edit', false, { villages: 1 }],
      ['A', 'import', false, { villages: 2, postings: 1 }],
    ]);
    expect(new Date(store.history()[0].at).toISOString()).toBe(store.history()[0].at);
    store.undo();
    store.undo();
    expect(store.history().map((h) => [h.id, h.undone])).toEqual([[c.id, true], [b.id, true], [a.id, false]]);
    const d = store.applyChange('D', 'edit', { update: [{ layer: 'villages', id: 1, record: { population: 1 } }] });
    expect(store.history().map((h) => h.label)).toEqual(['D', 'A']);
    expect(d.id).toBeGreaterThan(c.id);
    expect(store.redo()).toBeNull();
    expect(store.getFeature('villages', 4)).not.toBeNull(); // C stays undone for good
    expect(store.getFeature('villages', 3)!.properties.households).toBe(50); // B stays undone
    expect(store.undo()!.label).toBe('D');
    expect(store.undo()!.label).toBe('A');
    expect(store.getLayer('villages').features).toHaveLength(2);
    expect(store.getPostings()).toHaveLength(1);
    // New rows after an undone insert never reuse its fids.
    store.applyChange('E', 'import', { insert: { villages: [village(30)] } });
    expect(store.getLayer('villages').features.map((f) => f.id)).toEqual([1, 2, 5]);
    store.close();
  });

  it('keeps undo and redo across close and reopen', () => {
    const store = newStore();
    const file = store.path;
    store.applyChange('导入', 'import', { insert: { villages: [village(40), village(41)] } });
    store.applyChange('删除', 'delete', { delete: [{ layer: 'villages', id: 1 }] });
    const snapshot = rawRows(file, 'villages');
    store.undo();
    store.close();

    const again = ProjectStore.open(file);
    expect(again.history().map((h) => [h.label, h.undone])).toEqual([['删除', true], ['导入', false]]);
    expect(again.getFeature('villages', 1)).not.toBeNull();
    expect(again.redo()!.label).toBe('删除');
    expect(rawRows(file, 'villages')).toEqual(snapshot);
    again.undo();
    again.undo();
    again.close();

    const third = ProjectStore.open(file);
    expect(third.getLayer('villages').features.map((f) => f.id)).toEqual([1, 2]);
    expect(third.undo()).toBeNull();
    expect(third.redo()!.label).toBe('导入');
    expect(third.getLayer('villages').features.map((f) => f.id)).toEqual([1, 2, 3, 4]);
    third.close();
  });

  it('migrates a schema-3 project to the change log and undoes on it', () => {
    const file = path.join(tempDir(), 'v3.gpkg');
    const db = new Database(file);
    db.transaction(() => {
      migrate(db, 0, 3);
      setMeta(db, 'title', '三版');
    })();
    db.close();
    const store = ProjectStore.open(file);
    expect(store.migratedFrom).toBe(3);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    expect(store.history()).toEqual([]);
    store.applyChange('导入', 'import', { insert: tinyProject() });
    expect(store.layerSummaries().find((l) => l.name === 'villages')!.count).toBe(2);
    store.undo();
    expect(store.layerSummaries().every((l) => l.count === 0)).toBe(true);
    expect(store.bounds()).toBeNull();
    store.close();
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT data_type FROM gpkg_contents WHERE table_name = 'change_log'").get()).toEqual({ data_type: 'attributes' });
    check.close();
  });

  it('a failing change leaves neither data nor a log row, and the redo branch intact', () => {
    const store = newStore();
    const file = store.path;
    store.applyChange('A', 'import', { insert: { villages: [village(50)] } });
    store.undo();
    const before = { villages: rawRows(file, 'villages'), log: rawRows(file, 'change_log') };
    const bad = { ...village(51), code: '43129910120' }; // 11 digits violates the CHECK
    expect(() => store.applyChange('bad', 'import', { insert: { villages: [village(52), bad] } })).toThrow();
    expect(() =>
      store.applyChange('bad', 'edit', { update: [{ layer: 'villages', id: 1, record: { name: '好' } }, { layer: 'villages', id: 2, record: { population: -1 } }] }),
    ).toThrow();
    expect(() => store.applyChange('bad', 'delete', { delete: [{ layer: 'villages', id: 1 }, { layer: 'villages', id: 999 }] })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => store.applyChange('bad', 'edit', { update: [{ layer: 'villages', id: 1, record: { nope: 1 } }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(rawRows(file, 'villages')).toEqual(before.villages);
    expect(rawRows(file, 'change_log')).toEqual(before.log);
    expect(store.redo()!.label).toBe('A');
    store.close();
  });

  it('refuses changes, undo and redo on a read-only project but lists its history', () => {
    const store = newStore();
    const file = store.path;
    store.applyChange('A', 'import', { insert: { villages: [village(60)] } });
    store.close();
    fs.chmodSync(file, 0o444);
    try {
      let ro = ProjectStore.open(file);
      if (!ro.readOnly) {
        // Running as root: the file stays writable, so build the read-only store the way open() does.
        ro.close();
        const Ctor = ProjectStore as unknown as new (p: string, db: Database.Database, m: number | null, r: boolean) => ProjectStore;
        ro = new Ctor(file, new Database(file, { readonly: true, fileMustExist: true }), null, true);
      }
      expect(ro.history().map((h) => h.label)).toEqual(['A']);
      for (const fn of [() => ro.undo(), () => ro.redo(), () => ro.applyChange('B', 'edit', {})]) {
        expect(fn).toThrow(ApiError);
        expect(fn).toThrow(expect.objectContaining({ code: 'FILE_READ_ONLY' }));
      }
      expect(ro.getLayer('villages').features).toHaveLength(3);
      ro.close();
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });

  it('uses synchronous = FULL on project connections', () => {
    const store = newStore();
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
  });

  it('undoing every change of a random sequence restores the exact rows; redoing all returns to the end', () => {
    const layers = ['villages', 'facilities', 'roads', 'postings'] as const;
    const tables = ['villages', 'facilities', 'roads', 'postings', 'townships'];
    // Rows byte for byte, and each table's extent in gpkg_contents.
    const snapshot = (file: string) => JSON.stringify(tables.map((t) => [rawRows(file, t), extent(file, t)]));
    const opArb = fc.oneof(
      fc.record({ t: fc.constant('insert' as const), n: fc.integer({ min: 1, max: 4 }), x: fc.double({ min: 100, max: 120, noNaN: true }) }),
      fc.record({ t: fc.constant('update' as const), layer: fc.constantFrom(...layers), pick: fc.nat(), v: fc.integer({ min: 0, max: 9999 }) }),
      fc.record({ t: fc.constant('delete' as const), layer: fc.constantFrom(...layers), pick: fc.nat() }),
      fc.record({ t: fc.constant('undo' as const) }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), (ops) => {
        const store = newStore();
        const file = store.path;
        const initial = snapshot(file);
        const ids = (layer: (typeof layers)[number]) =>
          layer === 'postings' ? store.getPostings().map((p) => p.id) : store.getLayer(layer).features.map((f) => f.id);
        for (const op of ops) {
          if (op.t === 'undo') store.undo();
          else if (op.t === 'insert') {
            store.applyChange('ins', 'import', { insert: { villages: Array.from({ length: op.n }, (_, i) => village(i, [op.x, 27 + i / 10])), postings: tinyProject().postings } });
          } else {
            const list = ids(op.layer);
            if (list.length === 0) continue;
            const id = list[op.pick % list.length];
            if (op.t === 'delete') store.applyChange('del', 'delete', { delete: [{ layer: op.layer, id }] });
            else {
              const record =
                op.layer === 'villages' ? { population: op.v, location: [110 + op.v / 1e4, 27] }
                : op.layer === 'facilities' ? { beds: op.v, isPlannedSubCenter: op.v % 2 === 0 }
                : op.layer === 'roads' ? { speedKmh: op.v + 1, coordinates: [[110, 27], [110 + op.v / 1e4, 27.5]] }
                : { daysPerWeek: (op.v % 7) + 1 };
              store.applyChange('upd', 'edit', { update: [{ layer: op.layer, id, record }] });
            }
          }
        }
        const done = store.history().filter((h) => !h.undone).length;
        const end = snapshot(file);
        for (let i = 0; i < done; i++) expect(store.undo()).not.toBeNull();
        expect(store.undo()).toBeNull();
        expect(snapshot(file)).toBe(initial);
        while (store.redo()) {
          /* redo everything, undone branches included */
        }
        if (store.history().length === done) expect(snapshot(file)).toBe(end);
        store.close();
      }),
      { numRuns: 25, seed: 4242 },
    );
  });
});
