// The search store: every statement a POST /search runs. The query language (lexer, parser, date math,
// fields) lives in src/search/ and hands this store parsed queries; the store compiles them to SQL over
// `node n`, computes the matched set once, reads the page, the facets and the index position.
import type { Database } from 'better-sqlite3';
import type { Ast } from '../../search/ast';
import type { FieldResolver } from '../../search/fields';
import type { NodeRow } from '../node-row';
import { compile, type CompileEnv, type Compiled } from './compiler';
import { computeFacets, type FacetEnv, type FacetResult } from './facets';
import { DEFAULT_ORDER, orderBy, type Paging } from './paging';
import { type Sql, join, sql } from './sql';
import { registerFunctions } from './text';

export type { Compiled, CompileEnv } from './compiler';
export type { Sql } from './sql';
export { readPaging, type Paging } from './paging';

/** The seqs of the nodes the current search matched, with their types (see match). */
const MATCHED = 'temp.search_matched';

/** A filter query, compiled, with the tags facets may exclude it by. */
export interface SearchFilter {
  where: Sql;
  tags: string[];
}

/** What a search matches: the live nodes (or the trashcan's), the query, its filters, what the caller may read. */
export interface Matching {
  deleted: boolean;
  main: Sql;
  filters: SearchFilter[];
  /** The caller's read filter over `n` (PermissionService.readFilter). */
  readFilter: { sql: string; params: unknown[] };
}

/** One hit of the page: a node id and its relevance. */
export interface Hit {
  id: string;
  score: number;
}

export class SearchStore {
  constructor(private readonly db: Database) {}

  /** A parsed AFTS query as one predicate over `node n`, with the full-text parts relevance is scored by. */
  compile(ast: Ast, env: Omit<CompileEnv, 'db'>): Compiled {
    registerFunctions(this.db);
    return compile(ast, { ...env, db: this.db });
  }

  /** The predicate of what the search matches, leaving out the filters tagged with any of `excludeTags`. */
  condition(m: Matching, excludeTags: string[]): Sql {
    return join(
      [
        sql(m.deleted ? 'n.archived_at IS NOT NULL' : 'n.archived_at IS NULL'),
        m.main,
        ...m.filters.filter((f) => !f.tags.some((t) => excludeTags.includes(t))).map((f) => f.where),
        // last: SQLite tests the terms in this order, so the permission check runs only on rows the query matched
        { sql: m.readFilter.sql, params: m.readFilter.params }
      ],
      ' AND '
    );
  }

  /** The ORDER BY of a request's `sort` (relevance, then node order, when none). */
  order(sort: unknown, fields: FieldResolver): Sql {
    return orderBy(sort, fields);
  }

  /**
   * Computes what the search matches once, into a temporary table of node seqs, and answers its size (the
   * total): the page and the facets read it instead of running the query again each (the query is most of
   * the cost). One connection runs one search at a time (better-sqlite3 is synchronous), so one table
   * serves them all. Each hit's type is kept beside it, read from the row the query tested anyway: facet
   * queries test it (TYPE), and reading it again cost a look-up of every hit's node (a million items, the
   * pendency dashboard's 50,000 hits: 35 ms).
   */
  match(where: Sql): number {
    this.db.prepare(`CREATE TEMP TABLE IF NOT EXISTS ${MATCHED} (seq INTEGER PRIMARY KEY, type TEXT NOT NULL)`).run();
    this.db.prepare(`DELETE FROM ${MATCHED}`).run();
    return this.db.prepare(`INSERT INTO ${MATCHED} (seq, type) SELECT n.seq, n.type FROM node n WHERE ${where.sql}`).run(...where.params)
      .changes;
  }

