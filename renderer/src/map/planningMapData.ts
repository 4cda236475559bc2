/**
 * What the proposals map draws: village dots by effective service mode, merge links (member →
 * host) with the host ringed, and THCs ringed by support tier. Pure: built from the planning
 * document, the decisions (as effective plans) and the project layers; the MapController only
 * sets the data.
 */
import type { Feature, FeatureCollection } from '../../../electron/api/schema.js';
import type { EffectiveVillagePlan, MergeProposal, ThcTier } from '../../../electron/domain/planning.js';
import type { LayerData } from '../state/derived.js';
import { PLANNING_COLORS, SERVICE_MODE_COLORS, TIER_COLORS } from './palette.js';

export interface PlanningVillageProps {
  code: string;
  name: string;
  population: number;
  /** Effective mode, or 'none' (no proposal, or rejected). */
  mode: string;
  status: string;
  stale: boolean;
  color: string;
  stroke: string;
  strokeWidth: number;
}

export interface MergeLinkProps {
  mergeId: number;
  kind: 'neighbour' | 'joint_clinic';
  member: string;
  host: string;
  minutes: number | null;
  color: string;
}

export interface MergeHostProps {
  mergeId: number;
  kind: 'neighbour' | 'joint_clinic';
  host: string;
  name: string;
  members: number;
  color: string;
}

export interface ThcTierProps {
  code: string;
  name: string;
  tier: '1' | '2' | '3' | 'unranked';
  /** "1" / "2" / "3" / "" drawn beside the THC. */
  label: string;
  color: string;
  supportingHospital: string | null;
  supportingName: string | null;
}

export interface PlanningMapData {
  villages: FeatureCollection<PlanningVillageProps>;
  links: FeatureCollection<MergeLinkProps>;
  hosts: FeatureCollection<MergeHostProps>;
  thcs: FeatureCollection<ThcTierProps>;
}

const EMPTY = <P>(): FeatureCollection<P> => ({ type: 'FeatureCollection', features: [] });

export const EMPTY_PLANNING_MAP: PlanningMapData = { villages: EMPTY(), links: EMPTY(), hosts: EMPTY(), thcs: EMPTY() };

function villagePoints(layers: LayerData): Map<string, { id: number; coordinates: [number, number]; population: number }> {
  const out = new Map<string, { id: number; coordinates: [number, number]; population: number }>();
  for (const f of layers.villages?.features ?? []) {
    if (f.geometry.type !== 'Point') continue;
    out.set(f.properties.code, { id: f.id, coordinates: f.geometry.coordinates, population: f.properties.population });
  }
  return out;
}

export function modeColor(mode: string): string {
  return (SERVICE_MODE_COLORS as Record<string, string>)[mode] ?? PLANNING_COLORS.none;
}

