// Facets computed in SQL over the matched set: one statement over the search's matched nodes (the table
// runSearch filled; a MATERIALIZED CTE per other set of excluded filter tags), then GROUP BY for field
// facets and conditional sums for query, interval and range buckets. Response shapes follow ACS's mapper.
import type { Database } from 'better-sqlite3';
import { addGap, isoKey, parseDate } from '../../search/datemath';
import { SearchError } from '../../search/errors';
import { FieldRef, FieldResolver, stripQuotes } from '../../search/fields';
import { Sql, join } from './sql';

export interface FacetEnv {
  db: Database;
  fields: FieldResolver;
  now: Date;
  /** predicate over `n` for the query and filter queries, leaving out filters with the given tags */
  base(excludeTags: string[]): Sql;
  /** the table holding the seqs (`seq`) and types (`type`) of the nodes `base([])` matches (runSearch computed them already) */
  matched: string;
  /**
   * Compiles an AFTS query (a facet query) to predicates over `n`, one per test its top-level AND joins (the
   * query holds where all hold; single-valued properties may be bound to columns)
   */
  conjuncts(query: string, bound?: (qname: string, column: 'text_value' | 'num_value') => string | undefined): Sql[];
}

interface Arm {
  sql: string;
  params: unknown[];
}
type Bound = number | string | null;
interface Bucket {
  lo: Bound;
  hi: Bound;
  loInc: boolean;
  hiInc: boolean;
}

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
const bool = (v: unknown, d: boolean) => (v === undefined || v === null ? d : v === true || v === 'true');

export interface FacetResult {
  context: Record<string, unknown>;
}

/**
 * What one facet request is made of: the arms of the one statement (each a SELECT of rows (k, v, c) for arm k),
 * the hit sets of excluded filter tags, and the facet queries' materialised columns. The steps below add
 * arms to it; `run` executes the statement and hands back each arm's rows.
 */
class FacetPlan {
  readonly arms: Arm[] = [];
  private readonly ctes = new Map<string, { name: string; sql: Sql }>();

  constructor(private readonly env: FacetEnv) {}

  /** The hit set leaving out the filters tagged `exclude` (the search's own matched set when none). */
  hits(exclude: unknown): string {
    const tags = Array.isArray(exclude) ? exclude.map(String).sort() : [];
    if (tags.length === 0) return this.env.matched;
    const key = tags.join('\u0000');
    let c = this.ctes.get(key);
    if (!c) {
      c = { name: `hits${this.ctes.size}`, sql: this.env.base(tags) };
      this.ctes.set(key, c);
    }
    return c.name;
  }

  /** CROSS JOIN: from the hits to their nodes, never a scan of every node looking each up in the hits. */
  from(hits: string): string {
    return `${hits} h CROSS JOIN node n ON n.seq = h.seq`;
  }

  /** Adds an arm; its number is the k its rows carry. */
  add(arm: Arm): number {
    this.arms.push(arm);
    return this.arms.length - 1;
  }

  run(): Map<number, { v: unknown; c: number }[]> {
    const withs = [...this.ctes.values()].map((c) => `${c.name} AS MATERIALIZED (SELECT n.seq AS seq FROM node n WHERE ${c.sql.sql})`);
    const statement = `${withs.length ? `WITH ${withs.join(', ')} ` : ''}${this.arms.map((a) => a.sql).join(' UNION ALL ')}`;
    const params = [...[...this.ctes.values()].flatMap((c) => c.sql.params), ...this.arms.flatMap((a) => a.params)];
    const rows = this.arms.length ? (this.env.db.prepare(statement).all(...params) as { k: number; v: unknown; c: number }[]) : [];
    const byArm = new Map<number, { v: unknown; c: number }[]>();
    for (const r of rows) {
      if (!byArm.has(r.k)) byArm.set(r.k, []);
      byArm.get(r.k)!.push(r);
    }
    return byArm;
  }
}

type ByArm = Map<number, { v: unknown; c: number }[]>;
interface FacetOut {
  context: Record<string, unknown>;
  facets: Record<string, unknown>[];
}

