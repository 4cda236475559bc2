/**
 * The roster as the township rules read it: the valid postings in force in the roster year, each
 * with its term and the kind of place it goes to; title rules; who counts as what sender.
 */
import { TITLE_RANK } from '../../domain/planning.js';
import { RULES_BY_ID, type RuleValues } from '../../domain/rules.js';
import { TITLE_LEVELS, type Facility, type FacilityLevel, type Posting, type TitleLevel } from '../../domain/types.js';
import { overlapsYear, rosterYear, termDays } from './posting-dates.js';

/** Where a posting goes: a THC (or sub-center), a community center, a village, another facility. */
export type ReceiverKind = 'thc' | 'community' | 'village' | 'other';

export interface RosterEntry {
  posting: Posting;
  term: [number, number];
  receiver: ReceiverKind;
  /** Facility code, or the village code for a village posting. */
  receiverCode: string;
}

/** THCs in the T1-T7 sense: township health centers and county medical sub-centers. */
export const THC_LEVELS: readonly FacilityLevel[] = ['township_hc', 'sub_center'];
/** "County level or above" senders (T1, T2): county hospitals and city hospitals. */
export const COUNTY_OR_ABOVE: readonly FacilityLevel[] = ['county_hospital', 'county_tcm_hospital', 'city_hospital'];

export const isThc = (f: Pick<Facility, 'level'>): boolean => THC_LEVELS.includes(f.level);

export function receiverKind(p: Pick<Posting, 'toInstitution' | 'toVillage'>, facilities: ReadonlyMap<string, Facility>): ReceiverKind {
  if (p.toInstitution !== null) {
    const f = facilities.get(p.toInstitution);
    if (f && isThc(f)) return 'thc';
    if (f && f.level === 'community_hc') return 'community';
    return 'other';
  }
  return 'village';
}

/**
 * Postings with valid dates (and a place to go to) whose term overlaps `year`. Postings with bad
 * input are left out here; the roster check reports them.
 */
export function rosterEntries(postings: readonly Posting[], facilities: ReadonlyMap<string, Facility>, year: number | null): RosterEntry[] {
  if (year === null) return [];
  return postings.flatMap((posting) => {
    const term = termDays(posting);
    const receiverCode = posting.toInstitution ?? posting.toVillage;
    if (!term || receiverCode === null || !overlapsYear(term, year)) return [];
    return [{ posting, term, receiver: receiverKind(posting, facilities), receiverCode }];
  });
}

export function facilityIndex(facilities: readonly Facility[]): Map<string, Facility> {
  return new Map(facilities.map((f) => [f.code, f]));
}

/** The roster year checked: the one asked for, else the year most postings with a valid term start in. */
export const checkedYear = (postings: readonly Posting[], asked?: number): number | null => rosterYear(postings.filter((p) => termDays(p) !== null), asked);

/** A title rule's value (the project's when it is a title level, else the default), recorded in `used`. */
export function titleRule(values: RuleValues, id: string, used?: Record<string, number | string>): TitleLevel {
  const v = values[id];
  const def = RULES_BY_ID.get(id)?.defaultValue;
  const isTitle = (x: unknown): x is TitleLevel => typeof x === 'string' && (TITLE_LEVELS as readonly string[]).includes(x);
  const value = isTitle(v) ? v : isTitle(def) ? def : 'intermediate';
  if (used) used[id] = value;
  return value;
}

export const titleAtLeast = (title: TitleLevel, min: TitleLevel): boolean => (TITLE_RANK[title] ?? 0) >= TITLE_RANK[min];

/** Distinct persons among entries. */
export const personCount = (entries: readonly RosterEntry[]): number => new Set(entries.map((e) => e.posting.person)).size;

/** Profession matches (T2 emergency/surgery, T3 public health): a substring of the roster's profession text. */
export const professionIs = (profession: string, words: readonly string[]): boolean => words.some((w) => profession.toLowerCase().includes(w));
