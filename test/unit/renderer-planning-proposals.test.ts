import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROPOSAL_FILTER,
  countDecisions,
  countModes,
  countTiers,
  effectivePlans,
  filterProposals,
  frequencyText,
  modeText,
  nextSort,
  proposalRows,
  sortProposals,
} from '../../renderer/src/panels/planning/proposalModel.js';
import { capacityTotals, partsText, sortTierRows, tierRows } from '../../renderer/src/panels/planning/tierModel.js';
import { planningDetailRows } from '../../renderer/src/panels/detailRows.js';
import { T1, sampleLayers } from './renderer-fixtures.js';
import { V, decision, samplePlanning } from './renderer-planning-fixtures.js';

const layers = sampleLayers();

function rowsWith(decisions: Record<string, ReturnType<typeof decision>> = {}) {
  return proposalRows(effectivePlans(samplePlanning(), decisions), layers, 'zh-CN');
}

describe('proposal rows', () => {
  it('carry the township name, the feature id, the reason in words and why a proposal is missing', () => {
    const rows = rowsWith();
    const b = rows.find((r) => r.code === V.B)!;
    expect(b.townshipName).toBe('东岭镇');
    expect(b.id).toBe(2);
    expect(b.reason).toBe('人口 620 < 800，距邻村卫生室（上坪村）9 分钟 ≤ 15 → 邻村延伸服务 [V4]');
    const d = rows.find((r) => r.code === V.D)!;
    expect(d.proposedMode).toBeNull();
    expect(d.missing).toEqual(['缺少人口数据']);
    expect(d.reason).toBe('无法建议：缺少人口数据');
    // Not in the villages layer: no id to select.
    expect(rows.find((r) => r.name === '龙岗村')!.id).toBeNull();
  });

  it('show the decision: override mode and frequency, rejected → no mode, stale when the proposal changed', () => {
    const rows = rowsWith({
      [V.C]: decision(V.C, { action: 'override', mode: 'posting', postingDaysPerWeek: 5, reason: '村医离岗', proposedMode: 'tour' }),
      [V.B]: decision(V.B, { action: 'reject', reason: '路况差', proposedMode: 'tour' }),
    });
    const c = rows.find((r) => r.code === V.C)!;
    expect([c.proposedMode, c.effectiveMode, c.status, c.stale]).toEqual(['tour', 'posting', 'overridden', false]);
    expect(frequencyText('zh-CN', c)).toBe('每周 5 天');
    const b = rows.find((r) => r.code === V.B)!;
    expect([b.effectiveMode, b.status, b.stale]).toEqual([null, 'rejected', true]);
  });
});