export function computeFacets(env: FacetEnv, body: Record<string, unknown>, v2: boolean): FacetResult {
  const plan = new FacetPlan(env);
  const queryCounts = countFacetQueries(env, body);
  const fieldFacets = planFieldFacets(plan, env, body);
  const intervals = planIntervals(plan, env, body);
  const ranges = planRanges(plan, env, body);
  const byArm = plan.run();
  const out: FacetOut = { context: {}, facets: [] };
  answerFacetQueries(out, body, queryCounts, v2);
  answerFieldFacets(out, env, fieldFacets, byArm, v2);
  answerIntervals(out, intervals, byArm);
  answerRanges(out, ranges, byArm);
  if (out.facets.length > 0 || v2) out.context.facets = out.facets;
  return { context: out.context };
}

/**
 * Facet queries: the single-valued properties they test are read once per hit into columns first (`fqrows`),
 * so each test is a comparison of a column, not an index lookup. Then they are counted grouped by value: a
 * query whose AND tests a column for equality (TYPE:"eo:receipt", =eo:currentHolder:"X") is answered from
 * one GROUP BY of that column, counting the rest of the query per group. The pendency dashboard's hundred
 * queries are a post, a type or an urgency crossed with five age ranges: three GROUP BYs with a few
 * conditional counts each, where one row of a hundred conditional counts tested every query on every hit.
 * Queries with no such test are counted as before, in one pass over the hits. One statement for them all.
 */
