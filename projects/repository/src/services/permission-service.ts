import type { Db } from '../persistence/database';
import type { NodeRow } from '../persistence/node-row';
import type { Caller } from '../auth/caller';
import type { AuthorityService } from './authority-service';
import { errors } from '../errors/api-error';
import { AclChains } from '../persistence/acl-chains';
import { AclEntries, type AceRow, type ReadFilter } from '../persistence/acl-entries';

export type { AceRow } from '../persistence/acl-entries';

export type Permission = 'Read' | 'Write' | 'AddChildren' | 'Delete' | 'ReadPermissions' | 'ChangePermissions';

/** What each of Alfresco's roles allows (site roles mirror the plain ones). */
export const ROLE_PERMISSIONS: Record<string, Permission[]> = {
  Consumer: ['Read'],
  Editor: ['Read', 'Write'],
  Contributor: ['Read', 'AddChildren'],
  Collaborator: ['Read', 'Write', 'AddChildren'],
  Coordinator: ['Read', 'Write', 'AddChildren', 'Delete', 'ReadPermissions', 'ChangePermissions'],
  SiteConsumer: ['Read'],
  SiteContributor: ['Read', 'AddChildren'],
  SiteCollaborator: ['Read', 'Write', 'AddChildren'],
  SiteManager: ['Read', 'Write', 'AddChildren', 'Delete', 'ReadPermissions', 'ChangePermissions'],
  // Alfresco's low-level permission groups, accepted in locallySet as ACS accepts them.
  Read: ['Read'],
  Write: ['Write'],
  Delete: ['Delete'],
  AddChildren: ['AddChildren'],
  ReadPermissions: ['ReadPermissions'],
  ChangePermissions: ['ChangePermissions'],
  All: ['Read', 'Write', 'AddChildren', 'Delete', 'ReadPermissions', 'ChangePermissions'],
  FullControl: ['Read', 'Write', 'AddChildren', 'Delete', 'ReadPermissions', 'ChangePermissions']
};
/** The roles that include Read (a listing's read filter looks for entries of these). */
const READ_ROLES = Object.keys(ROLE_PERMISSIONS).filter((r) => ROLE_PERMISSIONS[r].includes('Read'));
export const SETTABLE_ROLES = ['Contributor', 'Collaborator', 'Coordinator', 'Editor', 'Consumer'];
export const SITE_ROLES = ['SiteManager', 'SiteCollaborator', 'SiteContributor', 'SiteConsumer'];

/**
 * Evaluates permissions the way Alfresco does: ACL entries set on a node apply to it and, while
 * inheritance is on, to everything below it; the owner has full control; administrators pass every check.
 * Nodes that share an ACL (node.acl_id) share one evaluation, which is what keeps listings and search fast.
 */
export class PermissionService {
  /** Effective entries by ACL (the seq of the node defining it). */
  private aclCache = new Map<number, AceRow[]>();
  private grantCache = new Map<string, Set<Permission>>();
  private cacheGeneration = -1;

  /** The nodes' own entries (kept in memory there, dropped on any change and on rollback). */
  readonly acl: AclEntries;

  constructor(
    db: Db,
    private readonly authorities: AuthorityService
  ) {
    new AclChains(db).ensureBuilt();
    this.acl = new AclEntries(db, READ_ROLES);
  }

  /** Called after any ACL or inheritance change. */
  invalidate(): void {
    this.aclCache.clear();
    this.grantCache.clear();
  }

  private sync(): void {
    if (this.cacheGeneration !== this.authorities.generation) {
      this.invalidate();
      this.cacheGeneration = this.authorities.generation;
    }
  }

  localEntries(nodeId: string): readonly AceRow[] {
    return this.acl.localEntries(nodeId);
  }

  /** All entries in force for an ACL (node.acl_id; its own first, then inherited ones, nearest first). */
  effectiveEntries(aclId: number): AceRow[] {
    this.sync();
    const cached = this.aclCache.get(aclId);
    if (cached) return cached;
    const entries: AceRow[] = [];
    let currentAcl: number | null = aclId;
    const seen = new Set<number>();
    while (currentAcl !== null && !seen.has(currentAcl)) {
      seen.add(currentAcl);
      entries.push(...this.acl.aclEntries(currentAcl));
      const owner = this.acl.aclOwner(currentAcl);
      if (!owner || !owner.inherits) break;
      const parentId = owner.parent_id ?? owner.archived_parent_id;
      if (!parentId) break;
      currentAcl = this.acl.aclOf(parentId) ?? null;
    }
    this.aclCache.set(aclId, entries);
    return entries;
  }

  /** Permissions granted to the caller by an ACL, ignoring ownership. */
  private granted(caller: Caller, aclId: number): Set<Permission> {
    this.sync(); // a membership change must reach cached grants too, not only cached ACLs
    const key = `${caller.userId}\u0000${aclId}`;
    const cached = this.grantCache.get(key);
    if (cached) return cached;
    const allowed = new Set<Permission>();
    const denied = new Set<string>();
    // Nearest entries win: a DENIED entry set lower down hides an ALLOWED one inherited from above.
    for (const ace of this.effectiveEntries(aclId)) {
      if (!caller.authorities.has(ace.authority)) continue;
      const key2 = `${ace.permission}`;
      if (ace.allowed) {
        if (!denied.has(key2)) for (const p of ROLE_PERMISSIONS[ace.permission] ?? []) allowed.add(p);
      } else denied.add(key2);
    }
    this.grantCache.set(key, allowed);
    return allowed;
  }

  isOwner(caller: Caller, node: NodeRow): boolean {
    return (node.owner ?? node.created_by) === caller.userId;
  }

  has(caller: Caller, node: NodeRow, permission: Permission): boolean {
    if (caller.isAdmin) return true;
    if (this.isOwner(caller, node) && node.type !== 'cm:person') return true;
    return this.granted(caller, node.acl_id).has(permission);
  }

  require(caller: Caller, node: NodeRow, permission: Permission): void {
    if (!this.has(caller, node, permission)) throw errors.permissionDenied();
  }

  /**
   * A predicate over node alias `alias` (for a listing or search to AND into its statement) keeping the rows
   * the caller may read: as `has(…, 'Read')` decides, evaluated per row in SQL (AclEntries.readFilter).
   */
  readFilter(caller: Caller, alias: string): ReadFilter {
    return this.acl.readFilter(caller.isAdmin ? 'everything' : { userId: caller.userId, authorities: caller.authorities }, alias);
  }

  allowableOperations(caller: Caller, node: NodeRow): string[] {
    const ops: string[] = [];
    // A lock held by someone else (or a read-only lock) takes update and delete away, as in ACS.
    const lockedOut = !!node.locked_by && (node.locked_by !== caller.userId || node.lock_type === 'READ_ONLY_LOCK');
    if (!lockedOut && this.has(caller, node, 'Delete')) ops.push('delete');
    if (node.is_folder && this.has(caller, node, 'AddChildren')) ops.push('create');
    if (!lockedOut && this.has(caller, node, 'Write')) ops.push('update');
    if (this.has(caller, node, 'ChangePermissions')) ops.push('updatePermissions');
    return ops;
  }
}
