import type { Db } from './database';

export interface CommentRow {
  id: string;
  node_id: string;
  content: string;
  created_by: string;
  created_at: string;
  modified_by: string;
  modified_at: string;
}

/** The `comment` table: comments on files and folders. */
export class CommentStore {
  constructor(private readonly db: Db) {}

  /** A comment of that node. */
  get(nodeId: string, commentId: string): CommentRow | undefined {
    return this.db.prepare('SELECT * FROM comment WHERE id = ? AND node_id = ?').get(commentId, nodeId) as CommentRow | undefined;
  }

  count(nodeId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS c FROM comment WHERE node_id = ?').get(nodeId) as { c: number }).c;
  }

  /** A page of a node's comments, the newest first. */
  page(nodeId: string, skipCount: number, maxItems: number): CommentRow[] {
    return this.db
      .prepare('SELECT * FROM comment WHERE node_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?')
      .all(nodeId, maxItems, skipCount) as CommentRow[];
  }

  insert(c: CommentRow): void {
    this.db
      .prepare('INSERT INTO comment (id, node_id, content, created_by, created_at, modified_by, modified_at) VALUES (?,?,?,?,?,?,?)')
      .run(c.id, c.node_id, c.content, c.created_by, c.created_at, c.modified_by, c.modified_at);
  }

  edit(id: string, content: string, modifiedBy: string, modifiedAt: string): void {
    this.db
      .prepare('UPDATE comment SET content = ?, modified_by = ?, modified_at = ? WHERE id = ?')
      .run(content, modifiedBy, modifiedAt, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM comment WHERE id = ?').run(id);
  }
}
