/**
 * Command-line door to the same PlannerApi implementation:
 *   npm run cli -- new <file.gpkg> [--demo]
 *   npm run cli -- info <file.gpkg>
 *   npm run cli -- export <file.gpkg> --layer L --format geojson|csv|xlsx --out PATH [--overwrite]
 *   npm run cli -- analyze <file.gpkg> --out DIR [--mode car] [--scenario ID|NAME]
 *     (writes villages.csv/.xlsx, coverage.json, isochrones.geojson and the planning proposals:
 *      proposals.csv, merges.csv, tiers.csv, roster-issues.csv)
 *   npm run cli -- compare <file.gpkg> <scenarioA> <scenarioB> [--mode car] [--out FILE.csv]
 *     (a scenario is an id or a name; 0, baseline or 基线 = the project as is)
 *   npm run cli -- scenario <file.gpkg> list | create NAME [--copy-of ID|NAME] [--description TEXT] | delete ID|NAME
 *   npm run cli -- rules <file.gpkg> list | set ID=VALUE … | reset [ID …]   (all or nothing)
 *   npm run cli -- tours <file.gpkg> --out DIR [--mode car] [--scenario ID|NAME]
 *     (weekly tour plans per THC and the higher-level tours: tours.csv, tours.geojson, notices.csv,
 *      notices/<village code>.txt, higher-tours.csv; prints depots, visits, travel, infeasibilities)
 *   npm run cli -- report <file.gpkg> --kind tours|proposals|tiers|roster|yearly --format xlsx|pdf --out FILE
 *                      [--mode car] [--scenario ID|NAME] [--overwrite]
 *     (one workbook per report, sheets in the locale; pdf: A4 landscape, printed by headless
 *      Chromium / Chrome / Edge, exit 1 with a message when none is found)
 *   npm run cli -- tour-config <file.gpkg> list | set-thc CODE [--teams N] [--days mon,wed,fri] [--hours H]
 *                      [--session H] [--max-travel MIN] [--start HH:MM]   (missing options: stored value or default)
 *   npm run cli -- print <file.gpkg> --out FILE.pdf|.png [--layout NAME|default] [--paper a4|a3]
 *                      [--orientation portrait|landscape] [--atlas townships|thcs] [--map coverage|proposals|plain]
 *                      [--format pdf|png] [--dpi 150|200|300] [--mode car] [--overwrite]
 *     (the print layout in headless Chromium; an atlas has one page per township / THC service area;
 *      png writes one file per page, FILE-01.png …)
 *   npm run cli -- print-templates <file.gpkg> [--delete NAME]
 *     (lists the print layout templates: name, paper, orientation, updated; --delete removes one, undoable)
 *   npm run cli -- import-osm <file.gpkg> <file.osm.pbf|.osm|.osm.gz>
 *   npm run cli -- import-dem <file.gpkg> <dem.hgt|.hgt.zip|.tif>
 *   npm run cli -- import <file.gpkg> <input> --layer L [--crs C] [--encoding E] [--sheet S] [--mode insert|update] [--dry-run] [--skip-invalid]
 *                      [--no-swap] [--reject-outside] [--repair]   (decisions on flagged rows)
 *     (exit 1 when rows were rejected and nothing was written)
 * Messages follow --lang (zh-CN default, en). Exit code 0 on success, 1 on an operation error,
 * 2 on a usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/api/dispatch.js';
import { ApiError } from '../electron/api/errors.js';
import type { ApiMethod, ApiResults, ProjectSummary, RuleSetting, ScenarioSummary } from '../electron/api/schema.js';
import { SERVICE_MODES } from '../electron/domain/planning.js';
import { TRAVEL_MODES } from '../electron/domain/rules.js';
import { formatClock, parseClock, type ThcTourConfig } from '../electron/domain/tours.js';
import { parseWeekdays, tourConfigDefaults } from '../electron/engine/tours/demands.js';
import { toCsv } from '../electron/io/csv.js';
import { writeFileAtomic } from '../electron/io/write-file.js';
import { createPlannerService, type PlannerService } from '../electron/service/service.js';
import { translate, type Locale } from '../renderer/src/i18n/index.js';
import { tourIssueText } from '../renderer/src/i18n/tours-format.js';
import { htmlToPdfWithChromium } from './lib/headless-chromium.js';
import { printWithChromium, PrintFailed } from './lib/print-cli.js';
import { appVersion, dataDir, rendererDist, userHome } from './paths.js';

class UsageError extends Error {}

function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      layer: { type: 'string' },
      kind: { type: 'string' },
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
      scenario: { type: 'string' },
      'copy-of': { type: 'string' },
      description: { type: 'string' },
      teams: { type: 'string' },
      days: { type: 'string' },
      hours: { type: 'string' },
      session: { type: 'string' },
      'max-travel': { type: 'string' },
      start: { type: 'string' },
      delete: { type: 'string' },
      layout: { type: 'string' },
      paper: { type: 'string' },
      orientation: { type: 'string' },
      atlas: { type: 'string' },
      map: { type: 'string' },
      dpi: { type: 'string' },
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

  const service = createPlannerService({ homeDir: userHome(), dataDir, door: 'cli', version: appVersion, htmlToPdf: htmlToPdfWithChromium });
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


  /** A scenario id from an id or a name (0, baseline, 基线 = the project as is). */
  const scenarioId = async (ref: string): Promise<number> => {
    const trimmed = ref.trim();
    if (/^\d+$/.test(trimmed)) return Number(trimmed); // the API checks that it exists
    if (['baseline', '基线', t('cli.baselineName').toLowerCase()].includes(trimmed.toLowerCase())) return 0;
    const matches = (await call('getScenarios', {})).filter((sc) => sc.name === trimmed);
    if (matches.length === 0) throw new Error(t('cli.scenarioUnknown', { scenario: trimmed }));
    if (matches.length > 1) throw new Error(t('cli.scenarioAmbiguous', { scenario: trimmed, ids: matches.map((m) => m.id).join(', ') }));
    return matches[0].id;
  };
  const ruleLabel = (id: string): string => {
    const label = t(`ruleLabels.${id}`);
    return label === `ruleLabels.${id}` ? id : label;
  };
  const printRules = (list: RuleSetting[], ids?: readonly string[]) => {
    for (const r of list.filter((x) => !ids || ids.includes(x.id))) console.log(t('cli.ruleLine', { id: r.id, label: ruleLabel(r.id), value: r.value }));
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
        const scenario = values.scenario === undefined ? undefined : await scenarioId(values.scenario);
        const r = await call('analyzeProject', { mode: values.mode ?? 'car', outDir: need(values.out, '--out'), ...(scenario === undefined ? {} : { scenarioId: scenario }) });
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
        if (r.summary) {
          const counts = [...SERVICE_MODES, 'undecided' as const]
            .filter((m) => r.summary!.villagesByMode[m] > 0)
            .map((m) => `${t(`serviceModes.${m}`)} ${r.summary!.villagesByMode[m]}`);
          console.log(t('cli.planned', { summary: counts.join(locale === 'en' ? ', ' : '、') }));
        } else {
          console.warn(t('cli.planningMissing'));
        }
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
        const problems = r.result.planning?.problems.length ?? 0;
        if (problems) console.warn(t('cli.planningProblems', { count: problems }));
        return 0;
      }
      case 'compare': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const a = await scenarioId(need(positionals[2], '<scenarioA>'));
        const b = await scenarioId(need(positionals[3], '<scenarioB>'));
        const mode = values.mode ?? 'car';
        const r = await call('compareScenarios', { a, b, mode });
        const rows = compareRows(r.a, r.b, t);
        const header = [t('cli.metric'), `A: ${r.a.name}`, `B: ${r.b.name}`, t('cli.delta')];
        console.log(t('cli.compareTitle', { mode, a: r.a.name, b: r.b.name }));
        const width = Math.max(...rows.map(([m]) => displayWidth(m)), displayWidth(header[0])) + 2;
        const cell = (v: string) => v.padStart(14);
        console.log(padDisplay(header[0], width) + cell('A') + cell('B') + cell('Δ'));
        for (const [metric, va, vb, d] of rows) console.log(padDisplay(metric, width) + cell(fmt(va)) + cell(fmt(vb)) + cell(fmtDelta(d)));
        if (values.out) {
          const target = path.resolve(values.out);
          try {
            writeFileAtomic(target, toCsv(header, rows));
          } catch (e) {
            if (e instanceof ApiError) throw new Error(t(`errors.${e.code}`, e.params));
            throw e;
          }
          console.log(t('cli.compareWritten', { path: target }));
        }
        return 0;
      }
      case 'scenario': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const action = positionals[2] ?? 'list';
        if (action === 'list') {
          const list = await call('getScenarios', {});
          if (list.length === 0) console.log(t('cli.scenarioNone'));
          else console.log(t('cli.scenarioHeader'));
          for (const sc of list) {
            const decisions = (await call('getDecisions', { scenarioId: sc.id })).length;
            console.log(
              t('cli.scenarioLine', {
                id: sc.id,
                name: sc.name,
                facilityEdits: sc.payload.facilityEdits.length,
                postingEdits: sc.payload.postingEdits.length,
                decisions,
                createdAt: sc.createdAt.slice(0, 19).replace('T', ' '),
              }),
            );
          }
          return 0;
        }
        if (action === 'create') {
          const name = need(positionals[3], '<name>');
          const copyOf = values['copy-of'] === undefined ? undefined : await scenarioId(values['copy-of']);
          const sc = await call('createScenario', { name, ...(values.description ? { description: values.description } : {}), ...(copyOf === undefined ? {} : { copyOf }) });
          console.log(t('cli.scenarioCreated', { id: sc.id, name: sc.name }));
          return 0;
        }
        if (action === 'delete') {
          const id = await scenarioId(need(positionals[3], '<scenario>'));
          // A scenario whose payload is damaged can still be deleted by id.
          const sc = await call('getScenarios', {}).then((list) => list.find((x) => x.id === id), () => undefined);
          await call('deleteScenario', { id });
          console.log(t('cli.scenarioDeleted', { id, name: sc?.name ?? '' }));
          return 0;
        }
        throw new UsageError(t('cli.badScenarioAction', { value: action }));
      }
      case 'rules': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const action = positionals[2] ?? 'list';
        const args = positionals.slice(3);
        if (action === 'list') {
          printRules(await call('getSettings', {}));
          return 0;
        }
        if (action === 'set') {
          if (args.length === 0) throw new UsageError(t('cli.missingArgument', { name: 'ID=VALUE' }));
          const current = new Map((await call('getSettings', {})).map((r) => [r.id, r]));
          const values: Record<string, number | string> = {};
          for (const a of args) {
            const eq = a.indexOf('=');
            if (eq <= 0) throw new UsageError(t('cli.badRuleAssignment', { value: a }));
            const id = a.slice(0, eq).trim();
            const raw = a.slice(eq + 1).trim();
            // Numeric rules take numbers; anything else goes through as text and the API names the problem.
            values[id] = typeof current.get(id)?.defaultValue === 'number' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
          }
          const list = await call('setRuleValues', { values });
          console.log(t('cli.rulesChanged', { count: Object.keys(values).length }));
          printRules(list, Object.keys(values));
          return 0;
        }
        if (action === 'reset') {
          const list = await call('resetRules', args.length ? { ids: args } : {});
          console.log(t('cli.rulesReset', { count: args.length || list.length }));
          if (args.length) printRules(list, args);
          return 0;
        }
        throw new UsageError(t('cli.badRulesAction', { value: action }));
      }
      case 'tours': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const scenario = values.scenario === undefined ? undefined : await scenarioId(values.scenario);
        const r = await call('planTours', { mode: values.mode ?? 'car', outDir: need(values.out, '--out'), ...(scenario === undefined ? {} : { scenarioId: scenario }) });
        const w = r.plan.week;
        const sum = (f: (x: (typeof w)[number]) => number) => w.reduce((acc, x) => acc + f(x), 0);
        console.log(
          t('cli.toursPlanned', {
            mode: r.plan.mode,
            depots: w.length,
            venues: sum((x) => x.demands.length),
            required: sum((x) => x.totals.visitsRequired),
            planned: sum((x) => x.totals.visitsPlanned),
            hours: round1(sum((x) => x.totals.travelMinutes) / 60),
            km: round1(sum((x) => x.totals.travelKm ?? 0)),
          }),
        );
        const backfill = sum((x) => x.backfill.length);
        if (backfill > 0) console.warn(t('cli.toursInfeasible', { count: backfill }));
        const teamDays = sum((x) => x.totals.extraTeamDaysNeeded);
        if (teamDays > 0) console.warn(t('cli.toursTeamDays', { teamDays }));
        const villageName = new Map(w.flatMap((x) => x.demands.flatMap((d) => d.villageCodes.map((c, i) => [c, d.names[i] ?? c] as const))));
        for (const x of w)
          for (const i of x.issues.filter((is) => is.severity === 'error')) {
            console.warn(t('cli.toursIssue', { depot: x.name, village: i.villageCode ? (villageName.get(i.villageCode) ?? i.villageCode) : '—', issue: tourIssueText(locale, i) }));
          }
        const h = r.plan.higher;
        console.log(t('cli.toursHigher', { county: h.filter((x) => x.kind === 'county_to_thc').length, thc: h.filter((x) => x.kind === 'thc_to_village').length, issues: h.reduce((a, x) => a + x.issues.length, 0) }));
        console.log(t('cli.toursFiles', { count: r.files.length }));
        for (const f of r.files) console.log(`  ${f}`);
        return 0;
      }
      case 'print': {
        const project = path.resolve(need(file, '<file.gpkg>'));
        await call('openProject', { path: project });
        const out = need(values.out, '--out');
        const format = (values.format ?? (/\.png$/i.test(out) ? 'png' : 'pdf')).toLowerCase();
        const paper = values.paper?.toUpperCase();
        const choice = <T extends string>(v: string | undefined, name: string, allowed: readonly T[]): T | undefined => {
          if (v === undefined) return undefined;
          if (!(allowed as readonly string[]).includes(v)) throw new UsageError(t('cli.badChoice', { name, value: v, choices: allowed.join('|') }));
          return v as T;
        };
        choice(format, '--format', ['pdf', 'png'] as const);
        const dpi = choice(values.dpi, '--dpi', ['150', '200', '300'] as const);
        const spec = {
          layout: values.layout ?? 'default',
          paper: choice(paper, '--paper', ['A4', 'A3'] as const),
          orientation: choice(values.orientation, '--orientation', ['portrait', 'landscape'] as const),
          scope: choice(values.atlas, '--atlas', ['townships', 'thcs'] as const) ?? ('county' as const),
          map: choice(values.map, '--map', ['coverage', 'proposals', 'plain'] as const) ?? ('coverage' as const),
          mode: choice(values.mode, '--mode', TRAVEL_MODES),
          dpi: dpi ? Number(dpi) : undefined,
        };
        try {
          const r = await printWithChromium(service, project, rendererDist, { spec, format: format as 'pdf' | 'png', out, overwrite: values.overwrite });
          console.log(t('cli.printed', { pages: r.pages }));
          for (const f of r.files) console.log(`  ${f}`);
          return 0;
        } catch (e) {
          if (!(e instanceof PrintFailed)) throw e;
          const [code, detail] = e.message.split(/:(.*)/s);
          if (code === 'renderer_not_built') throw new Error(t('cli.printNotBuilt'));
          if (code === 'file_exists') throw new Error(t('errors.FILE_EXISTS', { path: detail }));
          if (code === 'no_chromium') throw new Error(t('cli.printNoChromium', { tried: detail }));
          throw new Error(t('cli.printFailed', { message: e.message }));
        }
      }
      case 'report': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const scenario = values.scenario === undefined ? undefined : await scenarioId(values.scenario);
        const r = await call('writeReport', {
          kind: need(values.kind, '--kind'),
          format: need(values.format, '--format'),
          path: need(values.out, '--out'),
          mode: values.mode ?? 'car',
          overwrite: values.overwrite,
          ...(scenario === undefined ? {} : { scenarioId: scenario }),
        });
        console.log(t('cli.reportWritten', { path: r.path }));
        console.log(t('cli.reportSheets', { sheets: r.sheets.join(t('cli.listSeparator')) }));
        return 0;
      }
      case 'tour-config': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const action = positionals[2] ?? 'list';
        const printConfig = (c: { thcs: ThcTourConfig[]; villages: { villageCode: string; allowedDays: string[] | null; venueCode: string | null }[] }) => {
          if (c.thcs.length === 0 && c.villages.length === 0) console.log(t('cli.tourConfigNone'));
          for (const x of c.thcs)
            console.log(t('cli.tourConfigThc', { code: x.thcCode, teams: x.teams, days: x.workingDays.join(','), hours: x.hoursPerDay, session: x.sessionHours, travel: x.maxTravelMinutesPerDay, start: formatClock(x.dayStart) }));
          for (const x of c.villages) console.log(t('cli.tourConfigVillage', { code: x.villageCode, days: x.allowedDays?.join(',') ?? '—', venue: x.venueCode ?? '—' }));
        };
        if (action === 'list') {
          printConfig(await call('getTourConfig', {}));
          return 0;
        }
        if (action === 'set-thc') {
          const code = need(positionals[3], '<code>');
          const stored = (await call('getTourConfig', {})).thcs.find((x) => x.thcCode === code);
          const rules = Object.fromEntries((await call('getSettings', {})).map((x) => [x.id, x.value]));
          const base: ThcTourConfig = stored ?? { thcCode: code, ...tourConfigDefaults(rules) };
          const number = (v: string | undefined, name: string, fallback: number): number => {
            if (v === undefined) return fallback;
            const n = Number(v);
            if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(t('cli.badOption', { name, value: v }));
            return n;
          };
          const days = values.days === undefined ? base.workingDays : parseWeekdays(values.days);
          if (days === null) throw new UsageError(t('cli.badOption', { name: '--days', value: values.days ?? '' }));
          const start = values.start === undefined ? base.dayStart : parseClock(values.start);
          if (start === null) throw new UsageError(t('cli.badOption', { name: '--start', value: values.start ?? '' }));
          const entry: ThcTourConfig = {
            thcCode: code,
            teams: number(values.teams, '--teams', base.teams),
            workingDays: days,
            hoursPerDay: number(values.hours, '--hours', base.hoursPerDay),
            sessionHours: number(values.session, '--session', base.sessionHours),
            maxTravelMinutesPerDay: number(values['max-travel'], '--max-travel', base.maxTravelMinutesPerDay),
            dayStart: start,
          };
          const c = await call('setTourConfig', { thcs: [entry] });
          console.log(t('cli.tourConfigSaved', { code }));
          printConfig({ thcs: c.thcs.filter((x) => x.thcCode === code), villages: [] });
          return 0;
        }
        throw new UsageError(t('cli.badTourConfigAction', { value: action }));
      }
      case 'print-templates': {
        await call('openProject', { path: need(file, '<file.gpkg>') });
        const list = values.delete === undefined ? await call('getPrintTemplates', {}) : await call('deletePrintTemplate', { name: values.delete });
        if (values.delete !== undefined) console.log(t('cli.printTemplateDeleted', { name: values.delete.trim() }));
        if (list.templates.length === 0 && list.damaged.length === 0) console.log(t('cli.printTemplatesNone'));
        else console.log(t('cli.printTemplatesHeader'));
        for (const x of list.templates) {
          const updated = x.updatedAt.slice(0, 19).replace('T', ' ');
          console.log(t('cli.printTemplateLine', { name: x.name, paper: x.layout.paper, orientation: t(`cli.orientations.${x.layout.orientation}`), updated }));
        }
        for (const name of list.damaged) console.log(t('cli.printTemplateDamaged', { name }));
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

/** Terminal columns of a text, counting CJK characters as two. */
function displayWidth(s: string): number {
  return [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
}

/** Pads to a terminal width, counting CJK characters as two columns. */
function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - displayWidth(s)));
}

