import type { Db } from '../persistence/database';
import type { NodeRow } from '../persistence/node-row';
import type { Caller } from '../auth/caller';
import type { AuthorityService } from './authority-service';
import { errors } from '../errors/api-error';

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
export const SETTABLE_ROLES = ['Contributor', 'Collaborator', 'Coordinator', 'Editor', 'Consumer'];
export const SITE_ROLES = ['SiteManager', 'SiteCollaborator', 'SiteContributor', 'SiteConsumer'];

export interface AceRow {
  node_id: string;
  authority: string;
  permission: string;
  allowed: number;
}

/**
 * Evaluates permissions the way Alfresco does: ACL entries set on a node apply to it and, while
 * inheritance is on, to everything below it; the owner has full control; administrators pass every check.
 * Nodes that share an ACL (node.acl_id) share one evaluation, which is what keeps listings and search fast.
 */
export class PermissionService {
  private aclCache = new Map<string, AceRow[]>();
  private grantCache = new Map<string, Set<Permission>>();
  private cacheGeneration = -1;

  constructor(
    private readonly db: Db,
    private readonly authorities: AuthorityService
  ) {}

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

  localEntries(nodeId: string): AceRow[] {
    return this.db.prepare('SELECT * FROM ace WHERE node_id = ? ORDER BY authority, permission').all(nodeId) as AceRow[];
  }

  /** All entries in force for an ACL (its own first, then inherited ones, nearest first). */
  effectiveEntries(aclId: string): AceRow[] {
    this.sync();
    const cached = this.aclCache.get(aclId);
    if (cached) return cached;
    const entries: AceRow[] = [];
    let currentAcl: string | null = aclId;
    const seen = new Set<string>();
    while (currentAcl && !seen.has(currentAcl)) {
      seen.add(currentAcl);
      entries.push(...this.localEntries(currentAcl));
      const owner = this.db.prepare('SELECT inherits, parent_id, archived_parent_id FROM node WHERE id = ?').get(currentAcl) as
        | { inherits: number; parent_id: string | null; archived_parent_id: string | null }
        | undefined;
      if (!owner || !owner.inherits) break;
      const parentId = owner.parent_id ?? owner.archived_parent_id;
      if (!parentId) break;
      const parent = this.db.prepare('SELECT acl_id FROM node WHERE id = ?').get(parentId) as { acl_id: string } | undefined;
      currentAcl = parent?.acl_id ?? null;
    }
    this.aclCache.set(aclId, entries);
    return entries;
  }

  /** Permissions granted to the caller by an ACL, ignoring ownership. */
  private granted(caller: Caller, aclId: string): Set<Permission> {
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

  /** ACL ids the caller can read among those in use: the basis of permission-aware listings and search. */
  readableAcls(caller: Caller): string[] {
    const acls = this.db.prepare('SELECT DISTINCT acl_id FROM node').pluck().all() as string[];
    return acls.filter((acl) => this.granted(caller, acl).has('Read'));
  }

  /** SQL predicate over node alias `alias` restricting rows to what the caller may read. */
  readFilter(caller: Caller, alias: string): { sql: string; params: unknown[] } {
    if (caller.isAdmin) return { sql: '1=1', params: [] };
    const acls = this.readableAcls(caller);
    const placeholders = acls.map(() => '?').join(',');
    return {
      sql: `(${acls.length ? `${alias}.acl_id IN (${placeholders}) OR ` : ''}COALESCE(${alias}.owner, ${alias}.created_by) = ?)`,
      params: [...acls, caller.userId]
    };
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
