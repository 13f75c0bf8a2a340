// Paging and sort clauses of POST /search.
import { SearchError } from '../../search/errors';
import { FieldResolver } from '../../search/fields';
import { Sql, join, sql } from './sql';

export interface Paging {
  skipCount: number;
  maxItems: number;
}

export function readPaging(p: unknown): Paging {
  const o = (p ?? {}) as Record<string, unknown>;
  const num = (v: unknown, name: string, dflt: number, min: number) => {
    if (v === undefined || v === null || v === '') return dflt;
    const n = typeof v === 'number' ? v : Number(v); // ADF and the docs send numbers as strings
    // Jackson binds paging to Java ints in ACS: a value beyond 2^31-1 is a 400 there, never a huge page.
    if (!Number.isInteger(n) || n < min || n > 2147483647) throw new SearchError(`Invalid paging parameter ${name}: ${String(v)}`);
    return n;
  };
  return { skipCount: num(o.skipCount, 'skipCount', 0, 0), maxItems: num(o.maxItems, 'maxItems', 100, 1) };
}

/** ORDER BY terms; `score` is the select-list alias of the relevance score. Ties fall back to index order. */
/** Relevance, then node order: what a search without a sort is ordered by. */
export const DEFAULT_ORDER = 'score DESC, n.seq';

export function orderBy(sort: unknown, fields: FieldResolver): Sql {
  if (sort === undefined || sort === null) return sql(DEFAULT_ORDER);
  if (!Array.isArray(sort)) throw new SearchError('sort must be an array');
  const parts: Sql[] = [];
  for (const s of sort as Record<string, unknown>[]) {
    if (typeof s !== 'object' || s === null) throw new SearchError('Invalid sort definition');
    const type = String(s.type ?? 'FIELD').toUpperCase();
    const asc = s.ascending === true || s.ascending === 'true';
    const dir = asc ? 'ASC' : 'DESC';
    if (type === 'SCORE' || (type === 'FIELD' && String(s.field).toLowerCase() === 'score')) {
      parts.push(sql(`score ${dir}`));
      continue;
    }
    if (type === 'DOCUMENT') {
      parts.push(sql(`n.seq ${dir}`));
      continue;
    }
    if (type !== 'FIELD') throw new SearchError(`Unknown sort type '${String(s.type)}'`);
    if (typeof s.field !== 'string' || s.field.trim() === '') throw new SearchError('A FIELD sort needs a field');
    parts.push(sortExpr(s.field.trim(), fields, dir));
  }
  if (parts.length === 0) return sql(DEFAULT_ORDER);
  parts.push(sql('n.seq'));
  return { sql: parts.map((p) => p.sql).join(', '), params: parts.flatMap((p) => p.params) };
}

function sortExpr(field: string, fields: FieldResolver, dir: string): Sql {
  if (field === 'TYPE') return sql(`n.type ${dir}`);
  const f = fields.resolve(field);
  if (f.kind === 'column') {
    const expr = f.qname === 'cm:name' ? 'n.name_key' : f.type === 'text' ? `${f.col} COLLATE NOCASE` : f.col;
    return sql(`${expr} ${dir} NULLS LAST`);
  }
  if (f.kind === 'property') {
    const col = f.type === 'number' || f.type === 'date' ? 'p.num_value' : 'p.text_value COLLATE NOCASE';
    return sql(`(SELECT ${col} FROM property p WHERE p.node_id = n.seq AND p.qname = ? ORDER BY p.ord LIMIT 1) ${dir} NULLS LAST`, f.qname);
  }
  throw new SearchError(`Cannot sort by '${field}'`);
}

export { join };
