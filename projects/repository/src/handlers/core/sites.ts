import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { PeopleService } from '../../services/people-service';
import type { Caller } from '../../auth/caller';
import { SiteService, type SiteRow, type SiteRole, type SiteMembership } from '../../services/site-service';
import { visibleSites, sortSites, roleOf } from './site-query';
import { GroupService } from '../../services/group-service';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, objectBody, pageOf, bool, str, type Paging } from '../../http/api';
import { sitePeopleRouter } from './site-people';
import { inTransaction } from '../../persistence/database';

/** /sites/**: sites, their containers, person and group members, and approving membership requests. */
export function sitesRouter(ctx: RepositoryContext, nodes: NodeService, people: PeopleService): Router {
  const r = Router();
  const sites = new SiteService(ctx, nodes);
  const groups = new GroupService(ctx.authorities);
  const personId = (caller: Caller, id: string) => ctx.authorities.requirePerson(id === '-me-' ? caller.userId : id).id;

  const memberJson = (site: SiteRow, m: SiteMembership) => ({
    id: m.authority,
    person: people.toJson(ctx.authorities.requirePerson(m.authority)),
    role: m.role,
    isMemberOfGroup: m.viaGroup
  });
  const groupMemberJson = (m: SiteMembership) => ({ id: m.authority, group: groups.memberJson(m.authority)!, role: m.role });
  const personMembers = (site: SiteRow) =>
    sites.memberships(site).filter((m) => !m.authority.startsWith('GROUP_') && ctx.authorities.person(m.authority));
  const groupMembers = (site: SiteRow) =>
    sites.memberships(site).filter((m) => m.authority.startsWith('GROUP_') && ctx.authorities.group(m.authority));
  const containersJson = (site: SiteRow) => sites.containers(site).map(({ id, folderId }) => ({ id, folderId }));
  const whole: Paging = { skipCount: 0, maxItems: 100 };

  /** relations=containers,members adds those lists beside the site, as ADF's site pickers ask. */
  const relationsOf = (site: SiteRow, relations: string[]) => {
    if (!relations.length) return undefined;
    const out: Record<string, unknown> = {};
    for (const rel of relations) {
      if (rel === 'containers') out.containers = pageOf(containersJson(site), whole);
      else if (rel === 'members')
        out.members = pageOf(
          personMembers(site).map((m) => memberJson(site, m)),
          whole
        );
      else throw errors.invalidArgument(`Invalid relation: ${rel}`);
    }
    return out;
  };

  r.get(
    '/sites',
    handle(({ caller, query }) => {
      const paging = parsePaging(query);
      const rows = visibleSites(sites, caller, query.where);
      sortSites(rows, query.orderBy, ['id', 'title', 'description'], 'title');
      const relations = parseList(query.relations);
      const pageRows = rows.slice(paging.skipCount, paging.skipCount + paging.maxItems);
      const body = list(
        pageRows.map((s) => sites.toJson(caller, s)),
        paging,
        rows.length
      );
      if (relations.length)
        body.list.entries = pageRows.map((s) => ({
          entry: sites.toJson(caller, s),
          relations: relationsOf(s, relations)
        })) as typeof body.list.entries;
      return { body };
    })
  );

  r.post(
    '/sites',
    handle(({ caller, query, body }) =>
      inTransaction(ctx.db, () => {
        const site = sites.create(caller, objectBody(body), { skipAddToFavorites: bool(query.skipAddToFavorites, false) });
        bool(query.skipConfiguration, false); // Share's surf configuration is not kept here: nothing to skip.
        return { status: 201, body: entry(sites.toJson(caller, site)) };
      })
    )
  );

  r.get(
    '/sites/:siteId',
    handle(({ caller, params, query }) => {
      const site = sites.visible(caller, params.siteId);
      const relations = relationsOf(site, parseList(query.relations));
      return { body: relations ? { entry: sites.toJson(caller, site), relations } : entry(sites.toJson(caller, site)) };
    })
  );

  r.put(
    '/sites/:siteId',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const b = objectBody(body);
        for (const k of Object.keys(b))
          if (!['title', 'description', 'visibility'].includes(k)) throw errors.invalidArgument(`Unrecognized field "${k}"`);
        const site = sites.update(caller, sites.visible(caller, params.siteId), b);
        return { body: entry(sites.toJson(caller, site)) };
      })
    )
  );

  r.delete(
    '/sites/:siteId',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => sites.delete(caller, sites.visible(caller, params.siteId), bool(query.permanent, false)))
    )
  );

  r.get(
    '/sites/:siteId/containers',
    handle(({ caller, params, query }) => ({ body: pageOf(containersJson(sites.visible(caller, params.siteId)), parsePaging(query)) }))
  );

  r.get(
    '/sites/:siteId/containers/:containerId',
    handle(({ caller, params }) => {
      const site = sites.visible(caller, params.siteId);
      const c = containersJson(site).find((x) => x.id === params.containerId);
      if (!c) throw errors.relationshipNotFound(site.id, params.containerId);
      return { body: entry(c) };
    })
  );

  // ---- people as members ----
  r.get(
    '/sites/:siteId/members',
    handle(({ caller, params, query }) => {
      const site = sites.visible(caller, params.siteId);
      const m = query.where ? /^\s*\(\s*isMemberOfGroup\s*=\s*(true|false)\s*\)\s*$/i.exec(query.where) : undefined;
      if (m === null) throw errors.invalidArgument(`Invalid where clause: ${query.where}`);
      const members = personMembers(site).filter((x) => !m || x.viaGroup === (m[1].toLowerCase() === 'true'));
      members.sort((a, b) => a.authority.localeCompare(b.authority));
      return {
        body: pageOf(
          members.map((x) => memberJson(site, x)),
          parsePaging(query)
        )
      };
    })
  );

  /** POST of one membership or a list: a site manager adds each; `add` checks the id and answers its entry. */
  const addMembers = (add: (caller: Caller, site: SiteRow, id: string, role: SiteRole) => unknown) =>
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const site = sites.visible(caller, params.siteId);
        sites.requireManager(caller, site);
        const created = bodies(body).map((b) => {
          const { id, role } = membershipBody(b);
          return add(caller, site, id, role);
        });
        return { status: 201, body: Array.isArray(body) ? pageOf(created, whole) : entry(created[0]) };
      })
    );

  r.post(
    '/sites/:siteId/members',
    addMembers((caller, site, id, role) => {
      if (id.startsWith('GROUP_')) throw errors.invalidArgument(`Use /sites/${site.id}/group-members for groups: ${id}`);
      const person = ctx.authorities.requirePerson(id === '-me-' ? caller.userId : id);
      sites.addMember(site, person.id, role);
      return memberJson(site, { authority: person.id, role, viaGroup: false });
    })
  );

  const personMembership = (caller: Caller, site: SiteRow, id: string) => {
    const pid = personId(caller, id);
    const m = personMembers(site).find((x) => x.authority === pid);
    if (!m) throw errors.relationshipNotFound(site.id, pid);
    return m;
  };

  r.get(
    '/sites/:siteId/members/:personId',
    handle(({ caller, params }) => {
      const site = sites.visible(caller, params.siteId);
      return { body: entry(memberJson(site, personMembership(caller, site, params.personId))) };
    })
  );

  r.put(
    '/sites/:siteId/members/:personId',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const site = sites.visible(caller, params.siteId);
        const role = roleOf(objectBody(body).role);
        const pid = personMembership(caller, site, params.personId).authority;
        // The definitions answer 422 for a caller who may not change memberships.
        if (!sites.isManager(caller, site)) throw errors.integrity('Only site managers can change the roles of site members');
        if (!sites.directRole(site, pid)) sites.addMember(site, pid, role);
        else sites.setRole(site, pid, role);
        return { body: entry(memberJson(site, personMembers(site).find((x) => x.authority === pid)!)) };
      })
    )
  );

  r.delete(
    '/sites/:siteId/members/:personId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => leaveSite(caller, sites.visible(caller, params.siteId), personId(caller, params.personId)))
    )
  );

  /** Managers remove anyone; every member may leave (ACS lets people leave a site on their own). */
  const leaveSite = (caller: Caller, site: SiteRow, pid: string) => {
    if (!sites.directRole(site, pid)) throw errors.relationshipNotFound(site.id, pid);
    if (pid !== caller.userId && !sites.isManager(caller, site)) throw errors.integrity('Only site managers can remove other site members');
    sites.removeMember(site, pid);
  };

  // ---- groups as members ----
  r.get(
    '/sites/:siteId/group-members',
    handle(({ caller, params, query }) => {
      const site = sites.visible(caller, params.siteId);
      const members = groupMembers(site).sort((a, b) => a.authority.localeCompare(b.authority));
      return { body: pageOf(members.map(groupMemberJson), parsePaging(query)) };
    })
  );

  r.post(
    '/sites/:siteId/group-members',
    addMembers((_caller, site, id, role) => {
      if (!id.startsWith('GROUP_')) throw errors.invalidArgument(`Not a group id: ${id}`);
      groups.require(id);
      sites.addMember(site, id, role);
      return groupMemberJson({ authority: id, role, viaGroup: false });
    })
  );

  const groupMembership = (site: SiteRow, groupId: string) => {
    groups.require(groupId);
    const m = groupMembers(site).find((x) => x.authority === groupId);
    if (!m) throw errors.relationshipNotFound(site.id, groupId);
    return m;
  };

  r.get(
    '/sites/:siteId/group-members/:groupId',
    handle(({ caller, params }) => ({
      body: entry(groupMemberJson(groupMembership(sites.visible(caller, params.siteId), params.groupId)))
    }))
  );

  r.put(
    '/sites/:siteId/group-members/:groupId',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const site = sites.visible(caller, params.siteId);
        const role = roleOf(objectBody(body).role);
        groupMembership(site, params.groupId);
        if (!sites.isManager(caller, site)) throw errors.integrity('Only site managers can change the roles of site members');
        sites.setRole(site, params.groupId, role);
        return { body: entry(groupMemberJson(groupMembership(site, params.groupId))) };
      })
    )
  );

  r.delete(
    '/sites/:siteId/group-members/:groupId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const site = sites.visible(caller, params.siteId);
        groupMembership(site, params.groupId);
        if (!sites.isManager(caller, site)) throw errors.integrity('Only site managers can remove site members');
        sites.removeMember(site, params.groupId);
      })
    )
  );

  r.use(sitePeopleRouter(ctx, sites, people, leaveSite));
  return r;
}

function bodies(body: unknown): Record<string, unknown>[] {
  const all = Array.isArray(body) ? body.map(objectBody) : [objectBody(body)];
  if (!all.length) throw errors.invalidArgument('Could not read content from HTTP request body');
  return all;
}

function membershipBody(b: Record<string, unknown>): { id: string; role: SiteRole } {
  const id = str(b, 'id');
  if (!id) throw errors.invalidArgument('id is required');
  return { id, role: roleOf(b.role) };
}