function countFacetQueries(env: FacetEnv, body: Record<string, unknown>): number[] {
  const fqs = Array.isArray(body.facetQueries) ? (body.facetQueries as Record<string, unknown>[]) : [];
  if (fqs.length === 0) return [];
  for (const q of fqs) if (typeof q?.query !== 'string') throw new SearchError('A facet query needs a query');
  const wanted = new Map<string, Set<'text_value' | 'num_value'>>();
  for (const q of fqs)
    env.conjuncts(String(q.query), (qname, column) => {
      if (!wanted.has(qname)) wanted.set(qname, new Set());
      wanted.get(qname)!.add(column);
      return undefined;
    });
  // only properties no node holds several values of (ord ≥ 1; a single value is stored with ord -1) can be read as one column
  const single = [...wanted.keys()].filter(
    (qname) => !env.db.prepare('SELECT 1 FROM property WHERE qname = ? AND ord > 0 LIMIT 1').get(qname)
  );
  const columns: { name: string; qname: string; column: 'text_value' | 'num_value' }[] = [];
  single.forEach((qname, i) =>
    wanted.get(qname)!.forEach((column) => columns.push({ name: `b${i}${column === 'text_value' ? 't' : 'n'}`, qname, column }))
  );
  // The rows are read as `n`, standing in for the node: a bound property is a column of them (n.b0n), and so is
  // every node column a query tests (n.type above all), copied in below.
  const bound = (qname: string, column: 'text_value' | 'num_value') => {
    const c = columns.find((x) => x.qname === qname && x.column === column);
    return c ? `n.${c.name}` : undefined;
  };
  const parts = fqs.map((q) => env.conjuncts(String(q.query), bound));
  // The node columns the queries test, copied into the rows: counting then reads one materialised row per hit,
  // never its node a second time.
  const nodeColumns = [...new Set(parts.flat().flatMap((p) => [...p.sql.matchAll(/\bn\.(\w+)/gu)].map((m) => m[1])))].filter(
    (name) => name !== 'seq' && !columns.some((c) => c.name === name)
  );
  const pivot = columns.map(
    (c) => `(SELECT pr.${c.column} FROM property pr WHERE pr.node_id = h.seq AND pr.qname = ? ORDER BY pr.ord LIMIT 1) AS ${c.name}`
  );
  // the type is kept with the hits (SearchStore.match): a node is read only for another of its columns
  const fromNode = nodeColumns.filter((c) => c !== 'type');
  const rows =
    `SELECT h.seq AS seq${nodeColumns.map((c) => `, ${c === 'type' ? 'h' : 'n'}.${c} AS ${c}`).join('')}${pivot.map((x) => `, ${x}`).join('')} ` +
    `FROM ${env.matched} h${fromNode.length ? ' CROSS JOIN node n ON n.seq = h.seq' : ''}`;

  // Each query grouped by one of its equality tests, the column most queries can be grouped by (the pendency
  // dashboard's kind, urgency and category queries all by type); its other tests are counted per group.
  const keyed = parts.map((ps) => ps.map(keyTest));
  const popularity = new Map<string, number>();
  for (const ks of keyed)
    for (const column of new Set(ks.filter((k) => k).map((k) => k!.column))) popularity.set(column, (popularity.get(column) ?? 0) + 1);
  const groups = new Map<string, { column?: string; values: unknown[]; rests: Sql[]; restOf: Map<string, number> }>();
  const plans = parts.map((ps, i) => {
    let at = -1;
    keyed[i].forEach((k, j) => {
      if (k && (at < 0 || popularity.get(k.column)! > popularity.get(keyed[i][at]!.column)!)) at = j;
    });
    const key = at < 0 ? undefined : keyed[i][at]!;
    const rest = ps.filter((_, j) => j !== at);
    const restSql = rest.length ? join(rest, ' AND ') : undefined;
    const name = key?.column ?? '';
    if (!groups.has(name)) groups.set(name, { column: key?.column, values: [], rests: [], restOf: new Map() });
    const g = groups.get(name)!;
    // the same rest (an age range) is counted once per group, for every query that has it
    const restKey = restSql ? JSON.stringify([restSql.sql, restSql.params]) : '';
    if (!g.restOf.has(restKey)) {
      g.restOf.set(restKey, g.rests.length);
      g.rests.push(restSql ?? { sql: '1', params: [] });
    }
    if (key) g.values.push(...key.values);
    return { group: name, rest: g.restOf.get(restKey)!, values: key ? new Set(key.values.map(valueKey)) : undefined };
  });

  // One arm per group (and per MAX_COUNTS of its counts): rows (a, v, c0 … cN), v the group's value (none
  // without a key), padded to the widest arm for UNION ALL.
  const chunks = [...groups].flatMap(([name, g]) =>
    Array.from({ length: Math.ceil(g.rests.length / MAX_COUNTS) }, (_, i) => ({
      group: name,
      column: g.column,
      values: g.values,
      from: i * MAX_COUNTS,
      rests: g.rests.slice(i * MAX_COUNTS, (i + 1) * MAX_COUNTS)
    }))
  );
  const width = Math.max(...chunks.map((c) => c.rests.length));
  const arms = chunks.map((c, a) => {
    const counts = c.rests.map((r, j) => (r.sql === '1' ? `count(*) AS c${j}` : `count(*) FILTER (WHERE ${r.sql}) AS c${j}`));
    for (let j = c.rests.length; j < width; j++) counts.push(`NULL AS c${j}`);
    const params = c.rests.flatMap((r) => r.params);
    return c.column
      ? {
          sql: `SELECT ${a} AS a, ${c.column} AS v, ${counts.join(', ')} FROM fqrows n WHERE ${c.column} IN (SELECT value FROM json_each(?)) GROUP BY ${c.column}`,
          params: [...params, JSON.stringify([...new Set(c.values)])]
        }
      : { sql: `SELECT ${a} AS a, NULL AS v, ${counts.join(', ')} FROM fqrows n`, params };
  });
  const result = env.db
    .prepare(`WITH fqrows AS MATERIALIZED (${rows}) ${arms.map((a) => a.sql).join(' UNION ALL ')}`)
    .all(...columns.map((c) => c.qname), ...arms.flatMap((a) => a.params)) as ({ a: number; v: unknown } & Record<string, number | null>)[];

  // counts[group][value][rest]
  const counted = new Map<string, Map<string, number[]>>();
  for (const r of result) {
    const chunk = chunks[r.a];
    if (!counted.has(chunk.group)) counted.set(chunk.group, new Map());
    const byValue = counted.get(chunk.group)!;
    const v = chunk.column ? valueKey(r.v) : '';
    if (!byValue.has(v)) byValue.set(v, []);
    const cs = byValue.get(v)!;
    chunk.rests.forEach((_, j) => (cs[chunk.from + j] = Number(r[`c${j}`] ?? 0)));
  }
  return plans.map((p) => {
    const byValue = counted.get(p.group);
    if (!byValue) return 0;
    if (!p.values) return byValue.get('')?.[p.rest] ?? 0;
    let c = 0;
    for (const v of p.values) c += byValue.get(v)?.[p.rest] ?? 0;
    return c;
  });
}

