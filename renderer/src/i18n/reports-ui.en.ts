import type { reportsUiZh } from './reports-ui.zh-CN.js';

/** en catalog section `reportsUi` (merged into en.ts); same keys as the zh-CN section. */
export const reportsUiEn: typeof reportsUiZh = {
  commands: {
    open: 'Reports…',
  },
  title: 'Reports',
  intro: 'Runs the analysis again for the chosen scenario and travel mode and writes a report for meetings; every proposal and figure carries its rule id and policy source.',
  kind: 'Report',
  kinds: {
    tours: {
      name: 'Tour schedule',
      description: 'For each township health centre and team, the stops of each day with arrival, departure and travel; a notice per village; the higher-level tour plans.',
    },
    proposals: {
      name: 'Planning proposals',
      description: 'The proposed service for each village (covered, neighbour, joint clinic, tour, posting, county backfill), the decisions, rule ids and reasons; merged villages.',
    },
    tiers: {
      name: 'Health-centre tiers',
      description: 'Each township health centre’s tier and score parts, supporting hospital, postings needed, public health gap and county secondments (T1–T8).',
    },
    roster: {
      name: 'Posting roster',
      description: 'Every posting (person, title, sending institution, destination, term, release) and the rules it breaks (P1–P4, T4, T7, T8).',
    },
    yearly: {
      name: 'Yearly summary',
      description: 'Villages by service mode, tour visits a year, posted staff and person-months, subsidy and staff gaps, each with its rule basis (D1).',
    },
  },
  format: 'Format',
  formats: {
    pdf: 'PDF (A4 landscape, ready to print)',
    xlsx: 'XLSX (Excel workbook, editable)',
  },
  scenario: 'Scenario',
  mode: 'Travel mode',
  save: 'Make and save…',
  close: 'Close',
  running: 'Making the report… ({seconds} s)',
  written: 'Report saved: {path}',
  sheets: 'Contents: {sheets}',
  failed: 'No report written: {message}',
  listSeparator: ', ',
};
