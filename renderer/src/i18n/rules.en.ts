import type { planningCommonZh } from './rules.zh-CN.js';

/** en: names of the service modes, tiers, rule units, and the label of every rule in the rules table. */
export const planningCommonEn: typeof planningCommonZh = {
  serviceModes: {
    covered: 'Covered',
    neighbour: 'Neighbour service',
    joint_clinic: 'Joint clinic',
    tour: 'Tour',
    posting: 'Posting',
    county_backfill: 'County backfill',
    undecided: 'Undecided',
  },
  tiers: { '1': 'Tier 1', '2': 'Tier 2', '3': 'Tier 3', unranked: 'Unranked' },
  decisionStatus: { proposed: 'Proposed', accepted: 'Accepted', rejected: 'Rejected', overridden: 'Overridden' },
};
