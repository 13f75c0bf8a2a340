import type { Caller } from '../auth/caller';
import type { AuthorityService, GroupRow } from './authority-service';
import { EVERYONE } from './authority-service';
import { errors } from '../errors/api-error';

export interface GroupMemberJson {
  id: string;
  displayName: string;
  memberType: 'GROUP' | 'PERSON';
}

/**
 * Groups as the core API shows them: the Group and GroupMember JSON, admin-only changes and
 * cascading deletes. Storage and transitive membership stay in AuthorityService.
 */
export class GroupService {
  constructor(private readonly authorities: AuthorityService) {}

  /** GROUP_EVERYONE is implicit (every person is in it): ACS refuses to change or enumerate it. */
  isSystemGroup(id: string): boolean {
    return id === EVERYONE;
  }

  require(id: string): GroupRow {
    const g = this.authorities.group(id);
    if (!g) throw errors.notFound(id);
    return g;
  }

  requireAdmin(caller: Caller): void {
    if (!caller.isAdmin) throw errors.permissionDenied();
  }

  /** Refuses changes to GROUP_EVERYONE (409), then answers 404 for unknown groups. */
  requireMutable(id: string): GroupRow {
    if (this.isSystemGroup(id)) throw errors.conflict(`Cannot modify the system group ${id}`);
    return this.require(id);
  }

  isRoot(id: string): boolean {
    return this.authorities.directParents(id).length === 0;
  }

  /** The Group JSON; parentIds, zones, hasSubgroups and description only when asked for (include). */
  toJson(g: GroupRow, include: Set<string>): Record<string, unknown> {
    const out: Record<string, unknown> = { id: g.id, displayName: g.display_name, isRoot: this.isRoot(g.id) };
    if (include.has('parentIds')) out.parentIds = this.authorities.directParents(g.id);
    if (include.has('zones')) out.zones = JSON.parse(g.zones);
    if (include.has('hasSubgroups')) out.hasSubgroups = this.authorities.directMembers(g.id).some((m) => m.startsWith('GROUP_'));
    if (include.has('description') && g.description) out.description = g.description;
    return out;
  }

  /** A person or group as a member entry; undefined when the authority no longer exists. */
  memberJson(id: string): GroupMemberJson | undefined {
    if (id.startsWith('GROUP_')) {
      const g = this.authorities.group(id);
      return g ? { id: g.id, displayName: g.display_name, memberType: 'GROUP' } : undefined;
    }
    const p = this.authorities.person(id);
    return p ? { id: p.id, displayName: this.authorities.displayName(p.id), memberType: 'PERSON' } : undefined;
  }

  /** Deletes a group; with cascade its sub-groups (not people) go too, recursively. */
  delete(id: string, cascade: boolean): void {
    if (cascade) {
      for (const m of this.authorities.directMembers(id)) if (m.startsWith('GROUP_') && this.authorities.group(m)) this.delete(m, true);
    }
    this.authorities.deleteGroup(id);
  }
}
