/**
 * Pendency age buckets (working days held, CSMOP norm 7) as date ranges over eo:heldSince, so the repository
 * counts them with facet queries instead of the client listing every item. Framework-free: the dashboard,
 * the installer's MIS test and the bench share it.
 */
import { officeDaysRange, officeMidnight } from './office-time';
import { WorkingDays } from './working-days';

export type AgeBucketKey = 'upTo7' | 'upTo15' | 'upTo30' | 'upTo90' | 'over90';

/** Upper bounds in working days; the last bucket is open. A design choice noted in the conventions. */
export const AGE_BUCKETS: { key: AgeBucketKey; min: number; max: number | null }[] = [
  { key: 'upTo7', min: 0, max: 7 },
  { key: 'upTo15', min: 8, max: 15 },
  { key: 'upTo30', min: 16, max: 30 },
  { key: 'upTo90', min: 31, max: 90 },
  { key: 'over90', min: 91, max: null }
];

export interface AgeBucketRange {
  key: AgeBucketKey;
  /** Held since on or after this instant (null: no lower bound). */
  from: string | null;
  /** Held since before this instant (null: no upper bound). */
  before: string | null;
  /** AFTS range on eo:heldSince, for a facetQuery or a drill-down filter. */
  query: string;
}

/** The buckets' date ranges on `today`: a case's bucket follows from when it arrived at its holder. */
export function ageBucketRanges(days: WorkingDays, today: string | Date, field = 'eo:heldSince'): AgeBucketRange[] {
  return AGE_BUCKETS.map((b) => {
    // Within max days ⇔ arrived on or after earliestWithin(max); at least min days ⇔ before earliestWithin(min - 1).
    const fromDay = b.max === null ? null : days.earliestWithin(b.max, today);
    const beforeDay = b.min === 0 ? null : days.earliestWithin(b.min - 1, today);
    const from = fromDay && officeMidnight(fromDay);
    const before = beforeDay && officeMidnight(beforeDay);
    return { key: b.key, from, before, query: officeDaysRange(field, fromDay, beforeDay) };
  });
}

/** The bucket of one case (brute force, for tests and for a single item's flag). */
export function ageBucketOf(days: WorkingDays, heldSince: string | Date, today: string | Date): AgeBucketKey {
  const age = days.age(heldSince, today);
  return AGE_BUCKETS.find((b) => b.max === null || age <= b.max)!.key;
}
