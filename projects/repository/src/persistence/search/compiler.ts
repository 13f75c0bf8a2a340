// Turns the AFTS AST into one SQL predicate over `node n`. Leaves use IN-subqueries on indexed
// tables (aspect, property, node_text) so SQLite evaluates each once, not per row.
import type { Database } from 'better-sqlite3';
import type { Ast, Range, Term } from '../../search/ast';
import { DateSpan, isoKey, parseDate } from '../../search/datemath';
import { SearchError } from '../../search/errors';
import { FieldRef, FieldResolver, ValueType } from '../../search/fields';
import { compilePath, descendantsOf } from './path';
import { FALSE, Sql, TRUE, inList, join, sql } from './sql';
import { ftsExpression, likePrefilter, wildcardToLike } from './text';
import { pairedWith } from '../property-pairs';

export interface CompileEnv {
  db: Database;
  fields: FieldResolver;
  subClassesOf(q: string): string[];
  now: Date;
  /**
   * A column already holding a single-valued property's value for the row (facet counting joins each
   * property it needs once per hit); undefined: look the value up in the property table.
   */
  bound?: (qname: string, column: 'text_value' | 'num_value') => string | undefined;
}

export interface Compiled {
  where: Sql;
  /** FTS5 expressions of positive full-text leaves, for relevance scoring */
  fts: string[];
}

export function compile(ast: Ast, env: CompileEnv): Compiled {
  const fts: string[] = [];
  const where = node(ast, env, fts, false);
  return { where, fts };
}

/**
 * A predicate over `n`; `ids`, when the predicate is `n.seq IN (ids)`: a query giving the matching node seqs
 * from the property (or aspect) indexes alone (they key nodes by seq, node's rowid: each is found by it directly).
 */
type Pred = Sql & { ids?: Sql };

/** Most sets one INTERSECT or UNION combines (SQLite refuses compounds of more than 500 selects). */
const MAX_SET_TERMS = 64;

/**
 * Seqs matched by every set (INTERSECT) or by any (UNION), as ONE `n.seq IN (…)`: an index lookup SQLite can
 * start from. Kept apart, an OR of two property tests (inbox: held by the post and moving, OR awaiting its
 * approval) could start from no index of its own, so SQLite read every node of the type to test them.
 */
function combine(sets: Pred[], op: 'INTERSECT' | 'UNION'): Pred {
  const ids: Sql = {
    sql: sets.map((s) => `SELECT * FROM (${s.ids!.sql})`).join(` ${op} `),
    params: sets.flatMap((s) => s.ids!.params)
  };
  return { sql: `n.seq IN (${ids.sql})`, params: ids.params, ids };
}

function node(a: Ast, env: CompileEnv, fts: string[], negated: boolean): Pred {
  switch (a.k) {
    case 'all':
      return TRUE;
    case 'and': {
      const { paired, rest: items } = pairUp(a.items, env);
      const parts = [...paired, ...items.map((x) => node(x, env, fts, negated))];
      if (parts.length === 1) return parts[0]; // a pair alone: still a set another AND or OR can combine
      const sets = parts.filter((p) => p.ids);
      if (sets.length < 2 || sets.length > MAX_SET_TERMS) return join(parts, ' AND ');
      const both = combine(sets, 'INTERSECT');
      const rest = parts.filter((p) => !p.ids);
      return rest.length ? join([both, ...rest], ' AND ') : both;
    }
    case 'or': {
      const parts = a.items.map((x) => node(x, env, fts, negated));
      if (parts.length >= 2 && parts.length <= MAX_SET_TERMS && parts.every((p) => p.ids)) return combine(parts, 'UNION');
      return join(parts, ' OR ');
    }
    // coalesce: a NULL comparison under NOT must count as "does not match", as in Lucene
    case 'not': {
      const inner = node(a.item, env, fts, !negated);
      return { sql: `NOT coalesce((${inner.sql}), 0)`, params: inner.params };
    }
    case 'term':
      return term(a, env, fts, negated);
    case 'range':
      return range(a, env);
  }
}

