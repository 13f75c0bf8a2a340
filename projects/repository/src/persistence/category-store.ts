import type { Db } from './database';
import type { NodeRow } from './node-row';

/** Category nodes (cm:category) and the links to them through cm:categories (cm:generalclassifiable). */
export class CategoryStore {
  constructor(private readonly db: Db) {}

  /** The live cm:category children of a category, by name. */
  subcategories(parentId: string): NodeRow[] {
    return this.db
      .prepare("SELECT * FROM node WHERE parent_id = ? AND archived_at IS NULL AND type = 'cm:category' ORDER BY name_key")
      .all(parentId) as NodeRow[];
  }

  /** How many live nodes name each category in cm:categories, by category id. */
  classifiedCounts(): Map<string, number> {
    const rows = this.db
      .prepare(
        "SELECT p.json_value AS v, COUNT(DISTINCT p.node_id) AS c FROM property p JOIN node n ON n.seq = p.node_id WHERE p.qname = 'cm:categories' AND n.archived_at IS NULL GROUP BY p.json_value"
      )
      .all() as { v: string; c: number }[];
    return new Map(rows.map((r) => [JSON.parse(r.v) as string, r.c]));
  }
}
