import type { Db } from './database';

export interface AuditRow {
  id: number;
  application: string;
  node_id: string | null;
  created_by: string;
  created_at: string;
  /** JSON: the entry's values by audit path. */
  entry_values: string;
}

/** One condition of an audit entry query; a query holds all of its conditions (AND). */
export type AuditCondition =
  | { kind: 'idBetween'; from: number; to: number }
  /** Dates in Alfresco's format (UTC, one fixed form), so text order is time order. */
  | { kind: 'createdBetween'; from: string; to: string }
  | { kind: 'createdBy'; userId: string }
  /** One and the same value has this key and/or this value. */
  | { kind: 'value'; key?: string; value?: string };

/** How entries are listed: by these fields in turn, each tie broken by id the same way; none: oldest first. */
export type AuditOrder = { field: 'createdAt' | 'id'; descending: boolean }[];

/** The `audit_entry` table: the trail of each audit application. */
export class AuditStore {
  constructor(private readonly db: Db) {}

  record(entry: Omit<AuditRow, 'id'>): void {
    this.db
      .prepare('INSERT INTO audit_entry (application, node_id, created_by, created_at, entry_values) VALUES (?,?,?,?,?)')
      .run(entry.application, entry.node_id, entry.created_by, entry.created_at, entry.entry_values);
  }

  /** The lowest and highest entry ids of an application (null when it has none). */
  idRange(application: string): { min: number | null; max: number | null } {
    return this.db.prepare('SELECT MIN(id) AS min, MAX(id) AS max FROM audit_entry WHERE application = ?').get(application) as {
      min: number | null;
      max: number | null;
    };
  }

  get(application: string, id: number): AuditRow | undefined {
    return this.db.prepare('SELECT * FROM audit_entry WHERE application = ? AND id = ?').get(application, id) as AuditRow | undefined;
  }

  /** A node's entries, the latest first. */
  ofNode(nodeId: string): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_entry WHERE node_id = ? ORDER BY id DESC').all(nodeId) as AuditRow[];
  }

  /** A page of an application's entries that meet the conditions. */
  page(application: string, conditions: AuditCondition[], order: AuditOrder, skipCount: number, maxItems: number): AuditRow[] {
    const { base, args } = this.query(application, conditions);
    return this.db.prepare(`SELECT * ${base} ORDER BY ${orderSql(order)} LIMIT ? OFFSET ?`).all(...args, maxItems, skipCount) as AuditRow[];
  }

  /** Whether any entry meeting the conditions comes after the first `offset` ones. */
  hasMore(application: string, conditions: AuditCondition[], offset: number): boolean {
    const { base, args } = this.query(application, conditions);
    return !!this.db.prepare(`SELECT 1 ${base} LIMIT 1 OFFSET ?`).get(...args, offset);
  }

  count(application: string, conditions: AuditCondition[]): number {
    const { base, args } = this.query(application, conditions);
    return (this.db.prepare(`SELECT COUNT(*) AS c ${base}`).get(...args) as { c: number }).c;
  }

  /** Deletes an application's entries that meet the conditions (at least one). */
  deleteWhere(application: string, conditions: AuditCondition[]): void {
    const where = conditionsSql(conditions);
    this.db.prepare(`DELETE FROM audit_entry WHERE application = ? AND ${where.sql}`).run(application, ...where.params);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM audit_entry WHERE id = ?').run(id);
  }

  private query(application: string, conditions: AuditCondition[]): { base: string; args: unknown[] } {
    const where = conditionsSql(conditions);
    return {
      base: `FROM audit_entry WHERE application = ?${where.sql ? ` AND ${where.sql}` : ''}`,
      args: [application, ...where.params]
    };
  }
}

function conditionsSql(conditions: AuditCondition[]): { sql: string; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const c of conditions) {
    if (c.kind === 'idBetween') {
      sql.push('id BETWEEN ? AND ?');
      params.push(c.from, c.to);
    } else if (c.kind === 'createdBetween') {
      sql.push('created_at BETWEEN ? AND ?');
      params.push(c.from, c.to);
    } else if (c.kind === 'createdBy') {
      sql.push('created_by = ?');
      params.push(c.userId);
    } else {
      const conds = [c.key !== undefined ? 'j.key = ?' : '', c.value !== undefined ? 'CAST(j.value AS TEXT) = ?' : ''].filter(Boolean);
      sql.push(`EXISTS (SELECT 1 FROM json_each(entry_values) j WHERE ${conds.join(' AND ')})`);
      if (c.key !== undefined) params.push(c.key);
      if (c.value !== undefined) params.push(c.value);
    }
  }
  return { sql: sql.join(' AND '), params };
}

function orderSql(order: AuditOrder): string {
  if (!order.length) return 'created_at ASC, id ASC';
  return order
    .map(({ field, descending }) => {
      const d = descending ? 'DESC' : 'ASC';
      return `${field === 'createdAt' ? 'created_at' : 'id'} ${d}, id ${d}`;
    })
    .join(', ');
}
