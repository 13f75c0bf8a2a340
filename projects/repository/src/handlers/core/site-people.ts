import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { PeopleService } from '../../services/people-service';
import type { Caller } from '../../auth/caller';
import type { SiteService, SiteRow } from '../../services/site-service';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, objectBody, pageOf, str } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { visibleSites, sortSites, roleOf } from './site-query';
import { inTransaction } from '../../persistence/database';
import type { MembershipRequestRow } from '../../persistence/site-store';

/**
 * A person's side of sites: their memberships (/people/{id}/sites), membership requests (moderated
 * sites wait for a manager's approval; public ones are joined at once), and favourite sites.
 */
export function sitePeopleRouter(
  ctx: RepositoryContext,
  sites: SiteService,
  people: PeopleService,
  leaveSite: (caller: Caller, site: SiteRow, personId: string) => void
): Router {
  const r = Router();
  const { authorities } = ctx;
  const personOf = (caller: Caller, id: string) => authorities.requirePerson(id === '-me-' ? caller.userId : id).id;
  /** Requests and favourites are private to their person (administrators see everyone's). */
  const ownData = (caller: Caller, id: string) => {
    const pid = personOf(caller, id);
    if (pid !== caller.userId && !caller.isAdmin) throw errors.permissionDenied();
    return pid;
  };

  // ---- memberships of a person ----
  const siteRoleJson = (caller: Caller, site: SiteRow, role: string) => ({
    site: sites.toJson(caller, site),
    id: site.id,
    guid: site.node_id,
    role
  });

  r.get(
    '/people/:personId/sites',
    handle(({ caller, params, query }) => {
      const pid = personOf(caller, params.personId);
      const paging = parsePaging(query);
      const rows = visibleSites(sites, caller, query.where)
        .map((s) => ({ site: s, role: sites.personRole(pid, s) }))
        .filter((x): x is { site: SiteRow; role: NonNullable<typeof x.role> } => !!x.role);
      sortSites(rows, query.orderBy, ['id', 'title', 'role'], 'title', (x, f) =>
        f === 'role' ? x.role : String(x.site[f as 'id' | 'title'])
      );
      return {
        body: pageOf(
          rows.map((x) => siteRoleJson(caller, x.site, x.role)),
          paging
        )
      };
    })
  );

  r.get(
    '/people/:personId/sites/:siteId',
    handle(({ caller, params }) => {
      const pid = personOf(caller, params.personId);
      const site = sites.visible(caller, params.siteId);
      const role = sites.personRole(pid, site);
      if (!role) throw errors.relationshipNotFound(pid, site.id);
      return { body: entry(siteRoleJson(caller, site, role)) };
    })
  );

  r.delete(
    '/people/:personId/sites/:siteId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => leaveSite(caller, sites.visible(caller, params.siteId), personOf(caller, params.personId)))
    )
  );

  // ---- membership requests ----
  const requestJson = (caller: Caller, row: MembershipRequestRow, withPerson: boolean) => {
    const site = sites.get(row.site_id)!;
    const out: Record<string, unknown> = { id: site.id, createdAt: row.created_at, site: sites.toJson(caller, site) };
    if (withPerson) out.person = people.toJson(authorities.requirePerson(row.person_id));
    if (row.message) out.message = row.message;
    return out;
  };
  const requestOf = (pid: string, site: SiteRow) => {
    const row = ctx.sites.membershipRequest(site.id, pid);
    if (!row) throw errors.relationshipNotFound(pid, site.id);
    return row;
  };

  r.post(
    '/people/:personId/site-membership-requests',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const pid = ownData(caller, params.personId);
        const all = Array.isArray(body) ? body.map(objectBody) : [objectBody(body)];
        const created = all.map((b) => {
          const siteId = str(b, 'id');
          const message = str(b, 'message');
          if (!siteId) throw errors.invalidArgument('id is required');
          const site = sites.visible(caller, siteId);
          // Nobody asks to join a private site: its managers invite people.
          if (site.visibility === 'PRIVATE') throw errors.notFound(siteId);
          if (sites.personRole(pid, site)) throw errors.invalidArgument(`${pid} is already a member of site ${site.id}`);
          if (ctx.sites.hasMembershipRequest(site.id, pid))
            throw errors.invalidArgument(`${pid} has already asked to join site ${site.id}`);
          const row: MembershipRequestRow = { site_id: site.id, person_id: pid, message: message ?? null, created_at: alfDate() };
          if (site.visibility === 'PUBLIC') sites.addMember(site, pid, 'SiteConsumer');
          else ctx.sites.insertMembershipRequest(row);
          return requestJson(caller, row, false);
        });
        return { status: 201, body: Array.isArray(body) ? pageOf(created, { skipCount: 0, maxItems: 100 }) : entry(created[0]) };
      })
    )
  );

  r.get(
    '/people/:personId/site-membership-requests',
    handle(({ caller, params, query }) => {
      const pid = ownData(caller, params.personId);
      const rows = ctx.sites.membershipRequestsOf(pid);
      return {
        body: pageOf(
          rows.map((row) => requestJson(caller, row, false)),
          parsePaging(query)
        )
      };
    })
  );

  r.get(
    '/people/:personId/site-membership-requests/:siteId',
    handle(({ caller, params }) => {
      const pid = ownData(caller, params.personId);
      return { body: entry(requestJson(caller, requestOf(pid, sites.visible(caller, params.siteId)), false)) };
    })
  );

  r.put(
    '/people/:personId/site-membership-requests/:siteId',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const pid = ownData(caller, params.personId);
        const row = requestOf(pid, sites.visible(caller, params.siteId));
        const message = str(objectBody(body), 'message') ?? null;
        ctx.sites.setMembershipRequestMessage(row.site_id, pid, message);
        return { body: entry(requestJson(caller, { ...row, message }, false)) };
      })
    )
  );

  r.delete(
    '/people/:personId/site-membership-requests/:siteId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const pid = ownData(caller, params.personId);
        const row = requestOf(pid, sites.visible(caller, params.siteId));
        ctx.sites.deleteMembershipRequest(row.site_id, pid);
      })
    )
  );

  // Requests a caller can act on: those for sites they manage.
  r.get(
    '/site-membership-requests',
    handle(({ caller, query }) => {
      const paging = parsePaging(query);
      const filter: { siteId?: string; personId?: string } = {};
      if (query.where) {
        const inner = /^\s*\((.*)\)\s*$/s.exec(query.where)?.[1];
        if (inner === undefined) throw errors.invalidArgument(`Invalid where clause: ${query.where}`);
        for (const clause of inner.split(/\s+AND\s+/i)) {
          const m = /^\s*(siteId|personId)\s*=\s*'?([^'\s]+)'?\s*$/.exec(clause);
          if (!m) throw errors.invalidArgument(`Invalid where clause: ${query.where}`);
          filter[m[1] as 'siteId' | 'personId'] = m[2];
        }
      }
      const rows = ctx.sites.allMembershipRequests().filter((row) => {
        const site = sites.get(row.site_id);
        return (
          !!site &&
          sites.isManager(caller, site) &&
          (!filter.siteId || site.id.toLowerCase() === filter.siteId.toLowerCase()) &&
          (!filter.personId || row.person_id.toLowerCase() === filter.personId.toLowerCase())
        );
      });
      return {
        body: pageOf(
          rows.map((row) => requestJson(caller, row, true)),
          paging
        )
      };
    })
  );

  const decide = (approve: boolean) =>
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const site = sites.visible(caller, params.siteId);
        const pid = authorities.requirePerson(params.inviteeId).id;
        sites.requireManager(caller, site);
        const row = requestOf(pid, site);
        const b = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
        if (approve) sites.addMember(site, pid, b.role === undefined || b.role === null || b.role === '' ? 'SiteConsumer' : roleOf(b.role));
        ctx.sites.deleteMembershipRequest(row.site_id, pid);
        return { status: 200 };
      })
    );
  r.post('/sites/:siteId/site-membership-requests/:inviteeId/approve', decide(true));
  r.post('/sites/:siteId/site-membership-requests/:inviteeId/reject', decide(false));

  // ---- favourite sites (the older API beside /favorites) ----
  r.get(
    '/people/:personId/favorite-sites',
    handle(({ caller, params, query }) => {
      const pid = ownData(caller, params.personId);
      const rows = sites.favoriteSites(pid).filter((s) => sites.canSee(caller, s));
      return {
        body: pageOf(
          rows.map((s) => sites.toJson(caller, s)),
          parsePaging(query)
        )
      };
    })
  );

  r.post(
    '/people/:personId/favorite-sites',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const pid = ownData(caller, params.personId);
        const all = Array.isArray(body) ? body.map(objectBody) : [objectBody(body)];
        const created = all.map((b) => {
          const siteId = str(b, 'id');
          if (!siteId) throw errors.invalidArgument('id is required');
          const site = sites.visible(caller, siteId);
          if (!sites.addFavorite(pid, site)) throw errors.conflict(`Site ${site.id} is already a favourite of ${pid}`);
          return { id: site.id };
        });
        return { status: 201, body: Array.isArray(body) ? pageOf(created, { skipCount: 0, maxItems: 100 }) : entry(created[0]) };
      })
    )
  );

  const favorite = (caller: Caller, personId: string, siteId: string) => {
    const pid = ownData(caller, personId);
    const site = sites.visible(caller, siteId);
    if (!sites.isFavorite(pid, site)) throw errors.relationshipNotFound(pid, site.id);
    return { pid, site };
  };
  r.get(
    '/people/:personId/favorite-sites/:siteId',
    handle(({ caller, params }) => ({ body: entry(sites.toJson(caller, favorite(caller, params.personId, params.siteId).site)) }))
  );
  r.delete(
    '/people/:personId/favorite-sites/:siteId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const { pid, site } = favorite(caller, params.personId, params.siteId);
        sites.removeFavorite(pid, site);
      })
    )
  );

  return r;
}