/**
 * An exact test of a property and one of a property paired with it (property-pairs.ts), ANDed: one set read
 * from the pairs (`=eo:currentHolder:"X" AND (=eo:status:"inMovement" OR =eo:status:"parked")`: the items X
 * holds that move, where intersecting "X holds" with "moving" read every item X ever held and every moving
 * item). The other items are left as they were.
 */
function pairUp(items: Ast[], env: CompileEnv): { paired: Pred[]; rest: Ast[] } {
  if (env.bound) return { paired: [], rest: items };
  const paired: Pred[] = [];
  const used = new Set<number>();
  items.forEach((item, i) => {
    if (used.has(i)) return;
    const one = valuesOf(item, env);
    if (!one || one.values.length !== 1) return;
    const partners = pairedWith(env.db, one.qname);
    if (!partners.length) return;
    const j = items.findIndex((other, k) => k !== i && !used.has(k) && partners.includes(valuesOf(other, env)?.qname ?? ''));
    if (j < 0) return;
    const two = valuesOf(items[j], env)!;
    used.add(i).add(j);
    paired.push(
      ofIds({
        sql: `SELECT node_id FROM property_pair WHERE qname = ? AND text_value = ? AND with_qname = ? AND with_value IN (${two.values.map(() => '?').join(', ')})`,
        params: [one.qname, one.values[0], two.qname, ...two.values]
      })
    );
  });
  return { paired, rest: items.filter((_, i) => !used.has(i)) };
}

/** The values an exact test (or an OR of exact tests) of one property compares `text_value` with, as valueMatch does. */
function valuesOf(a: Ast, env: CompileEnv): { qname: string; values: string[] } | undefined {
  if (a.k === 'or') {
    const each = a.items.map((x) => valuesOf(x, env));
    const qname = each[0]?.qname;
    if (!qname || each.some((e) => e?.qname !== qname)) return undefined;
    return { qname, values: each.flatMap((e) => e!.values) };
  }
  if (a.k !== 'term' || a.field === null || a.wild) return undefined;
  let f: FieldRef;
  try {
    f = env.fields.resolve(a.field);
  } catch {
    return undefined; // compiled as before, failing there
  }
  if (f.kind !== 'property') return undefined;
  const type = effectiveType(f.type, [a.value]);
  if (type === 'date' || type === 'number' || type === 'bool') return undefined;
  // valueMatch's `text_value = ?`
  if ((a.exact && type !== 'text') || (type === 'text' && f.tokenised === 'false')) return { qname: f.qname, values: [a.value] };
  return undefined;
}

function term(t: Term, env: CompileEnv, fts: string[], negated: boolean): Pred {
  const f: FieldRef = t.field === null ? { kind: 'text' } : env.fields.resolve(t.field);
  if (f.kind === 'special') return special(f.name, t, env, fts, negated);
  if (f.kind === 'text') return fullText(t.value, fts, negated);
  if (t.wild && /^\*+$/u.test(t.value)) return exists(f);
  return valueMatch(f, t, env);
}

function fullText(value: string, fts: string[], negated: boolean): Sql {
  if (/^\*+$/u.test(value)) return TRUE;
  const expr = ftsExpression(value, []);
  if (expr === 'NONE') return FALSE;
  if (expr === undefined) {
    // wildcards FTS5 cannot express: scan the stored text with the token matcher
    return sql(
      'n.seq IN (SELECT rowid FROM node_text WHERE afts_tokmatch(name, ?) OR afts_tokmatch(title, ?) OR afts_tokmatch(description, ?) OR afts_tokmatch(content, ?))',
      value,
      value,
      value,
      value
    );
  }
  if (!negated) fts.push(expr);
  return sql('n.seq IN (SELECT rowid FROM node_text WHERE node_text MATCH ?)', expr);
}

/** Predicate on one value of field `f`: `cmp` uses `v` for the value expression. */
function onValue(
  f: Extract<FieldRef, { kind: 'column' | 'property' }>,
  column: 'text_value' | 'num_value',
  cmp: (v: string) => Sql,
  env?: CompileEnv
): Pred {
  if (f.kind === 'column') return cmp(f.col);
  const bound = env?.bound?.(f.qname, column);
  if (bound) return cmp(bound);
  const c = cmp(`p.${column}`);
  return ofIds({ sql: `SELECT p.node_id FROM property p WHERE p.qname = ? AND ${c.sql}`, params: [f.qname, ...c.params] });
}

