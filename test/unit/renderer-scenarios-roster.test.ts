/** Roster panel rows (renderer/src/panels/scenarios/rosterModel.ts): issues per posting, names, scenario marks. */
import { describe, expect, it } from 'vitest';
import { applyScenario, type RosterIssue, type ScenarioPayload } from '../../electron/domain/planning.js';
import type { Posting } from '../../electron/domain/types.js';
import { rosterIssueText } from '../../renderer/src/i18n/planning-format.js';
import { filterRosterRows, rosterCounts, rosterLevelIssues, rosterRows, termMonths } from '../../renderer/src/panels/scenarios/rosterModel.js';

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
const issue = (postingId: number | null, code: string, rule: string, severity: 'error' | 'warning' = 'error', institution: string | null = null): RosterIssue => ({
  postingId,
  person: postingId === null ? null : `人员${postingId}`,
  institution,
  code,
  rule,
  severity,
  params: {},
});
const names = {
  facility: (c: string) => ({ 'CH-1': '县人民医院', 'THC-1': '城关镇卫生院' })[c] ?? null,
  village: (c: string) => (c === '431299202213' ? '龙岗村' : null),
};

describe('roster rows', () => {
  const postings = [
    posting(1),
    posting(2, { titleLevel: 'junior' }),
    posting(3, { release: 'half', daysPerWeek: 2, toInstitution: null, toVillage: '431299202213' }),
    posting(4, { fromInstitution: 'CDC-X', toInstitution: 'THC-404' }),
  ];
  const issues = [
    issue(2, 'title_below_intermediate', 'T4'),
    issue(3, 'half_release_days', 'P2'),
    issue(3, 'short_term', 'T7', 'warning'),
    issue(null, 'half_release_share', 'P2'),
    issue(null, 'thc_not_covered', 'T7', 'warning', 'THC-2'),
  ];

  it('joins each posting with its issues and worst severity', () => {
    const rows = rosterRows(postings, postings, issues, null, names);
    expect(rows.map((r) => [r.id, r.issues.map((i) => i.rule), r.severity])).toEqual([
      [1, [], null],
      [2, ['T4'], 'error'],
      [3, ['P2', 'T7'], 'error'],
      [4, [], null],
    ]);
  });

  it('names the sending and receiving places, falling back to the code', () => {
    const rows = rosterRows(postings, postings, [], null, names);
    expect(rows[0]).toMatchObject({ fromName: '县人民医院', toName: '城关镇卫生院', toKind: 'institution' });
    expect(rows[2]).toMatchObject({ toName: '龙岗村', toKind: 'village', toCode: '431299202213' });
    expect(rows[3]).toMatchObject({ fromName: 'CDC-X', toName: 'THC-404' });
  });

  it('filters to flagged postings and counts them', () => {
    const rows = rosterRows(postings, postings, issues, null, names);
    expect(filterRosterRows(rows, true).map((r) => r.id)).toEqual([2, 3]);
    expect(filterRosterRows(rows, false)).toHaveLength(4);
    expect(rosterCounts(rows)).toEqual({ flagged: 2, errors: 2, warnings: 1 });
  });

  it('keeps the roster-wide and institution issues apart (the summary strip)', () => {
    expect(rosterLevelIssues(issues).map((i) => i.code)).toEqual(['half_release_share', 'thc_not_covered']);
  });

  it('marks postings the scenario changed, and lists removed ones (without issues) to restore', () => {
    const payload: ScenarioPayload = {
      version: 1,
      facilityEdits: [],
      postingEdits: [
        { op: 'update', id: 3, patch: { daysPerWeek: 3 } },
        { op: 'remove', id: 2 },
      ],
    };
    const applied = applyScenario([], postings, payload).postings;
    const rows = rosterRows(applied, postings, issues, payload, names);
    expect(rows.map((r) => [r.id, r.edited, r.removed, r.daysPerWeek])).toEqual([
      [1, false, false, 5],
      [2, false, true, 5],
      [3, true, false, 3],
      [4, false, false, 5],
    ]);
    expect(rows[1].issues).toEqual([]);
  });

  it('writes the issue text with its rule id', () => {
    expect(rosterIssueText('zh-CN', issue(2, 'title_below_intermediate', 'T4'))).toMatch(/\[T4\]$/);
  });
});

describe('term months', () => {
  it('counts both days: half a year is 6, a year 12', () => {
    expect(termMonths('2026-01-01', '2026-06-30')).toBe(6);
    expect(termMonths('2026-07-01', '2026-12-31')).toBe(6);
    expect(termMonths('2026-01-01', '2026-12-31')).toBe(12);
    expect(termMonths('2026-01-15', '2026-03-14')).toBe(2);
    expect(termMonths('2026-01-01', '2026-01-31')).toBe(1);
  });

  it('is null for bad dates and for an end before the start', () => {
    expect(termMonths('2026-02-30x', '2026-06-30')).toBeNull();
    expect(termMonths('2026-06-30', '2026-01-01')).toBeNull();
  });
});