/** Most counts one arm of the facet queries' statement computes (SQLite allows 2,000 columns a row). */
const MAX_COUNTS = 500;

/** A group's value as a key: text and numbers apart, as SQLite's `=` keeps them (and as the tests bind them). */
const valueKey = (v: unknown) => `${typeof v === 'number' ? 'n' : 's'}${String(v)}`;

/**
 * A test of a hit row's column for equality with one of some values, as the compiler writes it: TYPE
 * (`likelihood(n.type = ?, 0.5)`, or an IN list of the type and its subtypes) or an exact test of a bound
 * single-valued property (`n.b2t = ?`, text with a text value, number with a number; an OR of them on one
 * column). Anything else (a range, a NOT, a token match) is no key and is counted per group.
 */
function keyTest(p: Sql): { column: string; values: unknown[] } | undefined {
  const text = (vs: unknown[]) => vs.every((v) => typeof v === 'string');
  if (/^likelihood\(n\.type = \?, 0\.5\)$/u.test(p.sql) && text(p.params)) return { column: 'n.type', values: p.params };
  if (/^likelihood\(n\.type IN \(SELECT value FROM json_each\(\?\)\), 0\.5\)$/u.test(p.sql)) {
    const values = JSON.parse(String(p.params[0])) as unknown[];
    return Array.isArray(values) && text(values) ? { column: 'n.type', values } : undefined;
  }
  const one = /^n\.(b\d+)([tn]) = \?$/u.exec(p.sql);
  const any = /^\(n\.(b\d+)([tn]) = \?\)(?: OR \(n\.\1\2 = \?\))+$/u.exec(p.sql);
  const m = one ?? any;
  if (!m) return undefined;
  const ok = m[2] === 't' ? text(p.params) : p.params.every((v) => typeof v === 'number' && Number.isFinite(v));
  return ok ? { column: `n.${m[1]}${m[2]}`, values: p.params } : undefined;
}

/** Field facets: one GROUP BY over the hits (less the filters the facet excludes) per field. */
function planFieldFacets(plan: FacetPlan, env: FacetEnv, body: Record<string, unknown>) {
  const from = (h: string) => plan.from(h);
  const hits = (exclude: unknown) => plan.hits(exclude);
  const arms = plan.arms;
  const arm = (sql: string, params: unknown[]) => plan.add({ sql, params });
  const ffs = Array.isArray((body.facetFields as Record<string, unknown> | undefined)?.facets)
    ? ((body.facetFields as Record<string, unknown>).facets as Record<string, unknown>[])
    : [];
  const ffArms: number[] = [];
  for (const ff of ffs) {
    if (typeof ff?.field !== 'string' || ff.field.trim() === '') throw new SearchError('A facet field needs a field');
    const src = valueSource(stripQuotes(ff.field), env.fields);
    const limit = ff.limit === undefined || ff.limit === null ? 100 : Number(ff.limit);
    const offset = Number(ff.offset ?? 0);
    const mincount = Number(ff.mincount ?? 1);
    const prefix = str(ff.prefix);
    const order = String(ff.sort ?? 'COUNT').toUpperCase() === 'INDEX' ? 'v' : 'c DESC, v';
    const k = arms.length;
    ffArms.push(k);
    // unary +: the value is tested on the hit's own row (found by node and qname), never searched for in the
    // index of all values, which SQLite would otherwise scan once per hit
    const where = prefix ? ` AND +${src.expr} LIKE ? ESCAPE '\\'` : '';
    arm(
      `SELECT * FROM (SELECT ${k} AS k, ${src.expr} AS v, count(*) AS c FROM ${from(hits(ff.excludeFilters))} ${src.join} ` +
        `WHERE +${src.expr} IS NOT NULL${where} GROUP BY v HAVING count(*) >= ? ORDER BY ${order} LIMIT ? OFFSET ?)`,
      [...src.params, ...(prefix ? [prefix.replace(/[%_\\]/gu, '\\$&') + '%'] : []), Math.max(mincount, 1), limit < 0 ? -1 : limit, offset]
    );
  }

  return { ffs, ffArms };
}

