import type { Db } from './database';
import type { NodeRow } from './node-row';
import type { ReadFilter } from './acl-entries';

/** One condition of a children listing's `where` (GET /nodes/{id}/children), already checked by the handler. */
export type ChildCondition =
  /** A condition every child meets (assocType='cm:contains'), or none does. */
  | { kind: 'all' | 'none' }
  /** isPrimary=true: the primary children only; false: the secondary ones only. */
  | { kind: 'isPrimary'; value: boolean }
  | { kind: 'isFolder' | 'isFile'; value: boolean }
  /** nodeType='x': exactly that type. */
  | { kind: 'type'; type: string }
  /** nodeType='x INCLUDESUBTYPES': the type and its subtypes, as the dictionary lists them. */
  | { kind: 'typeIn'; types: string[] };

/** The `where` of a children listing: conditions joined left to right by the operators between them. */
export interface ChildrenWhere {
  conditions: ChildCondition[];
  /** operators[i] stands between conditions[i] and conditions[i + 1]. */
  operators: ('AND' | 'OR')[];
}

/** The orderBy fields of a children listing and the column (or value) each sorts on. */
const CHILD_ORDER_COLUMNS = {
  name: 'n.name_key',
  isFolder: 'n.is_folder',
  isFile: 'n.is_file',
  createdAt: 'n.created_at',
  modifiedAt: 'n.modified_at',
  sizeInBytes: 'n.size',
  'content.sizeInBytes': 'n.size',
  mimeType: 'n.mime_type',
  'content.mimeType': 'n.mime_type',
  nodeType: 'n.type',
  createdByUser: 'n.created_by',
  modifiedByUser: 'n.modified_by',
  'createdByUser.id': 'n.created_by',
  'modifiedByUser.id': 'n.modified_by',
  title: "(SELECT text_value FROM property p WHERE p.node_id = n.seq AND p.qname = 'cm:title')"
} as const;

export type ChildOrderField = keyof typeof CHILD_ORDER_COLUMNS;

export function isChildOrderField(field: string): field is ChildOrderField {
  return Object.prototype.hasOwnProperty.call(CHILD_ORDER_COLUMNS, field);
}

/** The orderBy fields of the find query (/queries/nodes). */
const FIND_ORDER_COLUMNS = { name: 'n.name_key', modifiedAt: 'n.modified_at', createdAt: 'n.created_at' } as const;

export type FindOrderField = keyof typeof FIND_ORDER_COLUMNS;

export function isFindOrderField(field: string): field is FindOrderField {
  return Object.prototype.hasOwnProperty.call(FIND_ORDER_COLUMNS, field);
}

export interface SortTerm<F extends string> {
  field: F;
  descending: boolean;
}

export interface Page {
  maxItems: number;
  skipCount: number;
}

/** What the find query (/queries/nodes) looks for; the handler has resolved types and checked the term. */
export interface FindNodes {
  /** The term as typed: '*' stands for any letters; matched in names, titles, descriptions, tags and text. */
  term: string;
  /** The types a result may have (subtypes already expanded). */
  types: string[];
  /** Aspects that keep a node out of the results. */
  excludedAspects: string[];
  /** Only nodes below this one (not the node itself). */
  belowId?: string;
  order: SortTerm<FindOrderField>[];
}

/**
 * The node listings that page, filter and sort in SQL: a folder's children and the find query. Each counts the
 * rows it matches and reads one page of them; both narrow by the caller's read filter (PermissionService) in
 * the same statement, so a page is never short of readable nodes.
 */
export class NodeListings {
  constructor(private readonly db: Db) {}

  /**
   * A page of the live children of `parentId`, primary and secondary (cm:contains) alike, as ACS's
   * NodesImpl.listChildren lists every child association unless `where=(isPrimary=…)` narrows it; no order:
   * folders first, then names A-Z, as ACS.
   */
  children(
    parentId: string,
    readable: ReadFilter,
    where: ChildrenWhere | undefined,
    order: SortTerm<ChildOrderField>[] | undefined,
    page: Page
  ): { total: number; rows: NodeRow[] } {
    const condition = where ? childrenCondition(where, parentId) : { sql: '', params: [] };
    const orderSql = order
      ? [...order.map((t) => `${CHILD_ORDER_COLUMNS[t.field]} ${t.descending ? 'DESC' : 'ASC'}`), 'n.id'].join(', ')
      : 'n.is_folder DESC, n.name_key ASC';
    // Secondary children only where the folder has some: the OR costs the walk of node_parent in page order
    // (SQLite sorts every child first), which a series folder of many thousand items must not pay.
    const linked = "SELECT c.child_id FROM child_assoc c WHERE c.parent_id = ? AND c.assoc_type = 'cm:contains'";
    const hasLinked = !!this.db.prepare(`${linked} LIMIT 1`).get(parentId);
    const parentSql = hasLinked ? `(n.parent_id = ? OR n.id IN (${linked}))` : 'n.parent_id = ?';
    const base = `FROM node n WHERE ${parentSql} AND n.archived_at IS NULL AND ${readable.sql}${condition.sql ? ` AND ${condition.sql}` : ''}`;
    const args = [...(hasLinked ? [parentId, parentId] : [parentId]), ...readable.params, ...condition.params];
    const total = (this.db.prepare(`SELECT COUNT(*) AS c ${base}`).get(...args) as { c: number }).c;
    const rows = this.db
      .prepare(`SELECT n.* ${base} ORDER BY ${orderSql} LIMIT ? OFFSET ?`)
      .all(...args, page.maxItems, page.skipCount) as NodeRow[];
    return { total, rows };
  }