const ofIds = (ids: Sql): Pred => ({ sql: `n.seq IN (${ids.sql})`, params: ids.params, ids });

function exists(f: FieldRef): Pred {
  if (f.kind === 'column') return sql(`${f.col} IS NOT NULL`);
  if (f.kind === 'property') return ofIds(sql('SELECT node_id FROM property WHERE qname = ?', f.qname));
  return TRUE;
}

function valueMatch(f: Extract<FieldRef, { kind: 'column' | 'property' }>, t: Term, env: CompileEnv): Pred {
  const type = effectiveType(f.type, [t.value]);
  if (type === 'date' && !t.wild) {
    const span = parseDate(t.value, env.now);
    if (!span) throw new SearchError(`Invalid date '${t.value}' for ${f.qname}`);
    return dateBetween(f, span.start, span.end, env);
  }
  if (type === 'number') {
    // Solr indexes d:int/d:long/d:float/d:double as Trie numbers (prefix-coded binary terms, Search Services'
    // schema.xml) and Elasticsearch as numeric fields: a wildcard pattern such as 12* meets no term there, so
    // it matches nothing; only `field:*` (handled above) asks whether the property is set.
    if (t.wild) return FALSE;
    const num = Number(t.value);
    if (t.value.trim() === '' || Number.isNaN(num)) throw new SearchError(`Invalid number '${t.value}' for ${f.qname}`);
    return onValue(f, 'num_value', (v) => sql(`${v} = ?`, num), env);
  }
  if (type === 'bool') return onValue(f, 'text_value', (v) => sql(`lower(${v}) = ?`, t.value.toLowerCase()), env);
  // `=` is an exact TERM search since Search Services 2.0 (Solr4QueryParser with AnalysisMode.IDENTIFIER ->
  // AlfrescoSolrDataModel.addExactSearchFields; Elasticsearch: AFTSQueryParserAdaptor's exactTermSearch field):
  // only a property indexed with <tokenised>false</tokenised> has the whole value to compare; on a tokenised
  // one (true or both) `=` matches a token, like a plain term without stemming. (A stock ACS even refuses
  // exact term search on tokenised properties not configured for cross-locale search.)
  // An untokenised text property has only the whole value in the index, whatever the operator: Search
  // Services indexes <tokenised>false</tokenised> in Solr string fields (AlfrescoSolrDataModel
  // addFullTextSearchFields -> text@s____@ StripLocaleStrField and text@s__l_@ whose MLAnalayser picks the
  // `identifier` StrField), and Solr4QueryParser.addMLTextOrTextAttributeQuery turns lowercaseExpandedTerms
  // off for it, so plain terms and wildcards alike compare the whole value, case-sensitively.
  if ((t.exact && type !== 'text') || (type === 'text' && f.tokenised === 'false')) {
    if (t.wild) return onValue(f, 'text_value', (v) => sql(`${v} GLOB ?`, t.value.replace(/[[\]]/gu, '[$&]')), env);
    return onValue(f, 'text_value', (v) => sql(`${v} = ?`, t.value), env);
  }
  if (type === 'other') {
    // identifiers (mimetypes, node refs, QNames): whole value, case-insensitive
    if (t.wild) return onValue(f, 'text_value', (v) => sql(`${v} LIKE ? ESCAPE '\\'`, wildcardToLike(t.value)), env);
    return onValue(f, 'text_value', (v) => sql(`lower(${v}) = lower(?)`, t.value), env);
  }
  // text: token / prefix match, case-insensitive; LIKE first so the JS matcher sees few rows
  const like = likePrefilter(t.value);
  return onValue(
    f,
    'text_value',
    (v) => (like ? sql(`${v} LIKE ? ESCAPE '\\' AND afts_tokmatch(${v}, ?)`, like, t.value) : sql(`afts_tokmatch(${v}, ?)`, t.value)),
    env
  );
}

