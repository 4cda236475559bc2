/**
 * Print layout templates stored in the project (schema 7) and the PNG writer, through the API on
 * real GeoPackage files: save / list / reopen, bad input refused with the file untouched, delete,
 * undo / redo, damaged rows named, read-only projects, the 6 → 7 migration, writePng and the
 * print-templates CLI command. The shipped demo file is never written.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPrintLayout, type PrintLayout } from '../../electron/domain/print-layout.js';
import { DEMO_PRINT_TEMPLATE } from '../../electron/service/demo-project.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { SCHEMA_VERSION, migrate, setMeta } from '../../electron/store/schema.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { DEMO, call, callError, demoCopy, open, service } from '../helpers/api-service.js';
import { sha256, tempDir, tinyProject } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** A 1 × 1 PNG (signature, IHDR, IDAT, IEND). */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const a3 = (): PrintLayout => defaultPrintLayout('A3', 'landscape', { title: '石门镇巡诊路线图', subtitle: '2026 年', organisation: '示例县卫生健康局' });

afterEach(() => {
  vi.restoreAllMocks();
});

function cli(args: string[], home = tempDir('ccp-print-cli-home-')) {
  const r = spawnSync(tsx, ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CCP_HOME: home } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the demo as a schema-6 file: the table and its registration gone, the version set back. */
function schema6Demo(): string {
  const file = demoCopy();
  const db = new Database(file);
  db.transaction(() => {
    db.exec('DROP TABLE print_layouts');
    db.prepare("DELETE FROM gpkg_contents WHERE table_name = 'print_layouts'").run();
    setMeta(db, 'schema_version', '6');
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
  return file;
}

describe('print templates API', () => {
  it('ships the demo with its example template (A4 portrait, schema 7, no history)', async () => {
    expect(SCHEMA_VERSION).toBe(7);
    const s = await open(demoCopy());
    expect((await call(s, 'getProjectSummary', {}))!.schemaVersion).toBe(7);
    const { templates, damaged } = await call(s, 'getPrintTemplates', {});
    expect(damaged).toEqual([]);
    expect(templates.map((x) => x.name)).toEqual(['A4竖版会议用图']);
    expect(templates[0].layout).toEqual(DEMO_PRINT_TEMPLATE.layout);
    expect(templates[0].layout).toMatchObject({ paper: 'A4', orientation: 'portrait', title: '示例县村级医疗卫生服务覆盖图', organisation: '示例县卫生健康局', dpi: 300 });
    expect(templates[0].updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await call(s, 'getHistory', {})).toEqual([]);
  });

  it('saves, lists sorted by name, replaces by name, and keeps the layouts across a reopen', async () => {
    const file = demoCopy();
    const s = await open(file);
    const layout = a3();
    const saved = await call(s, 'savePrintTemplate', { name: '  县委汇报 A3  ', layout });
    expect(saved.name).toBe('县委汇报 A3');
    expect(saved.layout).toEqual(layout);
    const custom: PrintLayout = { ...defaultPrintLayout('A4', 'landscape', { title: '甲', subtitle: '', organisation: '' }), approvalNo: '湘S(2026)001号', sources: '县统计局', gridMinutes: 5, dpi: 150 };
    custom.elements = custom.elements.map((e) => (e.kind === 'north' ? { ...e, visible: false, x: 3, y: 3 } : e));
    await call(s, 'savePrintTemplate', { name: 'B-landscape', layout: custom });
    const sixty = '模'.repeat(60);
    await call(s, 'savePrintTemplate', { name: sixty, layout });
    const names = (await call(s, 'getPrintTemplates', {})).templates.map((x) => x.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names)).toEqual(new Set(['A4竖版会议用图', '县委汇报 A3', 'B-landscape', sixty]));

    // Saving under an existing name replaces that template (one row per name).
    const again = await call(s, 'savePrintTemplate', { name: '县委汇报 A3', layout: { ...layout, title: '改过的标题' } });
    expect(again.updatedAt >= saved.updatedAt).toBe(true);
    const list = (await call(s, 'getPrintTemplates', {})).templates;
    expect(list.filter((x) => x.name === '县委汇报 A3')).toHaveLength(1);
    s.close();

    const reopened = await open(file);
    const after = await call(reopened, 'getPrintTemplates', {});
    expect(after.damaged).toEqual([]);
    expect(after.templates.find((x) => x.name === '县委汇报 A3')!.layout).toEqual({ ...layout, title: '改过的标题' });
    expect(after.templates.find((x) => x.name === 'B-landscape')!.layout).toEqual(custom);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM print_layouts').get()).toEqual({ n: 4 });
    db.close();
  });

  it('refuses bad names and layouts with a clear message and writes nothing (file bytes unchanged)', async () => {
    const file = demoCopy();
    (await open(file)).close(); // settle the copy (WAL) before hashing
    const before = sha256(file);
    const s = await open(file);
    const good = a3();
    const withElements = (f: (els: PrintLayout['elements']) => PrintLayout['elements']): PrintLayout => ({ ...good, elements: f(good.elements) });

    const invalid: [unknown, string, string, string][] = [
      [{ name: 'default', layout: good }, 'name_reserved', 'name', '默认版式'],
      [{ name: ' DEFAULT ', layout: good }, 'name_reserved', 'name', '另取一个名称'],
      [{ name: '', layout: good }, 'name_empty', 'name', '不能为空'],
      [{ name: '   ', layout: good }, 'name_empty', 'name', '不能为空'],
      [{ name: '长'.repeat(61), layout: good }, 'name_too_long', 'name', '最多 60 个字符（现为 61 个）'],
      [{ name: '第一行\n第二行', layout: good }, 'name_bad_char', 'name', '控制字符'],
      [{ name: '缺图例', layout: withElements((els) => els.filter((e) => e.kind !== 'legend')) }, 'missing_element', 'layout.elements', '缺少图例'],
      [{ name: '两个标题', layout: withElements((els) => [...els, els.find((e) => e.kind === 'title')!]) }, 'duplicate_element', 'layout.elements', '标题出现了多次'],
      [{ name: '出界', layout: withElements((els) => els.map((e) => (e.kind === 'map' ? { ...e, x: 400 } : e))) }, 'off_page', 'layout.elements.0', '地图超出纸张范围'],
      [{ name: '太小', layout: withElements((els) => els.map((e) => (e.kind === 'north' ? { ...e, w: 1 } : e))) }, 'off_page', 'layout.elements.6', '指北针超出纸张范围或小于 5 毫米'],
      // A3 boxes on A4 paper: several problems, all named.
      [{ name: '纸张不符', layout: { ...good, paper: 'A4' } }, 'off_page', 'layout.elements.0', '页脚'],
    ];
    for (const [args, reasonCode, field, text] of invalid) {
      const err = await callError(s, 'savePrintTemplate', args);
      expect(err.code, reasonCode).toBe('PRINT_TEMPLATE_INVALID');
      expect(err.params.reasonCode, reasonCode).toBe(reasonCode);
      expect(err.params.field, reasonCode).toBe(field);
      const message = translate('zh-CN', `errors.${err.code}`, err.params);
      expect(message, reasonCode).toContain(text);
      expect(message).toContain('未保存');
      expect(message).not.toContain('{');
      expect(translate('en', `errors.${err.code}`, err.params)).not.toMatch(/[{]|errors\.details/);
    }

    // Shapes are refused by the API schema, naming the field.
    const shapes: [unknown, string][] = [
      [{ name: '纸', layout: { ...good, paper: 'A5' } }, 'layout.paper'],
      [{ name: '向', layout: { ...good, orientation: 'sideways' } }, 'layout.orientation'],
      [{ name: 'dpi', layout: { ...good, dpi: 123 } }, 'layout.dpi'],
      [{ name: '边距', layout: { ...good, marginMm: 41 } }, 'layout.marginMm'],
      [{ name: '网格', layout: { ...good, gridMinutes: 601 } }, 'layout.gridMinutes'],
      [{ name: '标题', layout: { ...good, title: '长'.repeat(121) } }, 'layout.title'],
      [{ name: '来源', layout: { ...good, sources: 'x'.repeat(401) } }, 'layout.sources'],
      [{ name: '审图号', layout: { ...good, approvalNo: 'x'.repeat(61) } }, 'layout.approvalNo'],
      [{ name: '多余', layout: { ...good, colour: 'red' } }, 'layout'],
      [{ name: '元素', layout: withElements((els) => els.map((e) => (e.kind === 'map' ? ({ ...e, kind: 'photo' } as never) : e))) }, 'layout.elements.0.kind'],
      [{ name: '坐标', layout: withElements((els) => els.map((e) => (e.kind === 'map' ? ({ ...e, x: 'left' } as never) : e))) }, 'layout.elements.0.x'],
      [{ name: '缺字段', layout: { ...good, elements: undefined } }, 'layout.elements'],
      [{ name: 5, layout: good }, 'name'],
      [{ layout: good }, 'name'],
    ];
    for (const [args, field] of shapes) {
      const err = await callError(s, 'savePrintTemplate', args);
      expect(err.code, field).toBe('INVALID_ARGUMENT');
      expect(String(err.params.field), field).toBe(field);
    }
    expect((await call(s, 'getPrintTemplates', {})).templates.map((x) => x.name)).toEqual(['A4竖版会议用图']);
    expect(await call(s, 'getHistory', {})).toEqual([]);
    s.close();
    expect(sha256(file)).toBe(before);
  });

  it('deletes by name, refuses unknown names, and undoes saves and deletions', async () => {
    const s = await open(demoCopy());
    const missing = await callError(s, 'deletePrintTemplate', { name: '不存在的模板' });
    expect(missing.code).toBe('PRINT_TEMPLATE_NOT_FOUND');
    expect(translate('zh-CN', 'errors.PRINT_TEMPLATE_NOT_FOUND', missing.params)).toBe('找不到打印模板“不存在的模板”');
    expect(await call(s, 'getHistory', {})).toEqual([]);

    const layout = a3();
    await call(s, 'savePrintTemplate', { name: '汇报', layout });
    await call(s, 'savePrintTemplate', { name: '汇报', layout: { ...layout, title: '第二版' } });
    const left = await call(s, 'deletePrintTemplate', { name: ' A4竖版会议用图 ' });
    expect(left.templates.map((x) => x.name)).toEqual(['汇报']);
    expect(left.damaged).toEqual([]);
    const history = await call(s, 'getHistory', {});
    expect(history.map((h) => [h.kind, h.label])).toEqual([
      ['delete', '删除打印模板：A4竖版会议用图'],
      ['edit', '保存打印模板：汇报'],
      ['edit', '保存打印模板：汇报'],
    ]);
    expect(history[0].counts).toEqual({ print_layouts: 1 });

    const templates = async () => (await call(s, 'getPrintTemplates', {})).templates;
    await call(s, 'undo', {}); // the deletion: the example is back, exactly
    expect((await templates()).find((x) => x.name === 'A4竖版会议用图')!.layout).toEqual(DEMO_PRINT_TEMPLATE.layout);
    await call(s, 'undo', {}); // the second save: the first version is back
    expect((await templates()).find((x) => x.name === '汇报')!.layout.title).toBe('石门镇巡诊路线图');
    await call(s, 'undo', {}); // the first save: no such template
    expect((await templates()).map((x) => x.name)).toEqual(['A4竖版会议用图']);
    await call(s, 'redo', {});
    await call(s, 'redo', {});
    expect((await templates()).find((x) => x.name === '汇报')!.layout.title).toBe('第二版');
    await call(s, 'redo', {});
    expect((await templates()).map((x) => x.name)).toEqual(['汇报']);
  });

  it('lists the readable templates and names the damaged ones (which can still be deleted)', async () => {
    const file = demoCopy();
    const setup = await open(file);
    for (const name of ['好的', '坏的JSON', '纸张A5', '出界']) await call(setup, 'savePrintTemplate', { name, layout: a3() });
    setup.close();
    const db = new Database(file);
    const offPage = { ...a3(), elements: a3().elements.map((e) => (e.kind === 'map' ? { ...e, w: 900 } : e)) };
    db.prepare('UPDATE print_layouts SET layout = ? WHERE name = ?').run(JSON.stringify({ ...a3(), paper: 'A5' }), '纸张A5');
    db.prepare('UPDATE print_layouts SET layout = ? WHERE name = ?').run(JSON.stringify(offPage), '出界');
    db.pragma('ignore_check_constraints = ON'); // only a damaged file holds text that is not JSON
    db.prepare('UPDATE print_layouts SET layout = ? WHERE name = ?').run('{"paper": "A4", ', '坏的JSON');
    db.close();

    const s = await open(file);
    const r = await call(s, 'getPrintTemplates', {});
    expect(r.templates.map((x) => x.name).sort()).toEqual(['A4竖版会议用图', '好的'].sort());
    expect([...r.damaged].sort()).toEqual(['出界', '坏的JSON', '纸张A5'].sort());
    const left = await call(s, 'deletePrintTemplate', { name: '坏的JSON' });
    expect([...left.damaged].sort()).toEqual(['出界', '纸张A5'].sort());
  });

  it('refuses template writes on a read-only project with FILE_READ_ONLY but lists its templates', async () => {
    const file = demoCopy();
    const readOnly = (f: string) => {
      const Ctor = ProjectStore as unknown as new (p: string, db: Database.Database, m: number | null, r: boolean) => ProjectStore;
      return new Ctor(path.resolve(f), new Database(f, { readonly: true, fileMustExist: true }), null, true);
    };
    (await open(file)).close();
    const before = sha256(file);
    vi.spyOn(ProjectStore, 'open').mockImplementation((f: string) => readOnly(f));
    const s = service();
    expect((await call(s, 'openProject', { path: file })).readOnly).toBe(true);
    expect((await call(s, 'getPrintTemplates', {})).templates).toHaveLength(1);
    expect((await callError(s, 'savePrintTemplate', { name: '新模板', layout: a3() })).code).toBe('FILE_READ_ONLY');
    expect((await callError(s, 'deletePrintTemplate', { name: 'A4竖版会议用图' })).code).toBe('FILE_READ_ONLY');
    s.close();
    expect(sha256(file)).toBe(before);
  });
});

describe('print templates: schema 7 migration', () => {
  it('upgrades a schema-6 demo file on open: print_layouts registered, templates stored', async () => {
    const file = schema6Demo();
    const s = service();
    const summary = await call(s, 'openProject', { path: file });
    expect(summary.migratedFrom).toBe(6);
    expect(summary.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await call(s, 'getPrintTemplates', {})).toEqual({ templates: [], damaged: [] });
    const saved = await call(s, 'savePrintTemplate', { name: DEMO_PRINT_TEMPLATE.name, layout: DEMO_PRINT_TEMPLATE.layout });
    expect(saved.layout).toEqual(DEMO_PRINT_TEMPLATE.layout);
    // The scenario and the rest of the project came through the upgrade.
    expect((await call(s, 'getScenarios', {})).length).toBe(1);
    s.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT data_type FROM gpkg_contents WHERE table_name = 'print_layouts'").get()).toEqual({ data_type: 'attributes' });
    expect(() => db.prepare("INSERT INTO print_layouts (name, layout, updated_at) VALUES ('A4竖版会议用图', '{}', 'x')").run()).toThrow();
    db.close();
    const again = ProjectStore.open(file);
    expect(again.migratedFrom).toBeNull();
    expect(again.getPrintTemplates().map((x) => x.name)).toEqual([DEMO_PRINT_TEMPLATE.name]);
    again.close();
  });

  for (const from of [6, 5, 2]) {
    it(`migrates a schema-${from} project built by the old migrations`, () => {
      const file = path.join(tempDir(`ccp-print-v${from}-`), 'old.gpkg');
      const db = new Database(file);
      db.transaction(() => {
        migrate(db, 0, from);
        setMeta(db, 'title', '旧版');
        setMeta(db, 'is_demo', '0');
      })();
      db.close();
      const store = ProjectStore.open(file);
      expect(store.migratedFrom).toBe(from);
      expect(store.schemaVersion).toBe(7);
      store.add(tinyProject());
      const t = store.savePrintTemplate('汇报', a3(), '保存');
      expect(store.getPrintTemplates()).toEqual([t]);
      expect(store.history().map((h) => h.label)).toEqual(['保存']);
      store.close();
    });
  }

  it('rolls a failed 6 → 7 migration back and leaves the file as it was', () => {
    const file = path.join(tempDir('ccp-print-clash-'), 'clash.gpkg');
    const db = new Database(file);
    db.transaction(() => {
      migrate(db, 0, 6);
      setMeta(db, 'title', '冲突');
      setMeta(db, 'is_demo', '0');
    })();
    db.exec('CREATE TABLE print_layouts (x)'); // a clash the version-7 migration cannot resolve
    db.close();
    const before = sha256(file);
    expect(() => ProjectStore.open(file)).toThrow(expect.objectContaining({ code: 'MIGRATION_FAILED' }));
    expect(sha256(file)).toBe(before);
  });
});

describe('writePng', () => {
  it('writes a PNG atomically and returns its path and size', async () => {
    const s = service();
    const dir = tempDir('ccp-png-');
    const r = await call(s, 'writePng', { path: path.join(dir, 'page-1.png'), data: PNG_1PX });
    const bytes = Buffer.from(PNG_1PX, 'base64');
    expect(r).toEqual({ path: path.join(dir, 'page-1.png'), bytes: bytes.length });
    expect(fs.readFileSync(r.path).equals(bytes)).toBe(true);
    // Upper-case extension and a data: URL (canvas.toDataURL) are accepted too.
    const r2 = await call(s, 'writePng', { path: path.join(dir, 'PAGE-2.PNG'), data: `data:image/png;base64,${PNG_1PX}` });
    expect(fs.readFileSync(r2.path).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['PAGE-2.PNG', 'page-1.png']);
  });

  it('refuses bytes that are not a PNG, another extension and bad base64; nothing is written', async () => {
    const s = service();
    const dir = tempDir('ccp-png-bad-');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, ...new Array(40).fill(0)]).toString('base64');
    const truncated = Buffer.from(PNG_1PX, 'base64').subarray(0, 8).toString('base64');
    const cases: [string, string, string, string][] = [
      ['a.png', jpeg, 'signature', '内容不是 PNG 图片'],
      ['b.png', truncated, 'signature', '内容不是 PNG 图片'],
      ['c.png', Buffer.from('hello, world').toString('base64'), 'signature', '内容不是 PNG 图片'],
      ['d.png', '', 'signature', '内容不是 PNG 图片'],
      ['e.png', '***not base64***', 'base64', 'base64'],
      ['f.jpg', PNG_1PX, 'extension', '.png 结尾'],
      ['g.png.txt', PNG_1PX, 'extension', '.png 结尾'],
      ['png', PNG_1PX, 'extension', '.png 结尾'],
    ];
    for (const [name, data, reasonCode, text] of cases) {
      const err = await callError(s, 'writePng', { path: path.join(dir, name), data });
      expect(err.code, name).toBe('PNG_INVALID');
      expect(err.params.reasonCode, name).toBe(reasonCode);
      const message = translate('zh-CN', 'errors.PNG_INVALID', err.params);
      expect(message, name).toContain(text);
      expect(message).toContain('未写入');
      expect(message).not.toContain('{');
    }
    expect((await callError(s, 'writePng', { path: path.join(dir, 'x.png') })).code).toBe('INVALID_ARGUMENT');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses to replace an existing file unless overwrite is set', async () => {
    const s = service();
    const dir = tempDir('ccp-png-exists-');
    const file = path.join(dir, 'map.png');
    fs.writeFileSync(file, 'old');
    const err = await callError(s, 'writePng', { path: file, data: PNG_1PX });
    expect(err.code).toBe('FILE_EXISTS');
    expect(err.params.path).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(await call(s, 'writePng', { path: file, data: PNG_1PX, overwrite: true })).toEqual({ path: file, bytes: Buffer.from(PNG_1PX, 'base64').length });
    expect(fs.readFileSync(file).equals(Buffer.from(PNG_1PX, 'base64'))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['map.png']); // no temporary file left behind
    const missingDir = await callError(s, 'writePng', { path: path.join(dir, 'no-such-dir', 'x.png'), data: PNG_1PX });
    expect(missingDir.code).toBe('FILE_READ_ONLY');
  });
});

describe('print-templates CLI', () => {
  it('lists the demo example template and deletes by name', () => {
    const copy = path.join(tempDir('ccp-print-cli-'), 'demo.gpkg');
    fs.copyFileSync(DEMO, copy);
    const list = cli(['print-templates', copy]);
    expect(list.err).toBe('');
    expect(list.code).toBe(0);
    expect(list.out).toContain('名称  纸张  方向  更新时间');
    expect(list.out).toMatch(/A4竖版会议用图 {2}A4 {2}竖版 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);

    const en = cli(['print-templates', copy, '--lang', 'en']);
    expect(en.out).toMatch(/A4竖版会议用图 {2}A4 {2}portrait/);

    const unknown = cli(['print-templates', copy, '--delete', '没有这个']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('找不到打印模板“没有这个”');

    const del = cli(['print-templates', copy, '--delete', 'A4竖版会议用图']);
    expect(del.code).toBe(0);
    expect(del.out).toContain('已删除打印模板：A4竖版会议用图');
    expect(del.out).toContain('项目中还没有打印模板');
    expect(cli(['print-templates', copy]).out).toContain('项目中还没有打印模板');
  }, 60_000);
});