/** Intervals: the request's global sets plus each interval's own, counted as conditional sums. */
function planIntervals(plan: FacetPlan, env: FacetEnv, body: Record<string, unknown>) {
  const from = (h: string) => plan.from(h);
  const hits = (exclude: unknown) => plan.hits(exclude);
  const arms = plan.arms;
  const fi = (body.facetIntervals ?? {}) as Record<string, unknown>;
  const globalSets = Array.isArray(fi.sets) ? (fi.sets as Record<string, unknown>[]) : [];
  const intervals = Array.isArray(fi.intervals) ? (fi.intervals as Record<string, unknown>[]) : [];
  const intervalArms: { k: number; label: string; field: string; sets: Record<string, unknown>[] }[] = [];
  for (const iv of intervals) {
    if (typeof iv?.field !== 'string') throw new SearchError('A facet interval needs a field');
    const field = stripQuotes(iv.field);
    const sets = [...globalSets, ...(Array.isArray(iv.sets) ? (iv.sets as Record<string, unknown>[]) : [])];
    const src = valueSource(field, env.fields);
    const buckets = sets.map((s) =>
      intervalBucket(str(s.start), str(s.end), bool(s.startInclusive, true), bool(s.endInclusive, true), src, env.now)
    );
    const k = arms.length;
    intervalArms.push({ k, label: str(iv.label) ?? field, field, sets });
    arms.push(sumsArm(k, src, buckets, from(hits(iv.excludeFilters))));
  }

  return intervalArms;
}

/** Ranges: buckets from start, end and gap, counted as conditional sums. */
function planRanges(plan: FacetPlan, env: FacetEnv, body: Record<string, unknown>) {
  const from = (h: string) => plan.from(h);
  const hits = (exclude: unknown) => plan.hits(exclude);
  const arms = plan.arms;
  const ranges = Array.isArray(body.ranges) ? (body.ranges as Record<string, unknown>[]) : [];
  const rangeArms: {
    k: number;
    label: string;
    buckets: { start: string; end: string; startInc: boolean; endInc: boolean; label?: string }[];
  }[] = [];
  for (const r of ranges) {
    if (typeof r?.field !== 'string') throw new SearchError('A range facet needs a field');
    const field = stripQuotes(r.field);
    const src = valueSource(field, env.fields);
    const plan = planRange(r, src.type, env.now);
    const buckets: Bucket[] = plan.map((b) => normalise(src, { lo: b.startValue, hi: b.endValue, loInc: b.startInc, hiInc: b.endInc }));
    const k = arms.length;
    rangeArms.push({ k, label: str(r.label) ?? field, buckets: plan });
    arms.push(sumsArm(k, src, buckets, from(hits(r.excludeFilters))));
  }

  return rangeArms;
}

/** Facet queries answered: grouped (by `group`) into query facets with V2 or when any has a group. */
function answerFacetQueries({ context, facets }: FacetOut, body: Record<string, unknown>, queryCounts: number[], v2: boolean): void {
  const fqs = Array.isArray(body.facetQueries) ? (body.facetQueries as Record<string, unknown>[]) : [];
  if (fqs.length > 0) {
    const counts = fqs.map((q, i) => ({
      label: str(q.label) ?? String(q.query),
      filterQuery: String(q.query),
      count: queryCounts[i],
      group: str(q.group)
    }));
    if (v2 || counts.some((c) => c.group !== undefined)) {
      const groups = new Map<string | undefined, typeof counts>();
      for (const c of counts) {
        if (!groups.has(c.group)) groups.set(c.group, []);
        groups.get(c.group)!.push(c);
      }
      for (const [group, cs] of groups) {
        facets.push(
          withoutUndefined({
            type: 'query',
            label: group,
            buckets: cs.map((c) => ({
              label: c.label,
              filterQuery: c.filterQuery,
              metrics: [{ type: 'count', value: { count: c.count } }]
            }))
          })
        );
      }
    } else {
      context.facetQueries = counts.map((c) => ({ label: c.label, filterQuery: c.filterQuery, count: c.count }));
    }
  }
}