describe('filtering and sorting proposals', () => {
  const rows = rowsWith({ [V.C]: decision(V.C, { action: 'accept', proposedMode: 'tour' }) });

  it('filters by effective mode, "none", status, township, stale and text (name or code)', () => {
    const codes = (f: Partial<typeof EMPTY_PROPOSAL_FILTER>) => filterProposals(rows, { ...EMPTY_PROPOSAL_FILTER, ...f }).map((r) => r.name);
    expect(codes({})).toHaveLength(5);
    expect(codes({ mode: 'tour' })).toEqual(['石门村']);
    expect(codes({ mode: 'none' })).toEqual(['新安安置点']);
    expect(codes({ status: 'accepted' })).toEqual(['石门村']);
    expect(codes({ status: 'proposed', mode: 'posting' })).toEqual(['龙岗村']);
    expect(codes({ township: '500101002' })).toEqual([]);
    expect(codes({ township: T1 })).toHaveLength(5);
    expect(codes({ text: '坪' })).toEqual(['上坪村', '下坪村']);
    expect(codes({ text: ' 203 ' })).toEqual(['石门村']);
    expect(codes({ staleOnly: true })).toEqual([]);
  });

  it('sorts by population (largest first, missing last either way), mode order and name', () => {
    const pop = (dir: 'asc' | 'desc') => sortProposals(rows, { key: 'population', dir }).map((r) => r.population);
    expect(pop('desc')).toEqual([12345, 2680, 700, 620, null]);
    expect(pop('asc')).toEqual([620, 700, 2680, 12345, null]);
    expect(sortProposals(rows, { key: 'proposed', dir: 'asc' }).map((r) => r.proposedMode)).toEqual(['covered', 'neighbour', 'tour', 'posting', null]);
    expect(sortProposals(rows, { key: 'status', dir: 'desc' })[0].status).toBe('accepted');
    expect(sortProposals(rows, { key: 'frequency', dir: 'desc' }).map((r) => r.name).slice(0, 2)).toEqual(['龙岗村', '石门村']);
  });

  it('flips the direction on the same column; population starts largest first', () => {
    expect(nextSort({ key: 'code', dir: 'asc' }, 'code')).toEqual({ key: 'code', dir: 'desc' });
    expect(nextSort({ key: 'code', dir: 'asc' }, 'population')).toEqual({ key: 'population', dir: 'desc' });
    expect(nextSort({ key: 'population', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
});

describe('counts for the planning panel', () => {
  it('counts villages per effective mode, tiers, decisions, stale and missing', () => {
    const plans = effectivePlans(samplePlanning(), {
      [V.C]: decision(V.C, { action: 'override', mode: 'posting', postingDaysPerWeek: 5, reason: 'x', proposedMode: 'neighbour' }),
      [V.B]: decision(V.B, { action: 'reject', reason: 'y', proposedMode: 'neighbour' }),
    });
    expect(countModes(plans)).toEqual({ covered: 1, neighbour: 0, joint_clinic: 0, tour: 0, posting: 2, county_backfill: 0, undecided: 2 });
    expect(countDecisions(plans)).toEqual({ decided: 2, stale: 1, missing: 1 });
    expect(countTiers(samplePlanning().thcs)).toEqual({ '1': 0, '2': 1, '3': 0, unranked: 0 });
  });

  it('names modes, with what the county hospital backfills', () => {
    expect(modeText('zh-CN', 'county_backfill', 'tour')).toBe('县医院补位（县医院代巡诊）');
    expect(modeText('en', null)).toBe('Undecided');
    expect(frequencyText('zh-CN', { visitsPerWeek: null, postingDaysPerWeek: 5, postingMinMonths: 6 })).toBe('每周 5 天，至少 6 个月');
    expect(frequencyText('en', { visitsPerWeek: 2, postingDaysPerWeek: null, postingMinMonths: null })).toBe('2 visits/week');
  });
});

describe('tier rows', () => {
  it('name the supporting hospital from the facilities layer and join the capacity', () => {
    const [row] = sortTierRows(tierRows(samplePlanning(), layers, 'zh-CN'));
    expect(row.supportingName).toBe('上坪村卫生室');
    expect(row.id).toBe(15);
    expect(row.needs).toContain('[T7]');
    expect(row.reason).toContain('第二梯次');
    expect(row.capacity?.demandDays).toBe(7);
    const missing = samplePlanning();
    missing.thcs[0].supportingHospital = 'F999';
    expect(tierRows(missing, layers, 'zh-CN')[0].supportingName).toBe('F999（未找到）');
    expect(capacityTotals(samplePlanning().capacity)).toEqual({ capacityDays: 4, demandDays: 7, backfilledVillages: 0 });
  });

  it('write the score parts with a deduction as a minus', () => {
    expect(partsText({ capability: 25, population: 15, staff: 20, remoteness: -5 })).toBe('25+15+20−5');
    expect(partsText({ capability: 50, population: 24.4, staff: 25, remoteness: 0 })).toBe('50+24+25+0');
  });
});

describe('planning rows of the detail pane', () => {
  it('show a village mode, reason, merge and decision, and a THC tier, hospital and needs', () => {
    const planning = samplePlanning();
    const b = layers.villages!.features[1];
    const rows = planningDetailRows('villages', b, planning, { [V.B]: decision(V.B, { action: 'reject', reason: '路况差', proposedMode: 'neighbour' }) }, layers, 'zh-CN');
    const byField = Object.fromEntries(rows.map((r) => [r.field, r.value]));
    expect(byField['planning.proposed']).toBe('邻村延伸服务');
    expect(byField['planning.mode']).toBe('未定');
    expect(byField['planning.status']).toBe('已拒绝');
    expect(byField['planning.decisionReason']).toBe('路况差');
    expect(byField['planning.merge']).toBe('邻村延伸服务，承接村 上坪村，1 个村');
    const thc = layers.facilities!.features.find((f) => f.id === 15)!;
    const trows = Object.fromEntries(planningDetailRows('facilities', thc, planning, {}, layers, 'zh-CN').map((r) => [r.field, r.value]));
    expect(trows['planning.tier']).toBe('第二梯次');
    expect(trows['planning.supporting']).toBe('上坪村卫生室');
    expect(trows['planning.postings']).toBe('1 / 0');
    expect(planningDetailRows('roads', layers.roads!.features[0], planning, {}, layers, 'zh-CN')).toEqual([]);
  });
});
