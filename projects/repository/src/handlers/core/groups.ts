import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import { GroupService, type GroupMemberJson } from '../../services/group-service';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, objectBody, pageOf, bool, str, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';

/** /groups, /groups/{id} and /groups/{id}/members: reading is open to everyone, changes to admins. */
export function groupsRouter(ctx: RepositoryContext): Router {
  const r = Router();
  const { authorities } = ctx;
  const groups = new GroupService(authorities);

  r.get(
    '/groups',
    handle(({ query }) => {
      const paging = parsePaging(query);
      const filter = parseGroupsWhere(query.where);
      const rows = authorities.store
        .allGroups()
        .filter(
          (g) =>
            (filter.isRoot === undefined || groups.isRoot(g.id) === filter.isRoot) &&
            (filter.zone === undefined || (JSON.parse(g.zones) as string[]).includes(filter.zone)) &&
            (filter.displayName === undefined || g.display_name === filter.displayName)
        );
      const sort = parseOrder(query.orderBy, ['id', 'displayName'], 'displayName');
      rows.sort((a, b) => sort.dir * compare(sort.field === 'id' ? a.id : a.display_name, sort.field === 'id' ? b.id : b.display_name));
      const include = includeOf(query);
      return {
        body: pageOf(
          rows.map((g) => groups.toJson(g, include)),
          paging
        )
      };
    })
  );

  r.post(
    '/groups',
    handle(({ caller, query, body }) =>
      inTransaction(ctx.db, () => {
        groups.requireAdmin(caller);
        const b = objectBody(body);
        const rawId = str(b, 'id');
        const displayName = str(b, 'displayName');
        if (!rawId?.trim()) throw errors.invalidArgument('groupId is null or empty');
        if (!displayName?.trim()) throw errors.invalidArgument('displayName is null or empty');
        if (b.parentIds !== undefined && (!Array.isArray(b.parentIds) || b.parentIds.some((p) => typeof p !== 'string')))
          throw errors.invalidArgument('parentIds must be an array of group ids');
        const parentIds = (b.parentIds as string[] | undefined) ?? [];
        for (const p of parentIds) groups.require(p);
        // ACS adds the GROUP_ prefix when the caller leaves it out.
        const id = rawId.startsWith('GROUP_') ? rawId : `GROUP_${rawId}`;
        const g = authorities.insertGroup(id, displayName, str(b, 'description'));
        for (const p of parentIds) authorities.addMember(p, g.id);
        return { status: 201, body: entry(groups.toJson(g, includeOf(query))) };
      })
    )
  );

  r.get(
    '/groups/:groupId',
    handle(({ params, query }) => ({ body: entry(groups.toJson(groups.require(params.groupId), includeOf(query))) }))
  );

  r.put(
    '/groups/:groupId',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        groups.requireAdmin(caller);
        const g = groups.requireMutable(params.groupId);
        const b = objectBody(body);
        const displayName = str(b, 'displayName');
        if (!displayName?.trim()) throw errors.invalidArgument('displayName is null or empty');
        const description = b.description === undefined ? g.description : (str(b, 'description') ?? null);
        authorities.store.renameGroup(g.id, displayName, description);
        return { body: entry(groups.toJson(groups.require(g.id), includeOf(query))) };
      })
    )
  );

  r.delete(
    '/groups/:groupId',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => {
        groups.requireAdmin(caller);
        groups.requireMutable(params.groupId);
        groups.delete(params.groupId, bool(query.cascade, false));
      })
    )
  );

  r.get(
    '/groups/:groupId/members',
    handle(({ params, query }) => {
      if (groups.isSystemGroup(params.groupId)) throw errors.methodNotAllowed(`Cannot list the members of ${params.groupId}`);
      const g = groups.require(params.groupId);
      const paging = parsePaging(query);
      const memberType = parseMemberTypeWhere(query.where);
      const members = authorities
        .directMembers(g.id)
        .map((m) => groups.memberJson(m))
        .filter((m): m is GroupMemberJson => !!m && (!memberType || m.memberType === memberType));
      const sort = parseOrder(query.orderBy, ['id', 'displayName'], 'displayName');
      members.sort((a, b) => sort.dir * compare(sort.field === 'id' ? a.id : a.displayName, sort.field === 'id' ? b.id : b.displayName));
      return { body: pageOf(members, paging) };
    })
  );

  r.post(
    '/groups/:groupId/members',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        groups.requireAdmin(caller);
        const g = groups.requireMutable(params.groupId);
        const b = objectBody(body);
        const id = str(b, 'id');
        const memberType = str(b, 'memberType');
        if (!id) throw errors.invalidArgument('id is required');
        if (memberType !== 'PERSON' && memberType !== 'GROUP')
          throw errors.invalidArgument(`memberType must be PERSON or GROUP: ${memberType}`);
        if ((memberType === 'GROUP') !== id.startsWith('GROUP_'))
          throw errors.invalidArgument(`${id} is not a ${memberType.toLowerCase()}`);
        const member = groups.memberJson(id);
        if (!member) throw errors.notFound(id);
        if (authorities.directMembers(g.id).includes(member.id)) throw errors.conflict(`${member.id} is already a member of ${g.id}`);
        authorities.addMember(g.id, member.id);
        return { status: 201, body: entry(member) };
      })
    )
  );

  r.delete(
    '/groups/:groupId/members/:groupMemberId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        groups.requireAdmin(caller);
        const g = groups.requireMutable(params.groupId);
        const member = groups.memberJson(params.groupMemberId);
        if (!member) throw errors.notFound(params.groupMemberId);
        if (!authorities.removeMember(g.id, member.id)) throw errors.relationshipNotFound(g.id, member.id);
      })
    )
  );

  return r;
}

