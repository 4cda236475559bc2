/** Roster-wide P2 rules: the half-release share of posted people, and people per post per year. */
import type { RosterIssue } from '../../domain/planning.js';
import type { RuleReader } from '../rule-values.js';
import type { RosterEntry } from './roster-view.js';

/** Share (0..1) of posted people on half release (a person with any half-release posting counts as half). */
export function halfReleaseShare(entries: readonly RosterEntry[]): { half: number; people: number; share: number } {
  const people = new Set(entries.map((e) => e.posting.person));
  const half = new Set(entries.filter((e) => e.posting.release === 'half').map((e) => e.posting.person));
  return { half: half.size, people: people.size, share: people.size > 0 ? half.size / people.size : 0 };
}

/** P2 half release for at most P2.half_release_max_share percent of posted people. */
export function checkHalfReleaseShare(entries: readonly RosterEntry[], rules: RuleReader): RosterIssue[] {
  const max = rules.number('P2.half_release_max_share');
  const { half, people, share } = halfReleaseShare(entries);
  if (share * 100 <= max + 1e-9) return [];
  const params = { half, people, percent: Math.round(share * 1000) / 10, max };
  return [{ postingId: null, person: null, institution: null, code: 'half_release_share', rule: 'P2.half_release_max_share', severity: 'error', params }];
}

/**
 * P2 a post (same receiving institution or village, same profession) rotates between at most
 * P2.max_people_per_post_year people in the roster year.
 */
export function checkPeoplePerPost(entries: readonly RosterEntry[], rules: RuleReader): RosterIssue[] {
  const max = rules.number('P2.max_people_per_post_year');
  const posts = new Map<string, RosterEntry[]>();
  for (const e of entries) {
    const key = `${e.receiverCode}\u0000${e.posting.profession}`;
    posts.set(key, [...(posts.get(key) ?? []), e]);
  }
  return [...posts.values()].flatMap((list) => {
    const people = [...new Set(list.map((e) => e.posting.person))];
    if (people.length <= max) return [];
    const first = list[0];
    const params = { to: first.receiverCode, profession: first.posting.profession, people: people.length, max, persons: people.join('、') };
    return [{ postingId: null, person: null, institution: first.posting.toInstitution, code: 'too_many_people_per_post', rule: 'P2.max_people_per_post_year', severity: 'error' as const, params }];
  });
}