export function planningVillageFeatures(plans: readonly EffectiveVillagePlan[], layers: LayerData): FeatureCollection<PlanningVillageProps> {
  const points = villagePoints(layers);
  const features: Feature<PlanningVillageProps>[] = [];
  for (const plan of plans) {
    const pt = points.get(plan.proposal.code);
    if (!pt) continue;
    const mode = plan.mode ?? 'none';
    const overridden = plan.status === 'overridden';
    features.push({
      type: 'Feature',
      // The village's own feature id, so a click on the dot selects the village.
      id: pt.id,
      geometry: { type: 'Point', coordinates: pt.coordinates },
      properties: {
        code: plan.proposal.code,
        name: plan.proposal.name,
        population: plan.proposal.population ?? pt.population ?? 0,
        mode,
        status: plan.status,
        stale: plan.stale,
        color: modeColor(mode),
        stroke: overridden ? PLANNING_COLORS.overriddenStroke : mode === 'none' ? PLANNING_COLORS.noneStroke : mode === 'covered' ? PLANNING_COLORS.coveredStroke : PLANNING_COLORS.stroke,
        strokeWidth: overridden ? 2.4 : mode === 'none' ? 1.6 : 1,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

const linkColor = (kind: MergeProposal['kind']) => (kind === 'neighbour' ? PLANNING_COLORS.neighbourLink : PLANNING_COLORS.jointLink);

/** Effective mode by village code: a member whose decision moved it to another mode is no longer linked. */
export type ModeByCode = ReadonlyMap<string, string | null>;

function memberInForce(m: MergeProposal, code: string, modes: ModeByCode | undefined): boolean {
  if (!modes || !modes.has(code)) return true;
  return modes.get(code) === m.kind;
}

/** One line from each member village to its host (the host itself has none); members decided otherwise are left out. */
export function mergeLinkFeatures(merges: readonly MergeProposal[], layers: LayerData, modes?: ModeByCode): FeatureCollection<MergeLinkProps> {
  const points = villagePoints(layers);
  const features: Feature<MergeLinkProps>[] = [];
  let id = 1;
  for (const m of merges) {
    const host = points.get(m.hostCode)?.coordinates ?? m.hostLocation;
    for (const member of m.members) {
      if (member.code === m.hostCode || !memberInForce(m, member.code, modes)) continue;
      const from = points.get(member.code)?.coordinates;
      if (!from) continue;
      features.push({
        type: 'Feature',
        id: id++,
        geometry: { type: 'LineString', coordinates: [from, [host[0], host[1]]] },
        properties: { mergeId: m.id, kind: m.kind, member: member.code, host: m.hostCode, minutes: member.minutes, color: linkColor(m.kind) },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The host of each merge still in force (at least one member served by it), ringed. */
export function mergeHostFeatures(merges: readonly MergeProposal[], layers: LayerData, modes?: ModeByCode): FeatureCollection<MergeHostProps> {
  const points = villagePoints(layers);
  return {
    type: 'FeatureCollection',
    features: merges.filter((m) => m.members.some((x) => x.code !== m.hostCode && memberInForce(m, x.code, modes))).map((m) => {
      const at = points.get(m.hostCode)?.coordinates ?? m.hostLocation;
      return {
        type: 'Feature',
        id: m.id,
        geometry: { type: 'Point', coordinates: [at[0], at[1]] },
        properties: { mergeId: m.id, kind: m.kind, host: m.hostCode, name: m.hostName, members: m.members.length, color: linkColor(m.kind) },
      };
    }),
  };
}

/** THCs (township health centers and sub-centers) at their facility's position, by tier. */
export function thcTierFeatures(thcs: readonly ThcTier[], layers: LayerData): FeatureCollection<ThcTierProps> {
  const facilities = new Map((layers.facilities?.features ?? []).map((f) => [f.properties.code, f]));
  const features: Feature<ThcTierProps>[] = [];
  for (const t of thcs) {
    const f = facilities.get(t.code);
    if (!f || f.geometry.type !== 'Point') continue;
    const tier = t.tier === null ? 'unranked' : (String(t.tier) as '1' | '2' | '3');
    const supporting = t.supportingHospital ? (facilities.get(t.supportingHospital)?.properties.name ?? null) : null;
    features.push({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: {
        code: t.code,
        name: t.name,
        tier,
        label: t.tier === null ? '' : String(t.tier),
        color: TIER_COLORS[tier],
        supportingHospital: t.supportingHospital,
        supportingName: supporting,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function planningMapData(plans: readonly EffectiveVillagePlan[], merges: readonly MergeProposal[], thcs: readonly ThcTier[], layers: LayerData): PlanningMapData {
  const modes: ModeByCode = new Map(plans.map((p) => [p.proposal.code, p.mode]));
  return {
    villages: planningVillageFeatures(plans, layers),
    links: mergeLinkFeatures(merges, layers, modes),
    hosts: mergeHostFeatures(merges, layers, modes),
    thcs: thcTierFeatures(thcs, layers),
  };
}
