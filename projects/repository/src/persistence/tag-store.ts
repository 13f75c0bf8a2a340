import type { Db } from './database';

/** A tag of the vocabulary: its name as shown and its lower-case key. */
export interface TagRow {
  id: string;
  tag: string;
  tag_key: string;
}

/** The `tag` vocabulary and `node_tag`, which nodes carry which tag. */
export class TagStore {
  constructor(private readonly db: Db) {}

  byId(id: string): TagRow | undefined {
    return this.db.prepare('SELECT * FROM tag WHERE id = ?').get(id) as TagRow | undefined;
  }

  /** The tag of that name, whatever its case. */
  byName(name: string): TagRow | undefined {
    return this.db.prepare('SELECT * FROM tag WHERE tag_key = ?').get(name.toLowerCase()) as TagRow | undefined;
  }

  all(): TagRow[] {
    return this.db.prepare('SELECT * FROM tag').all() as TagRow[];
  }

  insert(t: TagRow): void {
    this.db.prepare('INSERT INTO tag (id, tag, tag_key) VALUES (?,?,?)').run(t.id, t.tag, t.tag_key);
  }

  rename(id: string, name: string): void {
    this.db.prepare('UPDATE tag SET tag = ?, tag_key = ? WHERE id = ?').run(name, name.toLowerCase(), id);
  }

  /** Deletes a tag and takes it off every node; answers the nodes that carried it. */
  delete(id: string): string[] {
    const tagged = this.db.prepare('SELECT node_id FROM node_tag WHERE tag_id = ?').pluck().all(id) as string[];
    this.db.prepare('DELETE FROM node_tag WHERE tag_id = ?').run(id);
    this.db.prepare('DELETE FROM tag WHERE id = ?').run(id);
    return tagged;
  }

  /** How many live (not archived) nodes carry the tag. */
  useCount(tagId: string): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS c FROM node_tag t JOIN node n ON n.id = t.node_id WHERE t.tag_id = ? AND n.archived_at IS NULL')
        .get(tagId) as { c: number }
    ).c;
  }

  /** The ids of a node's tags, in the order they were put on it. */
  idsOn(nodeId: string): string[] {
    return this.db.prepare('SELECT tag_id FROM node_tag WHERE node_id = ? ORDER BY rowid').pluck().all(nodeId) as string[];
  }

  /** A node's tags by name. */
  on(nodeId: string): TagRow[] {
    return this.db
      .prepare('SELECT t.* FROM node_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.node_id = ? ORDER BY t.tag_key')
      .all(nodeId) as TagRow[];
  }

  /** Puts a tag on a node (once). */
  tag(nodeId: string, tagId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO node_tag (node_id, tag_id) VALUES (?,?)').run(nodeId, tagId);
  }

  /** Takes a tag off a node; false if the node did not carry it. */
  untag(nodeId: string, tagId: string): boolean {
    return this.db.prepare('DELETE FROM node_tag WHERE node_id = ? AND tag_id = ?').run(nodeId, tagId).changes > 0;
  }
}
