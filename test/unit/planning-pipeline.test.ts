/**
 * The planning proposals as every door makes them: the coverage pipeline with the roster and the
 * village polygons (runCoverageAnalysis → document.planning, over the road-graph travel oracle).
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_MODES } from '../../electron/domain/planning.js';
import { defaultRuleValues, type RuleValues } from '../../electron/domain/rules.js';
import { roadInputsFromLayer, runCoverageAnalysis } from '../../electron/engine/analysis.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';

const demo = generateDemoCounty();

function plan(rules: RuleValues = defaultRuleValues()) {
  const { document } = runCoverageAnalysis({
    villages: demo.villages,
    facilities: demo.facilities,
    roads: roadInputsFromLayer(demo.roads),
    townships: demo.townships,
    rules,
    mode: 'car',
    dem: null,
    planning: { postings: demo.postings, villageAreas: demo.villageAreas },
  });
  if (!document.planning) throw new Error('no planning in the document');
  return document.planning;
}

const base = plan();
const modeOf = (p: ReturnType<typeof plan>) => new Map(p.villages.map((v) => [v.code, v.mode]));

describe('planning in the coverage pipeline (demo county, car)', () => {
  it('proposes a mode for every village, and every mode occurs', () => {
    expect(base.villages).toHaveLength(demo.villages.length);
    const modes = new Set(base.villages.map((v) => v.mode));
    for (const m of SERVICE_MODES) expect(modes, m).toContain(m);
  });

  it('ranks THCs into all three tiers, as the demo cases intend (T5)', () => {
    const tier = new Map(base.thcs.map((t) => [t.code, t.tier]));
    for (const c of demo.cases.thcTier1) expect(tier.get(c), c).toBe(1);
    for (const c of demo.cases.thcTier2) expect(tier.get(c), c).toBe(2);
    for (const c of demo.cases.thcTier3) expect(tier.get(c), c).toBe(3);
  });

  it('decides the demo cases: posting far away, a joint clinic, neighbour service near a clinic, backfill for the weak THC', () => {
    const mode = modeOf(base);
    expect(mode.get(demo.cases.largeBlankFar)).toBe('posting');
    expect(mode.get(demo.cases.smallBlankNearNeighbour)).toBe('neighbour');
    // The adjacent pair is 1.5 km apart in a straight line but 52 minutes by road (no road links
    // them directly): 李林村 shares a joint clinic with its other neighbour, 上坪村 uses a neighbour's clinic.
    const [shangping, lilin] = demo.cases.adjacentSmallBlanks;
    expect(mode.get(lilin)).toBe('joint_clinic');
    expect(mode.get(shangping)).toBe('neighbour');
    const remote = base.villages.find((v) => v.code === demo.cases.remoteSmallBlank)!;
    expect([remote.mode, remote.backfillOf]).toEqual(['county_backfill', 'tour']);
    const joint = base.merges.filter((m) => m.kind === 'joint_clinic');
    expect(joint.length).toBeGreaterThan(0);
    for (const m of joint) for (const member of m.members) expect(member.minutes!).toBeLessThanOrEqual(20);
  });

  it('finds the roster breaches planted in the demo', () => {
    const codes = base.roster.issues.map((i) => i.code);
    expect(codes.filter((c) => c === 'title_below').length).toBeGreaterThanOrEqual(3);
    expect(base.roster.summary.subsidyCny).toBeGreaterThan(0);
  });

  it('X.large_village_population 2000 → 2700 changes only the posting village of 2,680 residents', () => {
    const raised = plan({ ...defaultRuleValues(), 'X.large_village_population': 2700 });
    const before = modeOf(base);
    const after = modeOf(raised);
    const changed = [...before].filter(([code, m]) => after.get(code) !== m).map(([code]) => code);
    expect(changed).toEqual([demo.cases.largeBlankFar]);
    expect(['tour', 'county_backfill']).toContain(after.get(demo.cases.largeBlankFar));
  });
});