/** Field facets answered: counts are strings in the V2 shape, numbers in the legacy one (as ACS does). */
function answerFieldFacets(
  { context, facets }: FacetOut,
  env: FacetEnv,
  { ffs, ffArms }: ReturnType<typeof planFieldFacets>,
  byArm: ByArm,
  v2: boolean
): void {
  const fields: Record<string, unknown>[] = [];
  ffs.forEach((ff, i) => {
    const rowsF = byArm.get(ffArms[i]) ?? [];
    if (rowsF.length === 0) return;
    const field = stripQuotes(String(ff.field));
    const label = str(ff.label) ?? field;
    const display = displayNames(
      env.db,
      field,
      env.fields,
      rowsF.map((r) => String(r.v))
    );
    const buckets = rowsF.map((r) => {
      const value = String(r.v);
      const fq = `${field}:"${value.replace(/(["\\])/gu, '\\$1')}"`;
      return v2
        ? withoutUndefined({
            label: value,
            filterQuery: fq,
            display: display.get(value),
            metrics: [{ type: 'count', value: { count: String(r.c) } }]
          })
        : withoutUndefined({ label: value, filterQuery: fq, count: r.c, display: display.get(value) });
    });
    if (v2) facets.push({ type: 'field', label, buckets });
    else fields.push({ label, buckets });
  });
  if (!v2 && ffs.length > 0) context.facetsFields = fields;
}

function answerIntervals({ facets }: FacetOut, intervalArms: ReturnType<typeof planIntervals>, byArm: ByArm): void {
  for (const ia of intervalArms) {
    const counts = String(byArm.get(ia.k)?.[0]?.v ?? '').split(',');
    facets.push({
      type: 'interval',
      label: ia.label,
      buckets: ia.sets.map((s, j) => {
        const start = str(s.start) ?? '*';
        const end = str(s.end) ?? '*';
        const si = bool(s.startInclusive, true);
        const ei = bool(s.endInclusive, true);
        return {
          label: str(s.label) ?? `${si ? '[' : '('}${start},${end}${ei ? ']' : ')'}`,
          filterQuery: `${ia.field}:${si ? '[' : '<'}${quoteBound(start)} TO ${quoteBound(end)}${ei ? ']' : '>'}`,
          metrics: [{ type: 'count', value: { count: String(Number(counts[j] ?? 0)) } }],
          bucketInfo: { start, end, startInclusive: String(si), endInclusive: String(ei) }
        };
      })
    });
  }
}

function answerRanges({ facets }: FacetOut, rangeArms: ReturnType<typeof planRanges>, byArm: ByArm): void {
  for (const ra of rangeArms) {
    const counts = String(byArm.get(ra.k)?.[0]?.v ?? '').split(',');
    facets.push({
      type: 'range',
      label: ra.label,
      buckets: ra.buckets.map((b, j) => ({
        label: b.label ?? `${b.startInc ? '[' : '('}${b.start} - ${b.end}${b.endInc ? ']' : ')'}`,
        filterQuery: `${ra.label}:${b.startInc ? '[' : '<'}"${b.start}" TO "${b.end}"${b.endInc ? ']' : '>'}`,
        metrics: [{ type: 'count', value: { count: String(Number(counts[j] ?? 0)) } }],
        bucketInfo: { start: b.start, end: b.end, startInclusive: String(b.startInc), endInclusive: String(b.endInc) }
      }))
    });
  }
}

interface Source {
  expr: string;
  join: string;
  params: unknown[];
  type: 'text' | 'date' | 'number';
  column: boolean;
}

