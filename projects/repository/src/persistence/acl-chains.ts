import type { Db } from './database';

/**
 * The chain of every ACL (table acl_member), kept so that "which ACLs may this caller read" is one indexed
 * join in SQL instead of an evaluation of every ACL in use.
 *
 * An ACL is the seq of the node that defines it (node.acl_id: ACLs and nodes are named by integers here, as
 * alf_acl_member names them by alf_access_control_list.id). Its chain is that node (depth 0), then, while
 * inheritance is on, the chain of the ACL its primary parent uses (depth 1, 2 …): exactly the walk
 * PermissionService.effectiveEntries does. Alfresco keeps the same shape in alf_acl_member (an ACL's own
 * entries at pos 0, inherited ones at their depth; AclDAOImpl.getInheritedAccessControlList and
 * mergeInheritedAccessControlList in repository/src/main/java/org/alfresco/repo/domain/permissions/AclDAOImpl.java
 * copy a parent's entries into every inheriting child ACL with pos + 1). Here the entries themselves stay in
 * table ace, referenced through the chain, so changing an ACL's entries touches no chain at all; only a change
 * of shape does (a node starting or ending its own ACL, inheritance switched, a move or restore).
 */
export class AclChains {
  constructor(private readonly db: Db) {}

  /** The chain of an ACL as PermissionService.effectiveEntries walks it (cycle-guarded in the same way). */
  private walk(aclId: number): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    const nodeOf = this.db.prepare('SELECT inherits, parent_id, archived_parent_id FROM node WHERE seq = ?');
    const aclOf = this.db.prepare('SELECT acl_id FROM node WHERE id = ?').pluck();
    let current: number | null = aclId;
    while (current && !seen.has(current)) {
      seen.add(current);
      chain.push(current);
      const owner = nodeOf.get(current) as { inherits: number; parent_id: string | null; archived_parent_id: string | null } | undefined;
      if (!owner || !owner.inherits) break;
      const parentId = owner.parent_id ?? owner.archived_parent_id;
      if (!parentId) break;
      current = (aclOf.get(parentId) as number | undefined) ?? null;
    }
    return chain;
  }

  /**
   * Writes the chain of each ACL afresh, or drops it when no node uses that ACL any more. An ACL in use is
   * kept even when its node no longer defines it (nodes in the trashcan keep the ACL they were deleted with):
   * the permission check walks it all the same.
   */
  private recompute(aclIds: Iterable<number>): void {
    const defining = this.db.prepare('SELECT 1 FROM node WHERE acl_id = ? LIMIT 1');
    const drop = this.db.prepare('DELETE FROM acl_member WHERE acl_id = ?');
    const put = this.db.prepare('INSERT INTO acl_member (acl_id, depth, def_id) VALUES (?, ?, ?)');
    for (const acl of aclIds) {
      drop.run(acl);
      if (!defining.get(acl)) continue;
      this.walk(acl).forEach((def, depth) => put.run(acl, depth, def));
    }
  }

  /** ACLs whose chain passes through this node (its seq; it defines, or defined, an ACL). */
  private through(seq: number): number[] {
    return this.db.prepare('SELECT acl_id FROM acl_member WHERE def_id = ?').pluck().all(seq) as number[];
  }

  /**
   * After a change of shape at `nodeId` (acl_id already re-pointed by NodeStore.reassignAcl). `wasDefining`:
   * whether the node had its own ACL before. When it had, every ACL the change can reach has it in its chain.
   * When it had not, the ACLs reached are those used right below the part of its subtree that shares its ACL
   * (found the way reassignAcl walks it, trashcan included), any node of that part that is still an ACL (one
   * kept by nodes in the trashcan), every ACL through them, and its own new one.
   */
  changed(nodeId: string, wasDefining: boolean): void {
    const node = this.db.prepare('SELECT id, seq, acl_id FROM node WHERE id = ?').get(nodeId) as
      | { id: string; seq: number; acl_id: number }
      | undefined;
    if (!node) return;
    const affected = new Set<number>(this.through(node.seq));
    if (!wasDefining) {
      if (node.acl_id === node.seq) affected.add(node.seq);
      const below = this.db
        .prepare(
          // CROSS JOIN and the unary + keep SQLite walking down by parent (node_parent) instead of reading the
          // whole ACL's nodes (node_acl) at every step: the walk costs the subtree, never the ACL's size.
          `WITH RECURSIVE down(id, seq) AS (
             SELECT ?, ?
             UNION ALL SELECT c.id, c.seq FROM down CROSS JOIN node c ON c.parent_id = down.id WHERE +c.acl_id = ?
             UNION ALL SELECT c.id, c.seq FROM down CROSS JOIN node c ON c.archived_parent_id = down.id WHERE +c.acl_id = ?)
           SELECT c.acl_id FROM down CROSS JOIN node c ON c.parent_id = down.id WHERE +c.acl_id <> ?
           UNION SELECT c.acl_id FROM down CROSS JOIN node c ON c.archived_parent_id = down.id WHERE +c.acl_id <> ?
           UNION SELECT down.seq FROM down WHERE EXISTS (SELECT 1 FROM acl_member m WHERE m.acl_id = down.seq)`
        )
        .pluck()
        .all(node.id, node.seq, node.acl_id, node.acl_id, node.acl_id, node.acl_id) as number[];
      for (const acl of below) for (const reached of this.through(acl).concat(acl)) affected.add(reached);
    }
    this.recompute(affected);
  }

  /** A node inserted with its own ACL (a root, or a system node that does not inherit). */
  defined(nodeId: string): void {
    const seq = this.db.prepare('SELECT seq FROM node WHERE id = ?').pluck().get(nodeId) as number | undefined;
    if (seq !== undefined) this.recompute([seq]);
  }

  /**
   * Nodes purged: the ACLs they defined go, any chain that passed through them ends where they were, and so
   * does the chain of a node in the trashcan whose former parent (where it would be restored) was among them.
   */
  purged(nodes: { id: string; seq: number }[]): void {
    const affected = new Set<number>(nodes.map((n) => n.seq));
    const orphans = this.db.prepare('SELECT acl_id FROM node WHERE archived_parent_id = ?').pluck();
    for (const { id, seq } of nodes) {
      for (const acl of this.through(seq)) affected.add(acl);
      for (const acl of orphans.all(id) as number[]) for (const reached of this.through(acl).concat(acl)) affected.add(reached);
    }
    this.recompute(affected);
  }

  /** Builds every chain when the table is new to this database (one created before it existed). */
  ensureBuilt(): void {
    if (this.db.prepare('SELECT 1 FROM acl_member LIMIT 1').get()) return;
    const acls = this.db.prepare('SELECT DISTINCT acl_id FROM node').pluck().all() as number[];
    if (acls.length) this.db.transaction(() => this.recompute(acls))();
  }
}
