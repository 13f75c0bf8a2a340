import type { Db } from './database';
import type { NodeRow } from './node-row';
import type { NodeStore } from './node-store';
import { repairNode, touchesPairs } from './property-pairs';

/**
 * The trashcan (Alfresco's archive store): nodes deleted without `permanent` keep their rows, marked
 * archived; the root of each deleted subtree leaves its folder (freeing the name) and remembers it for
 * restore. Purging removes the rows for good.
 */
export class TrashcanStore {
  constructor(
    private readonly db: Db,
    private readonly nodes: NodeStore
  ) {}

  /**
   * Marks the subtree `ids` (its root `rootId` first) archived by `user` at `at`. A deleted node is no longer
   * anybody's favourite nor shared: its favourites, its shared link and the marks of sharing on it go.
   */
  archive(rootId: string, ids: string[], user: string, at: string): void {
    const mark = this.db.prepare('UPDATE node SET archived_at = ?, archived_by = ? WHERE id = ?');
    for (const id of ids) mark.run(at, user, id);
    this.db.prepare('UPDATE node SET archived_parent_id = parent_id, parent_id = NULL WHERE id = ?').run(rootId);
    const marks = ids.map(() => '?').join(',');
    this.db.prepare(`DELETE FROM favorite WHERE target_id IN (${marks})`).run(...ids);
    this.db.prepare(`DELETE FROM shared_link WHERE node_id IN (${marks})`).run(...ids);
    const seqs = `SELECT seq FROM node WHERE id IN (${marks})`;
    this.db.prepare(`DELETE FROM aspect WHERE qname = 'qshare:shared' AND node_id IN (${seqs})`).run(...ids);
    const unshared = this.db
      .prepare(`DELETE FROM property WHERE qname LIKE 'qshare:%' AND node_id IN (${seqs}) RETURNING node_id, qname`)
      .all(...ids) as { node_id: number; qname: string }[];
    // pairs are configuration: a pairing may name a sharing property too
    const qnames = unshared.map((r) => r.qname);
    if (touchesPairs(this.db, qnames)) for (const seq of new Set(unshared.map((r) => r.node_id))) repairNode(this.db, seq);
  }

  /** Clears the archived marks of a restored subtree (its root is put back under a parent by NodeStore.update). */
  unarchive(ids: string[]): void {
    const unmark = this.db.prepare('UPDATE node SET archived_at = NULL, archived_by = NULL WHERE id = ?');
    for (const id of ids) unmark.run(id);
  }

  /** Removes the nodes `ids` (a subtree, its root first) for good: rows, full-text rows, favourites, ACL chains. */
  purge(ids: string[]): void {
    const seqs = ids.map((id) => (this.db.prepare('SELECT seq FROM node WHERE id = ?').get(id) as { seq: number }).seq);
    this.nodes.unindex(seqs);
    // Children first: the primary-parent foreign key forbids deleting a parent before its children.
    const del = this.db.prepare('DELETE FROM node WHERE id = ?');
    for (const id of [...ids].reverse()) {
      this.db.prepare('DELETE FROM favorite WHERE target_id = ?').run(id);
      del.run(id);
    }
    this.nodes.chains.purged(ids.map((id, i) => ({ id, seq: seqs[i] })));
  }

  /** A node that was deleted as the root of its subtree (what the trashcan lists), if `id` is one. */
  deletedRoot(id: string): NodeRow | undefined {
    return this.db.prepare('SELECT * FROM node WHERE id = ? AND archived_at IS NOT NULL AND parent_id IS NULL').get(id) as
      | NodeRow
      | undefined;
  }

  /** How many deleted roots there are (those `archivedBy` deleted, or everyone's). */
  countDeletedRoots(archivedBy?: string): number {
    const who = archivedBy === undefined ? '' : 'AND archived_by = ?';
    const args = archivedBy === undefined ? [] : [archivedBy];
    return (
      this.db.prepare(`SELECT COUNT(*) AS c FROM node WHERE archived_at IS NOT NULL AND parent_id IS NULL ${who}`).get(...args) as {
        c: number;
      }
    ).c;
  }

  /** A page of deleted roots (those `archivedBy` deleted, or everyone's), the most recently deleted first. */
  deletedRoots(archivedBy: string | undefined, maxItems: number, skipCount: number): NodeRow[] {
    const who = archivedBy === undefined ? '' : 'AND archived_by = ?';
    const args = archivedBy === undefined ? [] : [archivedBy];
    return this.db
      .prepare(`SELECT * FROM node WHERE archived_at IS NOT NULL AND parent_id IS NULL ${who} ORDER BY archived_at DESC LIMIT ? OFFSET ?`)
      .all(...args, maxItems, skipCount) as NodeRow[];
  }
}
