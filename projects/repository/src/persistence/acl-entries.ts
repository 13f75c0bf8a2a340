import { onRollback, onRowChange, type Db } from './database';
import { KeptRows } from './kept-rows';

/** A row of table `ace`: one access control entry set on a node (its own ACL's entries). */
export interface AceRow {
  /** The seq of the node the entry is set on. */
  node_id: number;
  authority: string;
  permission: string;
  allowed: number;
}

/** A predicate over a node alias with its parameters, for a listing or search to AND into its WHERE. */
export interface ReadFilter {
  sql: string;
  params: unknown[];
}

/** Who a read filter is for: everyone's nodes (administrators), or a user with their authorities. */
export type Reader = 'everything' | { userId: string; authorities: Iterable<string> };

/**
 * The access control entries of nodes (table `ace`) and the reads PermissionService's evaluation needs from
 * the node table: the ACL chain itself (acl_member) is AclChains'. The rules (roles, inheritance, owners,
 * administrators) stay in PermissionService.
 */
export class AclEntries {
  /**
   * Each node's own entries, kept as ACS's AclDAO keeps ACLs in its cache: a hand-over reads and rewrites
   * the entries of the same few nodes a dozen times. A change to any entry of a node, by any statement,
   * drops that node's (onRowChange); a rollback drops them all.
   */
  private readonly entries = new KeptRows<readonly AceRow[], number>(20_000);
  /**
   * Node seqs by uuid, which every entry look-up and write starts from (a marking asked 57 times, mostly for
   * the same few nodes). A node's seq does not change while its row exists; any change to the row, by any
   * statement, drops it and a rollback drops them all.
   */
  private readonly seqs = new KeptRows<{ seq: number }>(20_000);
  /** The roles that include Read, as an SQL list of literals (constants of PermissionService, never input). */
  private readonly readRolesSql: string;

  constructor(
    private readonly db: Db,
    readRoles: string[]
  ) {
    this.readRolesSql = readRoles.map((r) => `'${r}'`).join(', ');
    onRowChange(db, 'ace', 'node_id', (seq) => this.entries.delete(seq));
    onRowChange(db, 'node', 'id', (id) => this.seqs.delete(id));
    onRollback(db, () => {
      this.entries.clear();
      this.seqs.clear();
    });
  }

  /** A node's own entries, by authority then permission (frozen: shared by every caller). */
  localEntries(nodeId: string): readonly AceRow[] {
    const seq = this.seqOf(nodeId);
    return seq === undefined ? [] : this.aclEntries(seq);
  }

  /** The own entries of the node defining ACL `aclId` (its seq), by authority then permission (frozen). */
  aclEntries(aclId: number): readonly AceRow[] {
    return this.entries.get(aclId, () =>
      (this.db.prepare('SELECT * FROM ace WHERE node_id = ? ORDER BY authority, permission').all(aclId) as AceRow[]).map((r) =>
        Object.freeze(r)
      )
    )!;
  }

  /**
   * Whether the node has entries of its own. From the kept entries: any change to the node's entries has
   * dropped them, and the permission checks that follow a change read them anyway.
   */
  hasEntries(nodeId: string): boolean {
    return this.localEntries(nodeId).length > 0;
  }

  /** Sets (or replaces) the node's entry for an authority and permission. */
  put(nodeId: string, authority: string, permission: string, allowed: number): void {
    this.db
      .prepare(
        'INSERT INTO ace (node_id, authority, permission, allowed) VALUES (?,?,?,?) ' +
          'ON CONFLICT (node_id, authority, permission) DO UPDATE SET allowed = excluded.allowed'
      )
      .run(this.seqOf(nodeId) ?? null, authority, permission, allowed);
  }

  remove(nodeId: string, authority: string, permission: string): void {
    this.db
      .prepare('DELETE FROM ace WHERE node_id = ? AND authority = ? AND permission = ?')
      .run(this.seqOf(nodeId) ?? null, authority, permission);
  }

  /** The node that defines an ACL (its seq): whether it inherits, and its parent (primary, or the one it was deleted from). */
  aclOwner(aclId: number): { inherits: number; parent_id: string | null; archived_parent_id: string | null } | undefined {
    return this.db.prepare('SELECT inherits, parent_id, archived_parent_id FROM node WHERE seq = ?').get(aclId) as
      | { inherits: number; parent_id: string | null; archived_parent_id: string | null }
      | undefined;
  }

  /** The ACL a node uses (archived nodes included): the seq of the node defining it. */
  aclOf(nodeId: string): number | undefined {
    return (this.db.prepare('SELECT acl_id FROM node WHERE id = ?').get(nodeId) as { acl_id: number } | undefined)?.acl_id;
  }

  /** The seq of a node, which table ace names it by (archived nodes included). */
  private seqOf(nodeId: string): number | undefined {
    return this.seqs.get(nodeId, () => this.db.prepare('SELECT seq FROM node WHERE id = ?').get(nodeId) as { seq: number } | undefined)
      ?.seq;
  }

  /**
   * SQL predicate over node alias `alias` restricting rows to what the reader may read: the owner, or a node
   * whose ACL lets one of the reader's authorities (user, groups, GROUP_EVERYONE) read. Checked per candidate
   * row against the ACL's chain (acl_member, a handful of rows), so the cost follows the rows the query
   * matches and the reader's own grants, never the number of ACLs in the repository; and it binds at most
   * three parameters however many ACLs the reader may read (SQLite refuses more than 32,766).
   *
   * The same evaluation as PermissionService.granted: an ALLOWED entry for a role that includes Read counts
   * unless a DENIED entry of one of the reader's authorities for the same role comes before it in the chain
   * (a nearer ACL, or the same ACL with an authority sorting first, as localEntries orders them).
   */
  readFilter(reader: Reader, alias: string): ReadFilter {
    if (reader === 'everything') return { sql: '1=1', params: [] };
    const authorities = JSON.stringify([...reader.authorities]);
    const mine = 'SELECT value FROM json_each(?)';
    const owner = `COALESCE(${alias}.owner, ${alias}.created_by) = ?`;
    // Deny entries are rare (nothing in e-Office sets one); the clause that honours them is added only when the
    // reader has any. Either way the row's ACL chain is walked (a node or three) and each node's few entries
    // read by ace's primary key; the unary + keeps SQLite from seeking every (authority, role) pair instead,
    // and CROSS JOIN from starting at the reader's entries, which for an oversight group are one per item.
    const denies = !!this.db
      .prepare(`SELECT 1 FROM ace WHERE allowed = 0 AND authority IN (${mine}) AND permission IN (${this.readRolesSql}) LIMIT 1`)
      .get(authorities);
    const unlessDenied = denies
      ? ` AND NOT EXISTS (SELECT 1 FROM acl_member m2 CROSS JOIN ace d ON d.node_id = m2.def_id
          WHERE m2.acl_id = m.acl_id AND m2.depth <= m.depth AND d.permission = e.permission AND d.allowed = 0
            AND +d.authority IN (${mine}) AND (m2.depth < m.depth OR d.authority < e.authority))`
      : '';
    const allowed = `SELECT 1 FROM acl_member m CROSS JOIN ace e ON e.node_id = m.def_id
      WHERE m.acl_id = ${alias}.acl_id AND +e.authority IN (${mine}) AND e.allowed = 1 AND +e.permission IN (${this.readRolesSql})${unlessDenied}`;
    return {
      sql: `(${owner} OR EXISTS (${allowed}))`,
      params: denies ? [reader.userId, authorities, authorities] : [reader.userId, authorities]
    };
  }
}