type Translate = (k: string, p?: Record<string, string | number>) => string;

/** The comparison table: metric, A, B, B − A (one row per figure of ScenarioSummary). */
function compareRows(a: ScenarioSummary, b: ScenarioSummary, t: Translate): [string, number, number, number][] {
  const rows: [string, number, number][] = [
    [t('cli.metrics.blankVillages'), a.blankVillages, b.blankVillages],
    [t('cli.metrics.beyondClinic'), a.populationBeyond.clinic, b.populationBeyond.clinic],
    [t('cli.metrics.beyondThc'), a.populationBeyond.thc, b.populationBeyond.thc],
    [t('cli.metrics.beyondCounty'), a.populationBeyond.county, b.populationBeyond.county],
    ...[...SERVICE_MODES, 'undecided' as const].map(
      (m): [string, number, number] => [t('cli.metrics.villagesByMode', { mode: t(`serviceModes.${m}`) }), a.villagesByMode[m] ?? 0, b.villagesByMode[m] ?? 0],
    ),
    ...(['tourVisitsPerWeek', 'postingStaff', 'backfilledVillages', 'thcPostingGap', 'publicHealthGap', 'newClinics'] as const).map(
      (k): [string, number, number] => [t(`cli.metrics.${k}`), a.staff[k], b.staff[k]],
    ),
    [t('cli.metrics.subsidyCny'), a.subsidyCny, b.subsidyCny],
    [t('cli.metrics.rosterIssues'), a.rosterIssues, b.rosterIssues],
    ...(['1', '2', '3', 'unranked'] as const).map((k): [string, number, number] => [t('cli.metrics.tier', { tier: t(`tiers.${k}`) }), a.tiers[k], b.tiers[k]]),
  ];
  return rows.map(([m, va, vb]) => [m, round1(va), round1(vb), round1(vb - va)]);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const fmt = (x: number): string => x.toLocaleString('en-US');
const fmtDelta = (x: number): string => (x > 0 ? `+${fmt(x)}` : x === 0 ? '0' : fmt(x));

function printSummary(s: ProjectSummary, t: Translate): void {
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
