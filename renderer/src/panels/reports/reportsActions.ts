/**
 * 文件 → 报表…: the meeting reports (api.writeReport) written where the user says, as PDF or XLSX.
 * The service runs the scenario's analysis (and the tours for the tour and yearly reports) itself.
 */
import type { ApiResults, ReportKind, REPORT_FORMATS } from '../../../../electron/api/schema.js';
import { BASELINE_SCENARIO_ID } from '../../../../electron/domain/planning.js';
import type { TravelMode } from '../../../../electron/domain/rules.js';
import { api, host, rememberPath } from '../../api/index.js';
import { writeAskingToOverwrite } from '../../app/actions.js';
import { translate, type Locale } from '../../i18n/index.js';

export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The dialog offers PDF first: it is what goes on the meeting table. */
export const REPORT_FORMAT_CHOICES: readonly ReportFormat[] = ['pdf', 'xlsx'];

export interface ReportChoice {
  kind: ReportKind;
  format: ReportFormat;
  scenarioId: number;
  mode: TravelMode;
}

/** The suggested file name: the report's title, then the scenario's name unless it is the baseline. */
export function reportFileName(locale: Locale, choice: Pick<ReportChoice, 'kind' | 'format' | 'scenarioId'>, scenarioName: string): string {
  const parts = [translate(locale, `reports.titles.${choice.kind}`)];
  if (choice.scenarioId !== BASELINE_SCENARIO_ID && scenarioName.trim()) parts.push(scenarioName.trim());
  // A bare file name: no folder separators or characters Windows refuses.
  return `${parts.join('-').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}.${choice.format}`;
}

/** Asks where to save (native dialog, or the path modal in a browser) and writes the report; null when cancelled. */
export async function saveReport(locale: Locale, choice: ReportChoice, scenarioName: string): Promise<ApiResults['writeReport'] | null> {
  const path = await host.showSaveDialog(reportFileName(locale, choice, scenarioName), choice.format === 'pdf' ? 'pdf' : 'spreadsheet');
  if (!path) return null;
  if (host.door === 'browser') rememberPath(path);
  const { kind, format, scenarioId, mode } = choice;
  return writeAskingToOverwrite(path, (overwrite) => api.writeReport({ kind, format, path, mode, scenarioId, ...(overwrite ? { overwrite } : {}) }));
}