/** Unknown properties (not in the dictionary): guess the type from the query values. */
function effectiveType(type: ValueType, values: (string | null)[]): ValueType {
  if (type !== 'unknown') return type;
  const vs = values.filter((v): v is string => v !== null);
  if (vs.length > 0 && vs.every((v) => /^-?\d+(\.\d+)?$/u.test(v.trim()))) return 'number';
  if (vs.length > 0 && vs.every((v) => /^(NOW|TODAY|\d{4}-\d{2})/u.test(v.trim()))) return 'date';
  return 'text';
}

function dateBetween(f: Extract<FieldRef, { kind: 'column' | 'property' }>, lo: number | null, hi: number | null, env?: CompileEnv): Sql {
  // columns hold ISO text: compare on the first 23 characters (to the millisecond), half-open
  const conv = f.kind === 'column' ? isoKey : (x: number) => x;
  return onValue(
    f,
    'num_value',
    (v) => {
      const parts: Sql[] = [];
      if (lo !== null) parts.push(sql(`${v} >= ?`, conv(lo)));
      if (hi !== null) parts.push(sql(`${v} < ?`, conv(hi)));
      parts.push(sql(`${v} IS NOT NULL`));
      return join(parts, ' AND ');
    },
    env
  );
}

function range(r: Range, env: CompileEnv): Sql {
  if (r.field === null) throw new SearchError('A range needs a field');
  const f = env.fields.resolve(r.field);
  if (f.kind === 'special') throw new SearchError(`${f.name} does not support ranges`);
  if (f.kind === 'text') throw new SearchError('Full text does not support ranges');
  const type = effectiveType(f.type, [r.lo, r.hi]);
  if (type === 'date') {
    const date = (s: string | null): DateSpan | null => {
      if (s === null) return null;
      const d = parseDate(s, env.now);
      if (!d) throw new SearchError(`Invalid date '${s}' in range for ${f.qname}`);
      return d;
    };
    const lo = date(r.lo);
    const hi = date(r.hi);
    // partial dates widen inclusively: [2026-01 TO 2026-02] runs to the end of February
    return dateBetween(f, lo ? (r.loInc ? lo.start : lo.end) : null, hi ? (r.hiInc ? hi.end : hi.start) : null, env);
  }
  if (type === 'number') {
    const num = (s: string | null) => {
      if (s === null) return null;
      const x = Number(s);
      if (s.trim() === '' || Number.isNaN(x)) throw new SearchError(`Invalid number '${s}' in range for ${f.qname}`);
      return x;
    };
    const lo = num(r.lo);
    const hi = num(r.hi);
    return onValue(
      f,
      'num_value',
      (v) => {
        const parts: Sql[] = [sql(`${v} IS NOT NULL`)];
        if (lo !== null) parts.push(sql(`${v} ${r.loInc ? '>=' : '>'} ?`, lo));
        if (hi !== null) parts.push(sql(`${v} ${r.hiInc ? '<=' : '<'} ?`, hi));
        return join(parts, ' AND ');
      },
      env
    );
  }
  // a range on an untokenised text property runs over its Solr string field: case-sensitive
  if (type === 'text' && f.tokenised === 'false') {
    return onValue(
      f,
      'text_value',
      (v) => {
        const parts: Sql[] = [sql(`${v} IS NOT NULL`)];
        if (r.lo !== null) parts.push(sql(`${v} ${r.loInc ? '>=' : '>'} ?`, r.lo));
        if (r.hi !== null) parts.push(sql(`${v} ${r.hiInc ? '<=' : '<'} ?`, r.hi));
        return join(parts, ' AND ');
      },
      env
    );
  }
  // text ranges compare case-insensitively
  return onValue(
    f,
    'text_value',
    (v) => {
      const parts: Sql[] = [sql(`${v} IS NOT NULL`)];
      if (r.lo !== null) parts.push(sql(`lower(${v}) ${r.loInc ? '>=' : '>'} lower(?)`, r.lo));
      if (r.hi !== null) parts.push(sql(`lower(${v}) ${r.hiInc ? '<=' : '<'} lower(?)`, r.hi));
      return join(parts, ' AND ');
    },
    env
  );
}

