/** Parameter parsing shared by the site rooms: roles, where clauses and orderBy over sites. */
import { errors } from '../../errors/api-error';
import { parseList } from '../../http/api';
import type { Caller } from '../../auth/caller';
import { isSiteRole, checkVisibility, type SiteRole, type SiteRow, type SiteService } from '../../services/site-service';

export function roleOf(role: unknown): SiteRole {
  if (!isSiteRole(role))
    throw errors.invalidArgument(`Invalid site role: ${String(role)} (SiteManager, SiteCollaborator, SiteContributor or SiteConsumer)`);
  return role;
}

/** where=(visibility='PUBLIC'), (preset='site-dashboard'), or both joined by AND. */
export function parseSitesWhere(where: string | undefined): { visibility?: string; preset?: string } {
  const out: { visibility?: string; preset?: string } = {};
  if (!where) return out;
  const inner = /^\s*\((.*)\)\s*$/s.exec(where)?.[1];
  if (inner === undefined) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  for (const clause of inner.split(/\s+AND\s+/i)) {
    const m = /^\s*(visibility|preset)\s*=\s*'?([^'\s]*)'?\s*$/.exec(clause);
    if (!m) throw errors.invalidArgument(`Invalid where clause: ${where}`);
    if (m[1] === 'visibility') out.visibility = checkVisibility(m[2]);
    else out.preset = m[2];
  }
  return out;
}

/** orderBy over site fields ("title DESC,id"); ties keep the next field's order. */
export function sortSites<T>(
  rows: T[],
  orderBy: string | undefined,
  fields: string[],
  fallback: string,
  pick: (row: T, field: string) => string = (row, f) => String((row as Record<string, unknown>)[f] ?? '')
): void {
  const terms = (parseList(orderBy).length ? parseList(orderBy) : [fallback]).map((t) => {
    const [field, dir, extra] = t.split(/\s+/);
    if (!fields.includes(field) || extra !== undefined || (dir !== undefined && !/^(asc|desc)$/i.test(dir)))
      throw errors.invalidArgument(`Invalid orderBy: ${orderBy}`);
    return { field, dir: dir && /^desc$/i.test(dir) ? -1 : 1 };
  });
  rows.sort((a, b) => {
    for (const t of terms) {
      const c = pick(a, t.field).localeCompare(pick(b, t.field), undefined, { sensitivity: 'base' });
      if (c) return t.dir * c;
    }
    return 0;
  });
}

/** The sites a caller may see that match a `where` on visibility and preset (GET /sites, /people/{id}/sites). */
export function visibleSites(sites: SiteService, caller: Caller, where: string | undefined): SiteRow[] {
  const filter = parseSitesWhere(where);
  return sites
    .all()
    .filter(
      (s) =>
        sites.canSee(caller, s) &&
        (!filter.visibility || s.visibility === filter.visibility) &&
        (!filter.preset || s.preset === filter.preset)
    );
}
