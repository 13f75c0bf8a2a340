import type { Db } from './database';
import type { ReadFilter } from './acl-entries';

/** A public link to a file; dates in Alfresco's format, so text order is time order. */
export interface SharedLinkRow {
  id: string;
  node_id: string;
  shared_by: string;
  created_at: string;
  expires_at: string | null;
}

/** The `shared_link` table: at most one public link per file. */
export class SharedLinkStore {
  constructor(private readonly db: Db) {}

  byId(id: string): SharedLinkRow | undefined {
    return this.db.prepare('SELECT * FROM shared_link WHERE id = ?').get(id) as SharedLinkRow | undefined;
  }

  /** The id of the node's link, if it has one. */
  idOf(nodeId: string): string | undefined {
    const row = this.db.prepare('SELECT id FROM shared_link WHERE node_id = ?').get(nodeId) as { id: string } | undefined;
    return row?.id;
  }

  insert(link: SharedLinkRow): void {
    this.db
      .prepare('INSERT INTO shared_link (id, node_id, shared_by, created_at, expires_at) VALUES (?,?,?,?,?)')
      .run(link.id, link.node_id, link.shared_by, link.created_at, link.expires_at);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM shared_link WHERE id = ?').run(id);
  }

  /**
   * A page of the links not expired at `now` whose file is live and passes the reader's filter (over node
   * alias `n`), optionally only one person's, the most recently modified files first; with the total.
   */
  livePage(opts: { now: string; readable: ReadFilter; sharedBy?: string; skipCount: number; maxItems: number }): {
    rows: SharedLinkRow[];
    total: number;
  } {
    const { now, readable, sharedBy } = opts;
    const base = `FROM shared_link l JOIN node n ON n.id = l.node_id
        WHERE n.archived_at IS NULL AND (l.expires_at IS NULL OR l.expires_at > ?) AND ${readable.sql}${sharedBy ? ' AND l.shared_by = ?' : ''}`;
    const args = [now, ...readable.params, ...(sharedBy ? [sharedBy] : [])];
    const total = (this.db.prepare(`SELECT COUNT(*) AS c ${base}`).get(...args) as { c: number }).c;
    const rows = this.db
      .prepare(`SELECT l.* ${base} ORDER BY n.modified_at DESC LIMIT ? OFFSET ?`)
      .all(...args, opts.maxItems, opts.skipCount) as SharedLinkRow[];
    return { rows, total };
  }
}
