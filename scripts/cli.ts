/**
 * Command-line door to the same PlannerApi implementation:
 *   npm run cli -- new <file.gpkg> [--demo]
 *   npm run cli -- info <file.gpkg>
 *   npm run cli -- export <file.gpkg> --layer L --format geojson|csv|xlsx --out PATH [--overwrite]
 *   npm run cli -- analyze <file.gpkg> --out DIR [--mode car]
 *   npm run cli -- import-osm <file.gpkg> <file.osm.pbf|.osm|.osm.gz>
 *   npm run cli -- import-dem <file.gpkg> <dem.hgt|.hgt.zip|.tif>
 *   npm run cli -- import <file.gpkg> <input> --layer L [--crs C] [--encoding E] [--sheet S] [--mode insert|update] [--dry-run] [--skip-invalid]
 *                      [--no-swap] [--reject-outside] [--repair]   (decisions on flagged rows)
 *     (exit 1 when rows were rejected and nothing was written)
 * Messages follow --lang (zh-CN default, en). Exit code 0 on success, 1 on an operation error,
 * 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/api/dispatch.js';
import type { ApiMethod, ApiResults, ProjectSummary } from '../electron/api/schema.js';
import { createPlannerService, type PlannerService } from '../electron/service/service.js';
import { translate, type Locale } from '../renderer/src/i18n/index.js';
import { appVersion, dataDir, userHome } from './paths.js';

class UsageError extends Error {}

function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      layer: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      lang: { type: 'string' },
      crs: { type: 'string' },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      'no-swap': { type: 'boolean', default: false },
      'reject-outside': { type: 'boolean', default: false },
      repair: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const locale: Locale = (values.lang ?? process.env.CCP_LANG) === 'en' ? 'en' : 'zh-CN';
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const [command, file] = positionals;
  if (values.help || !command) {
    console.log(t('cli.usage'));
    return Promise.resolve(command || values.help ? 0 : 2);
  }

  const service = createPlannerService({ homeDir: userHome(), dataDir, door: 'cli', version: appVersion });
  void service.setLocale({ locale }); // exported headers follow --lang (the CLI never saves preferences)
  const call = async <M extends ApiMethod>(method: M, args: unknown): Promise<ApiResults[M]> => {
    const r = await dispatch(service, method, args);
    if (!r.ok) throw Object.assign(new Error(t(`errors.${r.error.code}`, r.error.params)), { apiError: r.error });
    return r.value as ApiResults[M];
  };
  const need = (v: string | undefined, name: string): string => {
    if (!v) throw new UsageError(t('cli.missingArgument', { name }));
    return v;
  };

  const run = async (): Promise<number> => {
    switch (command) {
      case 'new': {
        const s = await call('newProject', { path: need(file, '<file.gpkg>'), demo: values.demo });
        console.log(t('cli.created', { path: s.path }));
        printSummary(s, t);
        return 0;
      }
      case 'info': {
        printSummary(await call('openProject', { path: need(file, '<file.gpkg>') }), t);
        return 0;
      }
      case 'export': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const r = await call('exportLayer', {
          layer: need(values.layer, '--layer'),
          format: need(values.format, '--format'),
          path: need(values.out, '--out'),
          overwrite: values.overwrite,
        });
        console.log(t('cli.exported', { count: r.count, path: r.path }));
        return 0;
      }
      case 'analyze': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const r = await call('analyzeProject', { mode: values.mode ?? 'car', outDir: need(values.out, '--out') });
        const c = r.result.county;
        console.log(
          t('cli.analyzed', {
            mode: r.result.mode,
            villages: c.villages,
            blank: c.blank,
            beyondClinic: c.beyond.clinic.villages,
            beyondThc: c.beyond.thc.villages,
            beyondCounty: c.beyond.county.villages,
          }),
        );
        for (const f of r.files) console.log(`  ${f}`);
        const n = r.result.network;
        if (n.issues.length) console.warn(t('cli.warnNetworkIssues', { count: n.issues.length }));
        if (n.offNetworkVillages || n.offNetworkFacilities) {
          console.warn(t('cli.warnOffNetwork', { villages: n.offNetworkVillages, facilities: n.offNetworkFacilities }));
        }
        const unreachable = Object.values(c.unreachable).reduce((a, b) => a + b, 0);
        if (unreachable) console.warn(t('cli.warnUnreachable', { count: unreachable }));
        const slope = r.result.slope;
        if (slope?.dem && slope.coverage < 0.95) console.warn(t('cli.warnDemCoverage', { percent: Math.round(slope.coverage * 100) }));
        return 0;
      }
      case 'import-osm': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const r = await call('importOsm', { path: need(positionals[2], '<osm>') });
        console.log(t('cli.importedOsm', { roads: r.roads, villages: r.villages, facilities: r.facilities, warnings: r.warnings }));
        return 0;
      }
      case 'import-dem': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const r = await call('importDem', { path: need(positionals[2], '<dem>') });
        console.log(t('cli.importedDem', { width: r.width, height: r.height, source: r.source }));
        return 0;
      }
      case 'import': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const input = need(positionals[2], '<input>');
        const options = {
          layer: need(values.layer, '--layer'),
          ...(values.crs ? { crs: values.crs } : {}),
          ...(values.encoding ? { encoding: values.encoding } : {}),
          ...(values.sheet ? { sheet: values.sheet } : {}),
          ...(values.mode ? { mode: values.mode } : {}),
          ...(values['no-swap'] ? { swapSuspected: false } : {}),
          ...(values['reject-outside'] ? { acceptOutside: false } : {}),
          ...(values.repair ? { repairPolygons: true } : {}),
        };
        const p = await call('previewImport', { path: input, options });
        console.log(t('cli.importEncoding', { format: p.format, encoding: p.encoding ?? '-' }));
        console.log(t('cli.importSummary', { rows: p.rows, accepted: p.accepted, inserts: p.inserts, updates: p.updates, rejected: p.rejected }));
        for (const pr of p.problems) console.log(`  ${t(`importProblems.${pr.code}`, pr.params)}`);
        for (const w of p.crsWarnings) console.log(`  ${t('cli.importWarning')}${t(`importProblems.${w.code}`, w.params)}`);
        const fatal = p.problems.some((pr) => pr.row === null && ['empty_file', 'missing_column', 'no_villages'].includes(pr.code));
        if (fatal || (p.rejected > 0 && !values['skip-invalid'])) {
          console.error(t('cli.importNothingWritten', { rejected: p.rejected }));
          return 1;
        }
        if (values['dry-run']) {
          console.log(t('cli.importDryRun'));
          return 0;
        }
        const r = await call('applyImport', { path: input, options, skipInvalid: values['skip-invalid'] });
        console.log(t('cli.importDone', { inserted: r.inserted, updated: r.updated, rejected: r.rejected }));
        return 0;
      }
      default:
        throw new UsageError(t('cli.unknownCommand', { command }));
    }
  };
  return run()
    .catch((e: unknown) => {
      if (e instanceof UsageError) {
        console.error(e.message + '\n\n' + t('cli.usage'));
        return 2;
      }
      console.error(e instanceof Error ? e.message : String(e));
      return 1;
    })
    .finally(() => closeQuietly(service));
}

function closeQuietly(service: PlannerService): void {
  try {
    service.close();
  } catch {
    /* closing after a failed open has nothing to release */
  }
}

/** Pads to a terminal width, counting CJK characters as two columns. */
function padDisplay(s: string, width: number): string {
  const used = [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, width - used));
}

function printSummary(s: ProjectSummary, t: (k: string, p?: Record<string, string | number>) => string): void {
  const b = s.bounds ? s.bounds.map((v) => v.toFixed(5)).join(', ') : '—';
  console.log(`${s.title || s.name}\n${s.path}`);
  console.log(`${t('cli.schemaVersion')}: ${s.schemaVersion}`);
  console.log(`${t('cli.bounds')}: ${b}`);
  const rows: [string, string, number][] = s.layers.map((l) => [l.name, l.geometryType, l.count]);
  rows.push(['postings', '—', s.postings], ['scenarios', '—', s.scenarios]);
  console.log(`${padDisplay(t('cli.layer'), 30)}${t('cli.count')}`);
  for (const [name, type, n] of rows) console.log(`${name.padEnd(16)}${type.padEnd(14)}${n}`);
}

process.exitCode = await main(process.argv.slice(2));
