// POST /search: the request read and its AFTS parsed here (the query language); the search store
// (persistence/search/) compiles the queries to SQL, matches, pages and counts the facets.
import type { Database } from 'better-sqlite3';
import type { Ast } from './ast';
import { SearchError } from './errors';
import { createResolver, FieldResolver } from './fields';
import { parseAfts } from './parser';
import { readPaging, searchStoreOf, type Compiled, type CompileEnv, type SearchFilter } from '../persistence/search/search-store';

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

export function runSearch(ctx: SearchContext, body: unknown): SearchOutcome {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SearchError('The search request must be a JSON object');
  const req = body as Record<string, unknown>;
  const q = req.query as Record<string, unknown> | undefined;
  if (typeof q !== 'object' || q === null || typeof q.query !== 'string') throw new SearchError('query.query is required');
  const language = String(q.language ?? 'afts').toLowerCase();
  // Lucene syntax as Alfresco accepts it is close enough to AFTS for the same parser
  if (language !== 'afts' && language !== 'lucene') throw new SearchError(`Unsupported query language '${String(q.language)}'`);

  const store = searchStoreOf(ctx.db);
  const now = ctx.now?.() ?? new Date();
  const fields = createResolver(
    (x) => ctx.propertyDataType(x),
    ctx.prefixForUri && ((u) => ctx.prefixForUri!(u)),
    ctx.propertyTokenised && ((x) => ctx.propertyTokenised!(x))
  );
  const defaults = (req.defaults ?? {}) as Record<string, unknown>;
  const op =
    String((q as Record<string, unknown>).defaultOperator ?? defaults.defaultFTSOperator ?? 'AND').toUpperCase() === 'OR' ? 'OR' : 'AND';
  const parse = (text: string): Ast => parseAfts(text, { defaultOperator: op, isQName: fields.isQName });
  const compileAst = (ast: Ast, bound?: CompileEnv['bound']): Compiled =>
    store.compile(ast, { fields, subClassesOf: (x) => ctx.subClassesOf(x), now, bound });
  const toSql = (text: string, bound?: CompileEnv['bound']): Compiled => compileAst(parse(text), bound);

  const main = toSql(q.query);
  const filters: SearchFilter[] = [];
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

  const matching = { deleted, main: main.where, filters, readFilter: ctx.readFilter('n') };
  const base = (excludeTags: string[]) => store.condition(matching, excludeTags);
  const where = base([]);

  const paging = readPaging(req.paging);
  const order = store.order(req.sort, fields);
  const total = store.match(where);
  const page = total === 0 || paging.skipCount >= total ? [] : store.page(order, main.fts, paging);

  const facetRequested = ['facetQueries', 'facetFields', 'facetIntervals', 'ranges'].some((k) => req[k] !== undefined && req[k] !== null);
  const v2 = String(req.facetFormat ?? '').toUpperCase() === 'V2';
  const context: Record<string, unknown> = {};
  if (facetRequested) {
    // a facet query as the tests its top-level AND joins, each compiled alone (the query is all of them)
    const conjuncts = (text: string, bound?: CompileEnv['bound']) => andedParts(parse(text)).map((a) => compileAst(a, bound).where);
    const r = store.facets({ fields, now, base, conjuncts }, req, v2);
    Object.assign(context, r.context);
  }
  // Solr reports the last indexed transaction; the newest node row is our equivalent
  const ordered: Record<string, unknown> = { consistency: { lastTxId: store.lastTxId() }, ...context };
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

/** The items of a query's top-level AND, nested ANDs flattened (a query that is no AND is its one item). */
function andedParts(a: Ast): Ast[] {
  return a.k === 'and' ? a.items.flatMap(andedParts) : [a];
}

export type { FieldResolver };