/** `workspace://SpacesStore/<id>` (optionally `;1.0`) or a bare id. */
export function nodeIdOf(ref: string): string {
  return ref
    .trim()
    .replace(/^[a-z]+:\/\/[^/]+\//iu, '')
    .replace(/;.*$/u, '');
}

function special(name: string, t: Term, env: CompileEnv, fts: string[], negated: boolean): Sql {
  const v = t.value.trim();
  switch (name) {
    case 'TYPE':
    case 'EXACTTYPE': {
      const q = env.fields.qname(v);
      const all = name === 'TYPE' ? env.subClassesOf(q) : [q];
      // A type matches a large share of the repository (every receipt, every file): told so, SQLite starts
      // from a sibling that narrows more (=eo:status:"inMovement", a parent) and tests the type on its rows,
      // instead of reading every node of the type (a third of a million-item repository) to test the rest.
      // The index on type is still used when nothing else narrows.
      const l = inList('n.type', all.length ? all : [q]);
      return { sql: `likelihood(${l.sql}, 0.5)`, params: l.params };
    }
    case 'ASPECT':
    case 'EXACTASPECT': {
      const q = env.fields.qname(v);
      const all = name === 'ASPECT' ? env.subClassesOf(q) : [q];
      const l = inList('qname', all.length ? all : [q]);
      return { sql: `n.seq IN (SELECT node_id FROM aspect WHERE ${l.sql})`, params: l.params };
    }
    case 'ID':
      return sql('n.id = ?', nodeIdOf(v));
    case 'DBID':
      return sql('n.seq = ?', Number(v));
    case 'PARENT': {
      const id = nodeIdOf(v);
      return sql('(n.parent_id = ? OR n.id IN (SELECT child_id FROM child_assoc WHERE parent_id = ?))', id, id);
    }
    case 'ANCESTOR': {
      const d = descendantsOf(nodeIdOf(v));
      return { sql: `n.id IN (${d.sql})`, params: d.params };
    }
    case 'SITE': {
      const site = env.db.prepare('SELECT node_id FROM site WHERE id = ?').get(v) as { node_id: string } | undefined;
      if (!site) return FALSE;
      const d = descendantsOf(site.node_id);
      return { sql: `n.id IN (${d.sql})`, params: d.params };
    }
    case 'PATH':
      return compilePath(env.db, v, env.fields.qname);
    case 'TAG': {
      const cond = t.wild ? sql("t.tag_key LIKE ? ESCAPE '\\'", wildcardToLike(v.toLowerCase())) : sql('t.tag_key = ?', v.toLowerCase());
      return { sql: `n.id IN (SELECT nt.node_id FROM node_tag nt JOIN tag t ON t.id = nt.tag_id WHERE ${cond.sql})`, params: cond.params };
    }
    case 'QNAME': {
      const q = v.includes(':') || v.startsWith('{') ? env.fields.qname(v) : `cm:${v}`;
      if (t.wild) return sql("n.assoc_qname LIKE ? ESCAPE '\\'", wildcardToLike(q));
      return sql('afts_iso9075(n.assoc_qname) = afts_iso9075(?)', q);
    }
    case 'PNAME': {
      // PNAME:"0/wiki": the primary parent (0 levels above it) has association name …:wiki
      const m = /^(\d+)\/(.+)$/u.exec(v);
      if (!m) throw new SearchError(`Invalid PNAME '${v}'`);
      const local = m[2].includes(':') ? m[2].slice(m[2].indexOf(':') + 1) : m[2];
      let inner = "SELECT id FROM node WHERE afts_iso9075(substr(assoc_qname, instr(assoc_qname, ':') + 1)) = ?";
      for (let k = 0; k < Number(m[1]); k++) inner = `SELECT id FROM node WHERE parent_id IN (${inner})`;
      return sql(`n.parent_id IN (${inner})`, local);
    }
    case 'ISNULL':
    case 'ISUNSET':
    case 'ISNOTNULL':
    case 'EXISTS': {
      const e = exists(env.fields.resolve(v));
      return name === 'ISNULL' || name === 'ISUNSET' ? { sql: `NOT (${e.sql})`, params: e.params } : e;
    }
    default:
      return fullText(t.value, fts, negated);
  }
}
