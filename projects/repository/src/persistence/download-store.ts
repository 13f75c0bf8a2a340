import type { Db } from './database';
import type { NodeRow } from './node-row';

/**
 * What a download (zip) is made of: the nodes it was asked for, held as peer associations of the download
 * node, and the live nodes below a folder. Download nodes themselves are nodes (NodeStore).
 */
export class DownloadStore {
  constructor(private readonly db: Db) {}

  /** The live child of `parentId` under that association name (the downloads container under the root). */
  childByAssocName(parentId: string, assocQName: string): NodeRow | undefined {
    return this.db
      .prepare('SELECT * FROM node WHERE parent_id = ? AND assoc_qname = ? AND archived_at IS NULL')
      .get(parentId, assocQName) as NodeRow | undefined;
  }

  /** Records the nodes a download was asked for, in the order asked. */
  addRequested(downloadId: string, targetIds: string[], assocType: string): void {
    const link = this.db.prepare('INSERT INTO peer_assoc (source_id, target_id, assoc_type) VALUES (?,?,?)');
    for (const id of targetIds) link.run(downloadId, id, assocType);
  }

  /** The live nodes a download was asked for, in the order asked. */
  requested(downloadId: string, assocType: string): NodeRow[] {
    return this.db
      .prepare(
        'SELECT n.* FROM peer_assoc a JOIN node n ON n.id = a.target_id WHERE a.source_id = ? AND a.assoc_type = ? AND n.archived_at IS NULL ORDER BY a.rowid'
      )
      .all(downloadId, assocType) as NodeRow[];
  }

  /** A folder's live children as the zip lists them: files before folders, each by name. */
  children(folderId: string): NodeRow[] {
    return this.db
      .prepare('SELECT * FROM node WHERE parent_id = ? AND archived_at IS NULL ORDER BY is_folder, name_key')
      .all(folderId) as NodeRow[];
  }
}
