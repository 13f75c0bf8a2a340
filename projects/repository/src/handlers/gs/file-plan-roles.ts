import { Router } from 'express';
import { handle, list, parsePaging, includeOf } from '../../http/api';
import { errors } from '../../errors/api-error';
import type { RepositoryContext } from '../../services/repository-context';
import { RM } from '../../services/records/file-plan';
import { FILE_PLAN_ROLES, capabilityModel } from '../../services/records/file-plan-roles';
import type { GsServices } from './services';

/** The filter of GET /file-plans/{id}/roles (RMRolesImpl's RolesQueryWalker). */
interface RolesWhere {
  personId?: string;
  systemRoles: boolean;
  capabilities?: string[];
}

/**
 * `(personId='x' AND systemRoles=false AND capabilityName IN ('A', 'B'))`: AND only, these three properties
 * only, no NOT (InvalidArgumentException, 400), as RolesQueryWalker reads it.
 */
export function parseRolesWhere(where: string | undefined): RolesWhere {
  const out: RolesWhere = { systemRoles: true };
  if (!where?.trim()) return out;
  const body = /^\s*\((.*)\)\s*$/s.exec(where)?.[1];
  if (body === undefined) throw errors.invalidArgument(`Invalid query: ${where}`);
  for (const clause of body.split(/\s+and\s+/i)) {
    let m: RegExpExecArray | null;
    if ((m = /^\s*personId\s*=\s*'([^']*)'\s*$/i.exec(clause))) out.personId = m[1];
    else if ((m = /^\s*systemRoles\s*=\s*(true|false)\s*$/i.exec(clause))) out.systemRoles = m[1].toLowerCase() === 'true';
    else if ((m = /^\s*capabilityName\s+in\s*\((.*)\)\s*$/i.exec(clause)))
      out.capabilities = m[1].split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1'));
    else if (/^\s*not\s/i.test(clause)) throw errors.invalidArgument(`Cannot use NOT for ${clause.trim().split(/\s+/)[1] ?? ''}`);
    else throw errors.invalidArgument(`An invalid WHERE query was received. Unsupported Predicate: ${clause.trim()}`);
  }
  return out;
}

/**
 * GET /file-plans/{id}/roles (FilePlanRolesRelation, RMRolesImpl): the file plan's roles sorted by name,
 * each with its capabilities (sorted by name), its role group and, on request, who is in it. A user with no
 * file plan role is refused (403), as AGS's REST tests expect (FilePlanTests#nonRmUserFilePlanRoles).
 */
export function filePlanRolesRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp } = gs;
  r.get(
    '/file-plans/:filePlanId/roles',
    handle(({ caller, params, query }) => {
      const filePlan = fp.lookup(params.filePlanId, RM.filePlan);
      fp.requireCapability(caller, filePlan, 'ViewRecords');
      const where = parseRolesWhere(query.where);
      const include = includeOf(query);
      const paging = parsePaging(query);
      const { roles } = fp;
      const personGroups = where.personId !== undefined ? ctx.authorities.containingGroups(where.personId) : undefined;
      const found = FILE_PLAN_ROLES.filter((role) => where.systemRoles || !role.system)
        .filter((role) => !personGroups || personGroups.has(roles.roleGroup(filePlan.id, role.name)))
        .filter((role) => !where.capabilities?.length || role.capabilities.some((c) => where.capabilities!.includes(c)))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((role) => {
          const group = roles.roleGroup(filePlan.id, role.name);
          const members = ctx.authorities.directMembers(group);
          return {
            name: role.name,
            displayLabel: role.displayLabel,
            capabilities: [...role.capabilities].sort().map(capabilityModel),
            roleGroupName: group,
            groupShortName: group.replace(/^GROUP_/, ''),
            ...(include.has('assignedUsers') ? { assignedUsers: members.filter((m) => !m.startsWith('GROUP_')) } : {}),
            ...(include.has('assignedGroups') ? { assignedGroups: members.filter((m) => m.startsWith('GROUP_')) } : {})
          };
        });
      return { body: list(found.slice(paging.skipCount, paging.skipCount + paging.maxItems), paging, found.length) };
    })
  );
  return r;
}