  /** A page of the matched set (match) in the given order, scored by the full-text expressions `fts`. */
  page(order: Sql, fts: string[], paging: Paging): Hit[] {
    const scored = fts.length > 0;
    // relevance: bm25 over the positive full-text parts; everything else scores 1 like a filter
    // The scores are materialised once: as a plain joined subquery SQLite re-ran the MATCH for every node row.
    const scoreCte = scored
      ? sql(
          'WITH s AS MATERIALIZED (SELECT rowid AS rid, bm25(node_text) AS r FROM node_text WHERE node_text MATCH ?) ',
          fts.map((e) => `(${e})`).join(' OR ')
        )
      : sql('');
    const scoreJoin = scored ? 'LEFT JOIN s ON s.rid = n.seq' : '';
    const scoreExpr = scored ? 'CASE WHEN s.r IS NULL THEN 1.0 ELSE 1.0 - s.r END' : '1.0';
    // CROSS JOIN: from the matched seqs to their nodes, never the other way round. Unscored and in the default
    // order (every score 1, then node order), the page is the matched seqs' own order: it is cut there first
    // and only its rows are joined to their nodes (a dashboard asking for one row of 50,000 read all 50,000).
    const inSeqOrder = !scored && order.sql === DEFAULT_ORDER && order.params.length === 0;
    // Sorted on properties alone (an Inbox by eo:heldSince): the keys are read by the matched seq (property is
    // keyed by node seq), so the page is cut without reading any node, and only its rows are then read.
    const bySeq = order.sql.replace(/\bn\.seq\b/gu, 'h.seq');
    if (!scored && !inSeqOrder && !/\bn\.|\bscore\b/u.test(bySeq)) {
      const seqs = this.db
        .prepare(`SELECT h.seq FROM ${MATCHED} h ORDER BY ${bySeq} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...order.params, paging.maxItems, paging.skipCount) as number[];
      const ids = new Map(
        (
          this.db.prepare('SELECT seq, id FROM node WHERE seq IN (SELECT value FROM json_each(?))').all(JSON.stringify(seqs)) as {
            seq: number;
            id: string;
          }[]
        ).map((r) => [r.seq, r.id])
      );
      return seqs.map((seq) => ({ id: ids.get(seq)!, score: 1.0 }));
    }
    return inSeqOrder
      ? (this.db
          .prepare(
            `SELECT n.id AS id, 1.0 AS score FROM (SELECT seq FROM ${MATCHED} ORDER BY seq LIMIT ? OFFSET ?) h ` +
              'CROSS JOIN node n ON n.seq = h.seq ORDER BY h.seq'
          )
          .all(paging.maxItems, paging.skipCount) as Hit[])
      : (this.db
          .prepare(
            `${scoreCte.sql}SELECT n.id AS id, ${scoreExpr} AS score FROM ${MATCHED} h CROSS JOIN node n ON n.seq = h.seq ${scoreJoin} ` +
              `ORDER BY ${order.sql} LIMIT ? OFFSET ?`
          )
          .all(...scoreCte.params, ...order.params, paging.maxItems, paging.skipCount) as Hit[]);
  }

  /** The request's facets (query, field, interval, range) over the matched set (match). */
  facets(env: Omit<FacetEnv, 'db' | 'matched'>, request: Record<string, unknown>, v2: boolean): FacetResult {
    return computeFacets({ ...env, db: this.db, matched: MATCHED }, request, v2);
  }

  /** Solr reports the last indexed transaction; the newest node row is our equivalent. */
  lastTxId(): number {
    const last = this.db.prepare('SELECT max(seq) AS m FROM node').get() as { m: number | null };
    return last.m ?? 0;
  }

  /** The rows of the hits' nodes (archived ones too: a search of the trashcan finds them), in no order. */
  nodes(ids: string[]): NodeRow[] {
    return ids.length ? (this.db.prepare(`SELECT * FROM node WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as NodeRow[]) : [];
  }
}

const stores = new WeakMap<Database, SearchStore>();

/** The search store of a connection (one per connection: its matched set is a temporary table of it). */
export function searchStoreOf(db: Database): SearchStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new SearchStore(db)));
  return store;
}
