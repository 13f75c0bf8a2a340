import type { Db } from './database';
import type { NodeRow } from './node-row';

/** A row of table `version`: one entry of a node's version history, its properties and aspects as JSON. */
export interface VersionRow {
  node_id: string;
  label: string;
  seq: number;
  name: string;
  type: string;
  content_url: string | null;
  mime_type: string | null;
  encoding: string | null;
  size: number | null;
  properties: string;
  aspects: string;
  comment: string | null;
  modified_at: string;
  modified_by: string;
}

/** The version history of nodes (table `version`), as Alfresco's version store keeps frozen states. */
export class VersionStore {
  constructor(private readonly db: Db) {}

  /** Records the node's state under `label` as the newest entry of its history. */
  snapshot(node: NodeRow, label: string, properties: Record<string, unknown>, aspects: string[], comment?: string): void {
    const seq = ((this.db.prepare('SELECT MAX(seq) AS m FROM version WHERE node_id = ?').get(node.id) as { m: number | null }).m ?? 0) + 1;
    this.db
      .prepare(
        'INSERT INTO version (node_id, label, seq, name, type, content_url, mime_type, encoding, size, properties, aspects, comment, modified_at, modified_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)'
      )
      .run(
        node.id,
        label,
        seq,
        node.name,
        node.type,
        node.content_url,
        node.mime_type,
        node.encoding,
        node.size,
        JSON.stringify(properties),
        JSON.stringify(aspects),
        comment ?? null,
        node.modified_at,
        node.modified_by
      );
  }

  byLabel(nodeId: string, label: string): VersionRow | undefined {
    return this.db.prepare('SELECT * FROM version WHERE node_id = ? AND label = ?').get(nodeId, label) as VersionRow | undefined;
  }

  /** The node's history, newest first. */
  history(nodeId: string): VersionRow[] {
    return this.db.prepare('SELECT * FROM version WHERE node_id = ? ORDER BY seq DESC').all(nodeId) as VersionRow[];
  }

  count(nodeId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS c FROM version WHERE node_id = ?').get(nodeId) as { c: number }).c;
  }

  remove(nodeId: string, label: string): void {
    this.db.prepare('DELETE FROM version WHERE node_id = ? AND label = ?').run(nodeId, label);
  }

  /** Whether any version holds a value of the property (prefixed name). */
  holdsProperty(qname: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM version WHERE json_type(properties, ?) IS NOT NULL LIMIT 1').get(`$."${qname}"`);
  }
}
