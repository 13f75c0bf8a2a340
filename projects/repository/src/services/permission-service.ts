import { onRollback, onRowChange, type Db } from '../persistence/database';
import { KeptRows } from '../persistence/kept-rows';
import type { NodeRow } from '../persistence/node-row';
import type { Caller } from '../auth/caller';
import type { AuthorityService } from './authority-service';
import { errors } from '../errors/api-error';
import { AclChains } from '../persistence/acl-chains';

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
/** The roles that include Read, as an SQL list of literals (they are constants of this file, never input). */
const READ_ROLES_SQL = Object.keys(ROLE_PERMISSIONS)
  .filter((r) => ROLE_PERMISSIONS[r].includes('Read'))
  .map((r) => `'${r}'`)
  .join(', ');
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
  ) {
    new AclChains(db).ensureBuilt();
    onRowChange(db, 'ace', 'node_id', (id) => this.entries.delete(id));
    onRollback(db, () => this.entries.clear());
  }

  /**
   * Each node's own entries, kept as ACS's AclDAO keeps ACLs in its cache: a hand-over reads and rewrites
   * the entries of the same few nodes a dozen times. A change to any entry of a node, by any statement,
   * drops that node's (onRowChange); a rollback drops them all.
   */
  private readonly entries = new KeptRows<readonly AceRow[]>(20_000);

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
    return this.entries.get(nodeId, () =>
      (this.db.prepare('SELECT * FROM ace WHERE node_id = ? ORDER BY authority, permission').all(nodeId) as AceRow[]).map((r) =>
        Object.freeze(r)
      )
    )!;
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

  /**
   * SQL predicate over node alias `alias` restricting rows to what the caller may read: the owner, or a node
   * whose ACL lets one of the caller's authorities (user, groups, GROUP_EVERYONE) read. Checked per candidate
   * row against the ACL's chain (acl_member, a handful of rows), so the cost follows the rows the query
   * matches and the caller's own grants, never the number of ACLs in the repository; and it binds at most
   * three parameters however many ACLs the caller may read (SQLite refuses more than 32,766).
   *
   * The same evaluation as `granted`: an ALLOWED entry for a role that includes Read counts unless a DENIED
   * entry of one of the caller's authorities for the same role comes before it in the chain (a nearer ACL,
   * or the same ACL with an authority sorting first, as localEntries orders them).
   */
  readFilter(caller: Caller, alias: string): { sql: string; params: unknown[] } {
    if (caller.isAdmin) return { sql: '1=1', params: [] };
    const authorities = JSON.stringify([...caller.authorities]);
    const mine = 'SELECT value FROM json_each(?)';
    const owner = `COALESCE(${alias}.owner, ${alias}.created_by) = ?`;
    // Deny entries are rare (nothing in e-Office sets one); the clause that honours them is added only when the
    // caller has any. Either way the row's ACL chain is walked (a node or three) and each node's few entries
    // read by ace's primary key; the unary + keeps SQLite from seeking every (authority, role) pair instead,
    // and CROSS JOIN from starting at the caller's entries, which for an oversight group are one per item.
    const denies = !!this.db
      .prepare(`SELECT 1 FROM ace WHERE allowed = 0 AND authority IN (${mine}) AND permission IN (${READ_ROLES_SQL}) LIMIT 1`)
      .get(authorities);
    const unlessDenied = denies
      ? ` AND NOT EXISTS (SELECT 1 FROM acl_member m2 CROSS JOIN ace d ON d.node_id = m2.def_id
          WHERE m2.acl_id = m.acl_id AND m2.depth <= m.depth AND d.permission = e.permission AND d.allowed = 0
            AND +d.authority IN (${mine}) AND (m2.depth < m.depth OR d.authority < e.authority))`
      : '';
    const allowed = `SELECT 1 FROM acl_member m CROSS JOIN ace e ON e.node_id = m.def_id
      WHERE m.acl_id = ${alias}.acl_id AND +e.authority IN (${mine}) AND e.allowed = 1 AND +e.permission IN (${READ_ROLES_SQL})${unlessDenied}`;
    return {
      sql: `(${owner} OR EXISTS (${allowed}))`,
      params: denies ? [caller.userId, authorities, authorities] : [caller.userId, authorities]
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