/** Group names sort as ACS sorts them: case-insensitively. */
function compare(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A single-field orderBy ("displayName DESC"); ACS sorts these lists by one field only. */
function parseOrder(orderBy: string | undefined, fields: string[], fallback: string): { field: string; dir: 1 | -1 } {
  const terms = parseList(orderBy);
  if (!terms.length) return { field: fallback, dir: 1 };
  if (terms.length > 1) throw errors.invalidArgument('Only one order by parameter is supported');
  const [field, dir, extra] = terms[0].split(/\s+/);
  if (!fields.includes(field) || extra !== undefined || (dir !== undefined && !/^(asc|desc)$/i.test(dir)))
    throw errors.invalidArgument(`Invalid orderBy: ${orderBy}`);
  return { field, dir: dir && /^desc$/i.test(dir) ? -1 : 1 };
}

/** where=(isRoot=true AND zones in ('APP.DEFAULT') AND displayName in ('x')), clauses joined by AND only. */
export function parseGroupsWhere(where: string | undefined): { isRoot?: boolean; zone?: string; displayName?: string } {
  const out: { isRoot?: boolean; zone?: string; displayName?: string } = {};
  if (!where) return out;
  const inner = /^\s*\((.*)\)\s*$/s.exec(where)?.[1];
  if (inner === undefined) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  for (const clause of inner.split(/\s+AND\s+/i)) {
    let m: RegExpExecArray | null;
    if ((m = /^\s*isRoot\s*=\s*(true|false)\s*$/i.exec(clause))) out.isRoot = m[1].toLowerCase() === 'true';
    else if ((m = /^\s*zones\s+in\s*\(\s*'([^']*)'\s*\)\s*$/i.exec(clause))) out.zone = m[1];
    else if ((m = /^\s*displayName\s+in\s*\(\s*'([^']*)'\s*\)\s*$/i.exec(clause))) out.displayName = m[1];
    else throw errors.invalidArgument(`Invalid where clause: ${where}`);
  }
  return out;
}

/** where=(memberType='GROUP') or (memberType='PERSON'). */
function parseMemberTypeWhere(where: string | undefined): 'GROUP' | 'PERSON' | undefined {
  if (!where) return undefined;
  const m = /^\s*\(\s*memberType\s*=\s*'?(GROUP|PERSON)'?\s*\)\s*$/.exec(where);
  if (!m) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  return m[1] as 'GROUP' | 'PERSON';
}
