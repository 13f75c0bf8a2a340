// PATH queries over primary child associations (node.assoc_qname). Every step but the last is
// resolved to node ids here; the last becomes a SQL predicate, so `//*` under a big folder is a
// recursive CTE rather than a list in memory. Secondary parents are not followed (Alfresco does).
import type { Database } from 'better-sqlite3';
import { SearchError } from '../../search/errors';
import { Sql, sql, inList, FALSE } from './sql';
import { iso9075Decode } from './text';

interface Step {
  axis: 'child' | 'descendant';
  name: string;
}

export function parsePath(path: string, qname: (s: string) => string): Step[] {
  const p = path.trim();
  if (!p.startsWith('/')) throw new SearchError(`PATH must be absolute: '${path}'`);
  const steps: Step[] = [];
  let i = 0;
  while (i < p.length) {
    let axis: Step['axis'] = 'child';
    if (p.startsWith('//', i)) {
      axis = 'descendant';
      i += 2;
    } else if (p[i] === '/') i += 1;
    else throw new SearchError(`Invalid PATH '${path}'`);
    let j = i;
    let depth = 0;
    while (j < p.length && (p[j] !== '/' || depth > 0)) {
      if (p[j] === '{') depth++;
      if (p[j] === '}') depth--;
      j++;
    }
    const raw = p.slice(i, j);
    if (raw === '') {
      if (j >= p.length && steps.length > 0 && axis === 'child') break; // trailing slash
      throw new SearchError(`Invalid PATH '${path}'`);
    }
    steps.push({ axis, name: raw === '*' || raw.endsWith(':*') ? raw : iso9075Decode(qname(raw)) });
    i = j;
  }
  return steps;
}

function nameMatch(alias: string, name: string): Sql {
  if (name === '*') return sql('1');
  if (name.endsWith(':*')) return sql(`${alias}.assoc_qname LIKE ? ESCAPE '\\'`, name.slice(0, -1).replace(/[%_\\]/gu, '\\$&') + '%');
  // compare decoded forms: the stored QName is ISO 9075 encoded by whoever wrote it
  return sql(`afts_iso9075(${alias}.assoc_qname) = ?`, name);
}

const descendantsCte = (set: Sql): Sql => ({
  sql:
    `WITH RECURSIVE d(id) AS (SELECT id FROM node WHERE ${set.sql.replace(/\bX\b/gu, 'parent_id')} ` +
    `UNION SELECT c.id FROM node c JOIN d ON c.parent_id = d.id) SELECT id FROM d`,
  params: set.params
});

export function compilePath(db: Database, path: string, qname: (s: string) => string): Sql {
  const steps = parsePath(path, qname);
  // roots: the store root(s); archived subtree roots also have no parent, so exclude them
  let ids: string[] = (db.prepare('SELECT id FROM node WHERE parent_id IS NULL AND archived_at IS NULL').all() as { id: string }[]).map(
    (r) => r.id
  );
  if (steps.length === 0) return inList('n.id', ids);
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k];
    const parentSet = inList('X', ids);
    const last = k === steps.length - 1;
    let pred: Sql;
    if (step.axis === 'child') {
      const m = nameMatch('n', step.name);
      pred = { sql: `${parentSet.sql.replace(/\bX\b/gu, 'n.parent_id')} AND ${m.sql}`, params: [...parentSet.params, ...m.params] };
    } else {
      const d = descendantsCte(parentSet);
      const m = nameMatch('n', step.name);
      pred = { sql: `n.id IN (${d.sql}) AND ${m.sql}`, params: [...d.params, ...m.params] };
    }
    if (ids.length === 0) return FALSE;
    if (last) return pred;
    // Only child steps after this one can be checked upwards: otherwise the step is read whole, once.
    const upward = parentChain(steps.slice(k), ids);
    const limit = upward ? STEP_IDS_MAX + 1 : -1;
    ids = (
      db.prepare(`SELECT n.id FROM node n WHERE ${pred.sql} AND n.archived_at IS NULL LIMIT ?`).all(...pred.params, limit) as {
        id: string;
      }[]
    ).map((r) => r.id);
    if (upward && ids.length > STEP_IDS_MAX) return upward;
  }
  return FALSE;
}

/**
 * Most nodes one step of a PATH is resolved to before the rest is checked from the other end. A path like
 * `…/cm:Receipts/*\/*\/*\/cm:Movements/*` (the monthly statement's movement records) has every registered
 * item at its fourth step: a million ids read into the process and handed back to SQLite as one list. Past
 * this many, the remaining steps are checked upwards instead, from each candidate node through its parents
 * (one primary-key look-up per level), so the cost follows the candidates the rest of the query leaves.
 */
export const STEP_IDS_MAX = 1000;

/**
 * The remaining child steps as a test of the candidate `n`'s parent chain: its parent matches the step before
 * the last, that one's parent the step before, and so on, the topmost step's parent being one of `roots`.
 * Undefined when a remaining step is a descendant step (`//`), whose depth is not fixed.
 */
function parentChain(steps: Step[], roots: string[]): Sql | undefined {
  if (steps.some((s) => s.axis !== 'child')) return undefined;
  const last = steps.length - 1;
  const joins: string[] = [];
  const where: string[] = [];
  const params: unknown[] = [];
  for (let j = last - 1; j >= 0; j--) {
    const alias = `pc${j}`;
    joins.push(`node ${alias}`);
    where.push(`${alias}.id = ${j === last - 1 ? 'n.parent_id' : `pc${j + 1}.parent_id`}`, `${alias}.archived_at IS NULL`);
    const m = nameMatch(alias, steps[j].name);
    where.push(m.sql);
    params.push(...m.params);
  }
  const top = inList(`${last === 0 ? 'n' : 'pc0'}.parent_id`, roots);
  const own = nameMatch('n', steps[last].name);
  if (last === 0) return { sql: `${top.sql} AND ${own.sql}`, params: [...top.params, ...own.params] };
  return {
    sql: `EXISTS (SELECT 1 FROM ${joins.join(', ')} WHERE ${[...where, top.sql].join(' AND ')}) AND ${own.sql}`,
    params: [...params, ...top.params, ...own.params]
  };
}

/** Primary and secondary descendants of a node, as an `IN` subquery body. */
export function descendantsOf(id: string): Sql {
  return sql(
    'WITH RECURSIVE d(id) AS (SELECT id FROM node WHERE parent_id = ? UNION SELECT child_id FROM child_assoc WHERE parent_id = ? ' +
      'UNION SELECT c.id FROM node c JOIN d ON c.parent_id = d.id UNION SELECT ca.child_id FROM child_assoc ca JOIN d ON ca.parent_id = d.id) SELECT id FROM d',
    id,
    id
  );
}
