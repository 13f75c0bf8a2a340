// POST /search over SQLite: AFTS -> SQL predicate, paging/sort, facets. The handler turns the node
// ids into entries; see README-less contract in the lead's brief and alfresco-search.yaml.
import type { Database } from 'better-sqlite3';
import type { Ast } from './ast';
import { compile, Compiled, CompileEnv } from './compiler';
import { SearchError } from './errors';
import { computeFacets } from './facets';
import { createResolver, FieldResolver } from './fields';
import { DEFAULT_ORDER, orderBy, readPaging } from './paging';
import { parseAfts } from './parser';
import { Sql, join, sql } from './sql';
import { registerFunctions } from './text';

export { SearchError } from './errors';
export { parseAfts } from './parser';
export type { Ast } from './ast';

export interface SearchContext {
  db: Database;
  /** Expands a type/aspect QName to itself plus all subtypes/sub-aspects (prefixed form, e.g. 'cm:content'). */
  subClassesOf(qname: string): string[];
  /** Data type of a property ('d:text', 'd:date', 'd:datetime', 'd:int', …) or undefined if unknown. */
  propertyDataType(qname: string): string | undefined;
  /** The property's `<index><tokenised>` as the model declares it (true, false, both); undefined: tokenised. */
  propertyTokenised?(qname: string): string | undefined;
  /** SQL predicate restricting node alias `alias` to what the caller may read, e.g. `(n.owner = ? OR EXISTS (…))`; bound with few parameters. */
  readFilter(alias: string): { sql: string; params: unknown[] };
  now?: () => Date;
  /** Optional: namespace prefix for a URI in `{uri}local` QNames beyond Alfresco's own models. */
  prefixForUri?(uri: string): string | undefined;
}

export interface SearchOutcome {
  nodeIds: string[];
  scores: (number | undefined)[];
  pagination: { count: number; hasMoreItems: boolean; totalItems: number; skipCount: number; maxItems: number };
  context?: object;
}

/** The seqs of the nodes the current search matched (see runSearch). */
const MATCHED = 'temp.search_matched';

interface Filter {
  where: Sql;
  tags: string[];
}