/** Where a facet field's values come from: a node column or the property table (one row per value). */
function valueSource(field: string, fields: FieldResolver): Source {
  if (field === 'TYPE') return { expr: 'n.type', join: '', params: [], type: 'text', column: true };
  if (field === 'TAG')
    return {
      expr: 't.tag',
      join: 'JOIN node_tag nt ON nt.node_id = n.id JOIN tag t ON t.id = nt.tag_id',
      params: [],
      type: 'text',
      column: false
    };
  const f: FieldRef = fields.resolve(field);
  if (f.kind === 'column')
    return { expr: f.col, join: '', params: [], type: f.type === 'date' ? 'date' : f.type === 'number' ? 'number' : 'text', column: true };
  if (f.kind === 'property') {
    const numeric = f.type === 'number' || f.type === 'date';
    return {
      expr: numeric ? 'p.num_value' : 'p.text_value',
      join: 'JOIN property p ON p.node_id = n.seq AND p.qname = ?',
      params: [f.qname],
      type: f.type === 'date' ? 'date' : f.type === 'number' ? 'number' : 'text',
      column: false
    };
  }
  throw new SearchError(`Cannot facet on '${field}'`);
}

/** Field facets on dates and numbers in properties group on num_value; show them as text. */
function conv(src: Source, t: number): Bound {
  return src.column ? isoKey(t) : t;
}

/** One row whose `v` is the comma-joined counts of every bucket (buckets may overlap). */
function sumsArm(k: number, src: Source, buckets: Bucket[], from: string): Arm {
  const params: unknown[] = [];
  const sums = buckets.map((b) => {
    const conds: string[] = [`${src.expr} IS NOT NULL`];
    if (b.lo !== null) {
      conds.push(`${src.expr} ${b.loInc ? '>=' : '>'} ?`);
      params.push(b.lo);
    }
    if (b.hi !== null) {
      conds.push(`${src.expr} ${b.hiInc ? '<=' : '<'} ?`);
      params.push(b.hi);
    }
    return `coalesce(sum(CASE WHEN ${conds.join(' AND ')} THEN 1 ELSE 0 END), 0)`;
  });
  const v = sums.length ? sums.join(" || ',' || ") : "''";
  return { sql: `SELECT ${k} AS k, ${v} AS v, count(*) AS c FROM ${from} ${src.join}`, params: [...src.params, ...params] };
}

/** An interval set (start/end text, date math allowed) as a bucket in the field's storage form. */
function intervalBucket(
  start: string | undefined,
  end: string | undefined,
  loInc: boolean,
  hiInc: boolean,
  src: Source,
  now: Date
): Bucket {
  const open = (x: string | undefined) => x === undefined || x === '*' || x === 'MIN' || x === 'MAX';
  if (src.type === 'date') {
    const d = (x: string | undefined) => {
      if (open(x)) return null;
      const span = parseDate(x!, now);
      if (!span) throw new SearchError(`Invalid date '${x}' in facet interval`);
      return span;
    };
    const lo = d(start);
    const hi = d(end);
    // partial dates widen inclusively, as in queries: [2026-01 TO 2026-02] ends with February
    return normalise(src, {
      lo: lo ? (loInc ? lo.start : lo.end) : null,
      hi: hi ? (hiInc ? hi.end : hi.start) : null,
      loInc: true,
      hiInc: false
    });
  }
  if (src.type === 'number') {
    const n = (x: string | undefined) => {
      if (open(x)) return null;
      const v = Number(x);
      if (Number.isNaN(v)) throw new SearchError(`Invalid number '${x}' in facet interval`);
      return v;
    };
    return { lo: n(start), hi: n(end), loInc, hiInc };
  }
  return { lo: open(start) ? null : start!, hi: open(end) ? null : end!, loInc, hiInc };
}

/**
 * Dates become half-open [lo, hi) in epoch ms, then the column's 23-character ISO key: stored
 * values carry a zone suffix, so only `>=` / `<` against the key compare correctly.
 */
function normalise(src: Source, b: Bucket): Bucket {
  if (src.type !== 'date') return b;
  const lo = b.lo === null ? null : (b.lo as number) + (b.loInc ? 0 : 1);
  const hi = b.hi === null ? null : (b.hi as number) + (b.hiInc ? 1 : 0);
  return { lo: lo === null ? null : conv(src, lo), hi: hi === null ? null : conv(src, hi), loInc: true, hiInc: false };
}

interface PlannedBucket {
  start: string;
  end: string;
  startValue: number | null;
  endValue: number | null;
  startInc: boolean;
  endInc: boolean;
  label?: string;
}

