/**
 * Escalation (issue 19): an item held beyond the norm (the hierarchy's escalation.normDays, CSMOP's 7 working
 * days) or past its due date appears on the dashboard of the post its holder reports to. The movement workflow
 * lets that post read the item when the holder's due-date or norm timer fires (config/workflow/src/notices.js);
 * this query finds, with the officer's own permissions, the items of the posts reporting to his that are over.
 * Framework-free: the extension's dashboard and the repository's tests use the same request.
 */
import { escalationRules, postGroup, type Hierarchy } from './hierarchy';
import { officeDay, officeMidnight } from './office-time';
import { seriesItems } from './series-scope';
import { WorkingDays } from './working-days';

const q = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;

/** The post codes that report to any of `posts` (codes), in the hierarchy's order. */
export function reportingPosts(h: Hierarchy, posts: string[]): string[] {
  return h.posts.filter((p) => p.reportsTo && posts.includes(p.reportsTo)).map((p) => p.code);
}

/**
 * AFTS for the escalated items of the posts reporting to `posts` on the office day `today`: registered, in
 * movement, held by such a post, and either held since before the day a case must have arrived to be within the
 * norm, or due before today. Null when no post reports to them (nothing to ask).
 */
export function escalatedQuery(h: Hierarchy, site: string, posts: string[], days: WorkingDays, today: string | Date): string | null {
  const below = reportingPosts(h, posts);
  if (!below.length) return null;
  const day = officeDay(today);
  const { normDays } = escalationRules(h);
  const within = officeMidnight(days.earliestWithin(normDays, day));
  return [
    seriesItems(site, ['receipt', 'file']),
    '=eo:status:"inMovement"',
    `(${below.map((code) => `=eo:currentHolder:${q(postGroup(h, code))}`).join(' OR ')})`,
    `(eo:heldSince:[MIN TO ${q(within)}> OR eo:dueDate:[MIN TO ${q(day)}>)`
  ].join(' AND ');
}

/** The search body of the escalated items, oldest holding first (POST /search/versions/1/search). */
export function escalatedRequest(
  h: Hierarchy,
  site: string,
  posts: string[],
  days: WorkingDays,
  today: string | Date,
  page: { skipCount: number; maxItems: number }
) {
  const query = escalatedQuery(h, site, posts, days, today);
  if (!query) return null;
  return {
    query: { query, language: 'afts' },
    include: ['properties'],
    sort: [{ type: 'FIELD', field: 'eo:heldSince', ascending: true }],
    paging: page
  };
}
