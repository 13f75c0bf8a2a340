import type { Db } from './database';
import type { NodeRow } from './node-row';

/** A node reached through an association, with that association's type. */
export type AssociatedNode = NodeRow & { assoc: string };

/** The two kinds of association a node addresses by id. */
export type AssociationKind = 'secondary-child' | 'peer';

/** The table and its two ends for each kind: `self` is the node the API addresses, `other` the one it names. */
const TABLES = {
  'secondary-child': { table: 'child_assoc', self: 'parent_id', other: 'child_id' },
  peer: { table: 'peer_assoc', self: 'source_id', other: 'target_id' }
} as const;

/**
 * Secondary parent-child links (table `child_assoc`) and peer associations (table `peer_assoc`): one row per
 * (node, other node, association type), as Alfresco's alf_child_assoc and alf_node_assoc hold them.
 */
export class AssociationStore {
  constructor(private readonly db: Db) {}

  /** Live nodes holding `childId` as a secondary child (its primary parent is on the node row). */
  secondaryParents(childId: string): AssociatedNode[] {
    return this.db
      .prepare(
        'SELECT n.*, c.assoc_type AS assoc FROM child_assoc c JOIN node n ON n.id = c.parent_id WHERE c.child_id = ? AND n.archived_at IS NULL'
      )
      .all(childId) as AssociatedNode[];
  }

  /** Live secondary children of `parentId`, by name. */
  secondaryChildren(parentId: string): AssociatedNode[] {
    return this.db
      .prepare(
        'SELECT n.*, c.assoc_type AS assoc FROM child_assoc c JOIN node n ON n.id = c.child_id WHERE c.parent_id = ? AND n.archived_at IS NULL ORDER BY n.name_key'
      )
      .all(parentId) as AssociatedNode[];
  }

  /** Adds a link; false when that (node, other, type) is already linked. */
  add(kind: AssociationKind, selfId: string, otherId: string, assocType: string): boolean {
    const t = TABLES[kind];
    return (
      this.db.prepare(`INSERT OR IGNORE INTO ${t.table} (${t.self}, ${t.other}, assoc_type) VALUES (?,?,?)`).run(selfId, otherId, assocType)
        .changes > 0
    );
  }

  /** Removes the links from `selfId` to `otherId` (of one type, or of every type); false when there was none. */
  remove(kind: AssociationKind, selfId: string, otherId: string, assocType?: string): boolean {
    const t = TABLES[kind];
    const args: unknown[] = [selfId, otherId];
    let sql = `DELETE FROM ${t.table} WHERE ${t.self} = ? AND ${t.other} = ?`;
    if (assocType !== undefined) {
      sql += ' AND assoc_type = ?';
      args.push(assocType);
    }
    return this.db.prepare(sql).run(...args).changes > 0;
  }

  /** Live peers of a node by name: its targets (it is the source) or its sources (it is the target). */
  peers(direction: 'targets' | 'sources', nodeId: string, assocType?: string): AssociatedNode[] {
    const [self, other] = direction === 'targets' ? ['source_id', 'target_id'] : ['target_id', 'source_id'];
    const args: unknown[] = [nodeId];
    let sql = `SELECT n.*, a.assoc_type AS assoc FROM peer_assoc a JOIN node n ON n.id = a.${other} WHERE a.${self} = ? AND n.archived_at IS NULL`;
    if (assocType) {
      sql += ' AND a.assoc_type = ?';
      args.push(assocType);
    }
    return this.db.prepare(sql + ' ORDER BY n.name_key').all(...args) as AssociatedNode[];
  }

  /** A node's peer links as stored (archived peers included, in no order): the other end and the type. */
  peerLinks(direction: 'targets' | 'sources', nodeId: string): { other: string; assoc_type: string }[] {
    const sql =
      direction === 'targets'
        ? 'SELECT target_id AS other, assoc_type FROM peer_assoc WHERE source_id = ?'
        : 'SELECT source_id AS other, assoc_type FROM peer_assoc WHERE target_id = ?';
    return this.db.prepare(sql).all(nodeId) as { other: string; assoc_type: string }[];
  }
}