const MAX_BUCKETS = 1000;

/** Solr-style range buckets: [start, start+gap), … up to end; include/other/hardend as in Solr. */
function planRange(r: Record<string, unknown>, type: Source['type'], now: Date): PlannedBucket[] {
  const startS = str(r.start);
  const endS = str(r.end);
  const gapS = str(r.gap);
  if (!startS || !endS || !gapS) throw new SearchError('A range facet needs start, end and gap');
  const include = Array.isArray(r.include) ? (r.include as unknown[]).map((x) => String(x).toLowerCase()) : [];
  const all = include.includes('all');
  const upper = all || include.includes('upper');
  const lower = all || include.includes('lower') || !upper;
  const edge = all || include.includes('edge');
  const outer = all || include.includes('outer');
  const hardend = bool(r.hardend, false);
  let start: number;
  let end: number;
  let step: (t: number) => number;
  let fmt: (t: number) => string;
  if (type === 'date') {
    const s = parseDate(startS, now);
    const e = parseDate(endS, now);
    if (!s || !e) throw new SearchError('Invalid range start or end date');
    start = s.start;
    end = e.start;
    step = (t) => addGap(t, gapS);
    fmt = (t) => new Date(t).toISOString();
  } else if (type === 'number') {
    start = Number(startS);
    end = Number(endS);
    const g = Number(gapS);
    if ([start, end, g].some(Number.isNaN) || g <= 0) throw new SearchError('Invalid range start, end or gap');
    step = (t) => t + g;
    fmt = (t) => String(t);
  } else {
    throw new SearchError(`Range facets need a numeric or date field`);
  }
  const out: PlannedBucket[] = [];
  for (let lo = start; lo < end; ) {
    let hi = step(lo);
    if (hi <= lo) throw new SearchError('Range gap must be positive');
    if (hardend && hi > end) hi = end;
    out.push({ start: fmt(lo), end: fmt(hi), startValue: lo, endValue: hi, startInc: lower, endInc: upper });
    if (out.length > MAX_BUCKETS) throw new SearchError(`Range facet on '${String(r.field)}' would have more than ${MAX_BUCKETS} buckets`);
    lo = hi;
  }
  if (out.length > 0 && edge) {
    out[0].startInc = true;
    out[out.length - 1].endInc = true;
  }
  const other = Array.isArray(r.other) ? (r.other as unknown[]).map((x) => String(x).toLowerCase()) : [];
  const last = out.length ? out[out.length - 1].endValue! : end;
  if (other.includes('before') || other.includes('all'))
    out.push({
      label: 'before',
      start: '*',
      end: fmt(start),
      startValue: null,
      endValue: start,
      startInc: true,
      endInc: outer || (edge ? false : !lower)
    });
  if (other.includes('after') || other.includes('all'))
    out.push({
      label: 'after',
      start: fmt(last),
      end: '*',
      startValue: last,
      endValue: null,
      startInc: outer || (edge ? false : !upper),
      endInc: true
    });
  if (other.includes('between') || other.includes('all'))
    out.push({
      label: 'between',
      start: fmt(start),
      end: fmt(last),
      startValue: start,
      endValue: last,
      startInc: lower || edge,
      endInc: upper || edge
    });
  return out;
}

function quoteBound(s: string): string {
  return s === '*' || /^[\w.:+\-/]+$/u.test(s) ? s : `"${s.replace(/"/gu, '\\"')}"`;
}

/** ACS shows people's names for creator/modifier buckets. */
function displayNames(db: Database, field: string, fields: FieldResolver, values: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const f = field === 'TYPE' || field === 'TAG' ? undefined : fields.resolve(field);
  if (!f || f.kind !== 'column' || !['n.created_by', 'n.modified_by', 'n.owner'].includes(f.col) || values.length === 0) return out;
  const rows = db
    .prepare('SELECT id, first_name, last_name FROM person WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(values)) as { id: string; first_name: string; last_name: string | null }[];
  for (const r of rows) out.set(r.id, [r.first_name, r.last_name].filter(Boolean).join(' '));
  return out;
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