export function runSearch(ctx: SearchContext, body: unknown): SearchOutcome {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SearchError('The search request must be a JSON object');
  const req = body as Record<string, unknown>;
  const q = req.query as Record<string, unknown> | undefined;
  if (typeof q !== 'object' || q === null || typeof q.query !== 'string') throw new SearchError('query.query is required');
  const language = String(q.language ?? 'afts').toLowerCase();
  // Lucene syntax as Alfresco accepts it is close enough to AFTS for the same parser
  if (language !== 'afts' && language !== 'lucene') throw new SearchError(`Unsupported query language '${String(q.language)}'`);

  registerFunctions(ctx.db);
  const now = ctx.now?.() ?? new Date();
  const fields = createResolver(
    (x) => ctx.propertyDataType(x),
    ctx.prefixForUri && ((u) => ctx.prefixForUri!(u)),
    ctx.propertyTokenised && ((x) => ctx.propertyTokenised!(x))
  );
  const defaults = (req.defaults ?? {}) as Record<string, unknown>;
  const op =
    String((q as Record<string, unknown>).defaultOperator ?? defaults.defaultFTSOperator ?? 'AND').toUpperCase() === 'OR' ? 'OR' : 'AND';
  const toSql = (text: string, bound?: CompileEnv['bound']): Compiled => {
    const ast: Ast = parseAfts(text, { defaultOperator: op, isQName: fields.isQName });
    return compile(ast, { db: ctx.db, fields, subClassesOf: (x) => ctx.subClassesOf(x), now, bound });
  };

  const main = toSql(q.query);
  const filters: Filter[] = [];
  if (req.filterQueries !== undefined) {
    if (!Array.isArray(req.filterQueries)) throw new SearchError('filterQueries must be an array');
    for (const fq of req.filterQueries as Record<string, unknown>[]) {
      if (typeof fq?.query !== 'string') throw new SearchError('A filter query needs a query');
      if (fq.query.trim() === '') continue;
      filters.push({ where: toSql(fq.query).where, tags: Array.isArray(fq.tags) ? fq.tags.map(String) : [] });
    }
  }

  const scope = (req.scope ?? {}) as Record<string, unknown>;
  const locations = ([] as unknown[]).concat(scope.locations ?? []).map(String);
  if (locations.includes('versions')) throw new SearchError("Searching the 'versions' location is not supported");
  const deleted = locations.includes('deleted-nodes');

  const rf = ctx.readFilter('n');
  const base = (excludeTags: string[]): Sql =>
    join(
      [
        sql(deleted ? 'n.archived_at IS NOT NULL' : 'n.archived_at IS NULL'),
        main.where,
        ...filters.filter((f) => !f.tags.some((t) => excludeTags.includes(t))).map((f) => f.where),
        // last: SQLite tests the terms in this order, so the permission check runs only on rows the query matched
        { sql: rf.sql, params: rf.params }
      ],
      ' AND '
    );
  const where = base([]);

  const paging = readPaging(req.paging);
  const order = orderBy(req.sort, fields);
  const scored = main.fts.length > 0;
  // The matched set is computed once, into a temporary table of node seqs: the total is its size, and the
  // page and the facets read it instead of running the query again each (the query is most of the cost).
  // One connection runs one search at a time (better-sqlite3 is synchronous), so one table serves them all.
  ctx.db.prepare(`CREATE TEMP TABLE IF NOT EXISTS ${MATCHED} (seq INTEGER PRIMARY KEY)`).run();
  ctx.db.prepare(`DELETE FROM ${MATCHED}`).run();
  const total = ctx.db.prepare(`INSERT INTO ${MATCHED} (seq) SELECT n.seq FROM node n WHERE ${where.sql}`).run(...where.params).changes;
  // relevance: bm25 over the positive full-text parts; everything else scores 1 like a filter
  // The scores are materialised once: as a plain joined subquery SQLite re-ran the MATCH for every node row.
  const scoreCte = scored
    ? sql(
        'WITH s AS MATERIALIZED (SELECT rowid AS rid, bm25(node_text) AS r FROM node_text WHERE node_text MATCH ?) ',
        main.fts.map((e) => `(${e})`).join(' OR ')
      )
    : sql('');
  const scoreJoin = scored ? 'LEFT JOIN s ON s.rid = n.seq' : '';
  const scoreExpr = scored ? 'CASE WHEN s.r IS NULL THEN 1.0 ELSE 1.0 - s.r END' : '1.0';
  // CROSS JOIN: from the matched seqs to their nodes, never the other way round. Unscored and in the default
  // order (every score 1, then node order), the page is the matched seqs' own order: it is cut there first
  // and only its rows are joined to their nodes (a dashboard asking for one row of 50,000 read all 50,000).
  const inSeqOrder = !scored && order.sql === DEFAULT_ORDER && order.params.length === 0;
  const page =
    total === 0 || paging.skipCount >= total
      ? []
      : inSeqOrder
        ? (ctx.db
            .prepare(
              `SELECT n.id AS id, 1.0 AS score FROM (SELECT seq FROM ${MATCHED} ORDER BY seq LIMIT ? OFFSET ?) h ` +
                'CROSS JOIN node n ON n.seq = h.seq ORDER BY h.seq'
            )
            .all(paging.maxItems, paging.skipCount) as { id: string; score: number }[])
        : (ctx.db
            .prepare(
              `${scoreCte.sql}SELECT n.id AS id, ${scoreExpr} AS score FROM ${MATCHED} h CROSS JOIN node n ON n.seq = h.seq ${scoreJoin} ` +
                `ORDER BY ${order.sql} LIMIT ? OFFSET ?`
            )
            .all(...scoreCte.params, ...order.params, paging.maxItems, paging.skipCount) as { id: string; score: number }[]);

  const facetRequested = ['facetQueries', 'facetFields', 'facetIntervals', 'ranges'].some((k) => req[k] !== undefined && req[k] !== null);
  const v2 = String(req.facetFormat ?? '').toUpperCase() === 'V2';
  const context: Record<string, unknown> = {};
  if (facetRequested) {
    const r = computeFacets(
      { db: ctx.db, fields, now, base, matched: MATCHED, predicate: (text, bound) => toSql(text, bound).where },
      req,
      v2
    );
    Object.assign(context, r.context);
  }
  // Solr reports the last indexed transaction; the newest node row is our equivalent
  const last = ctx.db.prepare('SELECT max(seq) AS m FROM node').get() as { m: number | null };
  const ordered: Record<string, unknown> = { consistency: { lastTxId: last.m ?? 0 }, ...context };
  if (req.includeRequest === true) ordered.request = req;

  return {
    nodeIds: page.map((r) => r.id),
    scores: page.map((r) => r.score),
    pagination: {
      count: page.length,
      hasMoreItems: paging.skipCount + page.length < total,
      totalItems: total,
      skipCount: paging.skipCount,
      maxItems: paging.maxItems
    },
    context: ordered
  };
}

export type { FieldResolver };