  /**
   * A page of the find query: live nodes of the given types, not made by the system at bootstrap (Company
   * Home, Data Dictionary … are no search results, as in ACS), whose name, title, description or a tag holds
   * the term, or whose text matches its words.
   */
  find(q: FindNodes, readable: ReadFilter, page: Page): { total: number; rows: NodeRow[] } {
    const like = `%${q.term.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%')}%`;
    const words = q.term.replace(/[*"]/g, ' ').trim();
    const where = [
      'n.archived_at IS NULL',
      `n.type IN (${q.types.map(() => '?').join(',') || "''"})`,
      "n.created_by <> 'System'",
      `NOT EXISTS (SELECT 1 FROM aspect a WHERE a.node_id = n.seq AND a.qname IN (${q.excludedAspects.map(() => '?').join(',')}))`,
      `(n.name LIKE ? ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM property p WHERE p.node_id = n.seq AND p.qname IN ('cm:title', 'cm:description') AND p.text_value LIKE ? ESCAPE '\\')
          OR EXISTS (SELECT 1 FROM node_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.node_id = n.id AND t.tag_key LIKE ? ESCAPE '\\')
          ${words ? 'OR n.seq IN (SELECT rowid FROM node_text WHERE node_text MATCH ?)' : ''})`,
      readable.sql
    ];
    const params: unknown[] = [
      ...q.types,
      ...q.excludedAspects,
      like,
      like,
      like.toLowerCase(),
      ...(words ? [`content : "${words.replace(/"/g, '""')}"*`] : []),
      ...readable.params
    ];
    let cte = '';
    if (q.belowId !== undefined) {
      // The root itself is not among the results, only what lies below it.
      cte =
        'WITH RECURSIVE below(id) AS (SELECT id FROM node WHERE parent_id = ? UNION ALL SELECT c.id FROM node c JOIN below ON c.parent_id = below.id) ';
      where.push('n.id IN (SELECT id FROM below)');
      params.unshift(q.belowId);
    }
    const orderSql = q.order.map((t) => `${FIND_ORDER_COLUMNS[t.field]} ${t.descending ? 'DESC' : 'ASC'}`);
    const base = `FROM node n WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`${cte}SELECT COUNT(*) AS c ${base}`).get(...params) as { c: number }).c;
    const rows = this.db
      .prepare(`${cte}SELECT n.* ${base} ORDER BY ${orderSql.join(', ')}, n.id LIMIT ? OFFSET ?`)
      .all(...params, page.maxItems, page.skipCount) as NodeRow[];
    return { total, rows };
  }
}

/** The children listing's `where` as SQL over alias n, in parentheses as the user grouped it. */
function childrenCondition(where: ChildrenWhere, parentId: string): { sql: string; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  where.conditions.forEach((c, i) => {
    if (i > 0) sql.push(where.operators[i - 1]);
    switch (c.kind) {
      case 'all':
        sql.push('1=1');
        break;
      case 'none':
        sql.push('1=0');
        break;
      case 'isPrimary':
        sql.push(c.value ? 'n.parent_id = ?' : 'n.parent_id <> ?');
        params.push(parentId);
        break;
      case 'isFolder':
      case 'isFile':
        sql.push(c.kind === 'isFolder' ? 'n.is_folder = ?' : 'n.is_file = ?');
        params.push(c.value ? 1 : 0);
        break;
      case 'type':
        sql.push('n.type = ?');
        params.push(c.type);
        break;
      case 'typeIn':
        sql.push(`n.type IN (${c.types.map(() => '?').join(',')})`);
        params.push(...c.types);
        break;
    }
  });
  return { sql: `(${sql.join(' ')})`, params };
}
