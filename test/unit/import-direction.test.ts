/**
 * The import-direction lint rule (ARCHITECTURE.md): domain imports nothing; engine only domain;
 * api only domain (+ zod); the demo generator stays pure; the renderer never reaches Node,
 * Electron or the main side; the preload imports only electron (+ types).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

interface ImportRef {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|mts)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

const IMPORT_RE = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): ImportRef[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const out: ImportRef[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[3] ?? m[4];
    if (spec) out.push({ file, spec, typeOnly: Boolean(m[2]) });
  }
  return out;
}

/** Repository-relative target folder of a relative import, or the bare package name. */
function target(ref: ImportRef): { kind: 'local'; path: string } | { kind: 'package'; name: string } {
  if (ref.spec.startsWith('.')) return { kind: 'local', path: path.relative(root, path.resolve(root, path.dirname(ref.file), ref.spec)) };
  return { kind: 'package', name: ref.spec };
}

const NODE_OR_NATIVE = /^(node:|electron$|better-sqlite3$|fs$|path$|os$|child_process$|worker_threads$|http$|crypto$|url$|zlib$)/;

function violations(dir: string, allowLocal: string[], allowPackage: (name: string, typeOnly: boolean) => boolean): string[] {
  const bad: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const ref of importsOf(file)) {
      const t = target(ref);
      const ok = t.kind === 'local' ? allowLocal.some((p) => t.path === p || t.path.startsWith(p + path.sep) || t.path.startsWith(p + '/')) : allowPackage(t.name, ref.typeOnly);
      if (!ok) bad.push(`${file} imports ${ref.spec}`);
    }
  }
  return bad;
}

describe('import direction', () => {
  it('finds the source files it checks (the rule cannot pass vacuously)', () => {
    expect(sourceFiles('electron/domain').length).toBeGreaterThan(0);
    expect(sourceFiles('electron/api').length).toBeGreaterThan(0);
    expect(sourceFiles('renderer/src').length).toBeGreaterThan(0);
    expect(importsOf('electron/api/dispatch.ts').map((r) => r.spec)).toContain('./schema.js');
  });

  it('domain imports nothing outside itself', () => {
    expect(violations('electron/domain', ['electron/domain'], () => false)).toEqual([]);
  });

  it('engine imports only domain and pure packages', () => {
    expect(violations('electron/engine', ['electron/engine', 'electron/domain'], (n) => !NODE_OR_NATIVE.test(n))).toEqual([]);
  });

  it('api imports only domain and zod (and engine result types, type-only)', () => {
    const bad = violations('electron/api', ['electron/api', 'electron/domain', 'electron/engine'], (n) => n === 'zod');
    const engineValueImports = sourceFiles('electron/api')
      .flatMap(importsOf)
      .filter((r) => !r.typeOnly && target(r).kind === 'local' && (target(r) as { path: string }).path.startsWith('electron/engine'))
      .map((r) => `${r.file} imports ${r.spec} (only types may come from the engine)`);
    expect([...bad, ...engineValueImports]).toEqual([]);
  });

  it('the demo-county generator stays pure (it must run in a worker or browser)', () => {
    expect(
      violations('electron/io/demo', ['electron/io/demo', 'electron/domain', 'electron/api'], (n) => !NODE_OR_NATIVE.test(n)),
    ).toEqual([]);
  });

  it('the renderer reaches only electron/api, electron/domain and browser packages', () => {
    const bad = violations('renderer/src', ['renderer/src', 'electron/api', 'electron/domain', 'electron/engine'], (n) => !NODE_OR_NATIVE.test(n));
    // The pure engine runs in the renderer's analysis Web Worker only; the rest of the UI talks to it through messages.
    const engineOutsideWorker = sourceFiles('renderer/src')
      .filter((f) => !f.startsWith(path.join('renderer', 'src', 'analysis')))
      .flatMap(importsOf)
      .filter((r) => !r.typeOnly && target(r).kind === 'local' && (target(r) as { path: string }).path.startsWith('electron/engine'))
      .map((r) => `${r.file} imports ${r.spec} (the engine belongs in renderer/src/analysis)`);
    expect([...bad, ...engineOutsideWorker]).toEqual([]);
  });

  it('the main-side layers never import the renderer (except its pure i18n catalogs) or Electron', () => {
    for (const dir of ['electron/store', 'electron/io', 'electron/service', 'electron/server']) {
      const bad = violations(
        dir,
        ['electron/api', 'electron/domain', 'electron/engine', 'electron/store', 'electron/io', 'electron/service', 'electron/server', 'renderer/src/i18n'],
        (n) => n !== 'electron',
      );
      expect(bad, dir).toEqual([]);
    }
  });

  it('the preload imports only electron and types', () => {
    const bad = sourceFiles('electron/preload')
      .flatMap(importsOf)
      .filter((r) => !r.typeOnly && r.spec !== 'electron' && !r.spec.startsWith('./'))
      .map((r) => `${r.file} imports ${r.spec}`);
    expect(bad).toEqual([]);
  });

  it('engine and domain do not touch DOM globals', () => {
    const bad = [...sourceFiles('electron/engine'), ...sourceFiles('electron/domain')].filter((f) =>
      /\b(document|window|localStorage|navigator)\.\w/.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(bad).toEqual([]);
  });
});
