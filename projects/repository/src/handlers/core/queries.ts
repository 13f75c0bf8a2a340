import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import type { PeopleService } from '../../services/people-service';
import type { PersonRow } from '../../services/authority-service';
import type { NodeRow } from '../../persistence/node-row';
import { SiteService } from '../../services/site-service';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, list, pageOf } from '../../http/api';
import { sortSites } from './site-query';

/** Types and aspects ACS leaves out of /queries/nodes: renditions, ratings, sites and their containers, hidden nodes. */
const IGNORED_TYPES = ['cm:thumbnail', 'cm:failedThumbnail', 'cm:rating', 'st:site'];
const IGNORED_ASPECTS = ['st:siteContainer', 'sys:hidden'];
const NODE_ORDER: Record<string, string> = { name: 'n.name_key', modifiedAt: 'n.modified_at', createdAt: 'n.created_at' };

/** /queries/nodes, /queries/sites and /queries/people: the "find" searches behind pickers and quick search. */
export function queriesRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper, people: PeopleService): Router {
  const r = Router();
  const sites = new SiteService(ctx, nodes);

  r.get(
    '/queries/nodes',
    handle(({ caller, query }) => {
      const term = requireTerm(query.term, 3);
      const paging = parsePaging(query);
      const { db, dictionary } = ctx;
      const root = query.rootNodeId ? nodes.readable(caller, query.rootNodeId) : undefined;
      if (query.nodeType && !dictionary.getType(query.nodeType)) throw errors.invalidArgument(`Unknown nodeType: ${query.nodeType}`);
      // Files and folders unless a type is named; a named type includes its subtypes.
      const types = dictionary
        .allTypes()
        .map((t) => t.name)
        .filter((t) =>
          query.nodeType
            ? dictionary.isSubClassOf(t, query.nodeType)
            : dictionary.isSubClassOf(t, 'cm:content') || dictionary.isSubClassOf(t, 'cm:folder')
        )
        .filter((t) => !IGNORED_TYPES.includes(t));
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%')}%`;
      const words = term.replace(/[*"]/g, ' ').trim();
      const filter = ctx.permissions.readFilter(caller, 'n');
      const where = [
        'n.archived_at IS NULL',
        `n.type IN (${types.map(() => '?').join(',') || "''"})`,
        // Nodes the system made at bootstrap (Company Home, Data Dictionary …) are no search results, as in ACS.
        "n.created_by <> 'System'",
        `NOT EXISTS (SELECT 1 FROM aspect a WHERE a.node_id = n.id AND a.qname IN (${IGNORED_ASPECTS.map(() => '?').join(',')}))`,
        `(n.name LIKE ? ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM property p WHERE p.node_id = n.id AND p.qname IN ('cm:title', 'cm:description') AND p.text_value LIKE ? ESCAPE '\\')
          OR EXISTS (SELECT 1 FROM node_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.node_id = n.id AND t.tag_key LIKE ? ESCAPE '\\')
          ${words ? 'OR n.seq IN (SELECT rowid FROM node_text WHERE node_text MATCH ?)' : ''})`,
        filter.sql
      ];
      const params: unknown[] = [
        ...types,
        ...IGNORED_ASPECTS,
        like,
        like,
        like.toLowerCase(),
        ...(words ? [`content : "${words.replace(/"/g, '""')}"*`] : []),
        ...filter.params
      ];
      let cte = '';
      if (root) {
        // The root itself is not among the results, only what lies below it.
        cte =
          'WITH RECURSIVE below(id) AS (SELECT id FROM node WHERE parent_id = ? UNION ALL SELECT c.id FROM node c JOIN below ON c.parent_id = below.id) ';
        where.push('n.id IN (SELECT id FROM below)');
        params.unshift(root.id);
      }
      const order = parseList(query.orderBy).length ? parseList(query.orderBy) : ['name'];
      const orderSql = order.map((t) => {
        const [field, dir, extra] = t.split(/\s+/);
        if (!NODE_ORDER[field] || extra !== undefined || (dir !== undefined && !/^(asc|desc)$/i.test(dir)))
          throw errors.invalidArgument(`Invalid orderBy: ${query.orderBy}`);
        return `${NODE_ORDER[field]} ${dir && /^desc$/i.test(dir) ? 'DESC' : 'ASC'}`;
      });
      const base = `FROM node n WHERE ${where.join(' AND ')}`;
      const total = (db.prepare(`${cte}SELECT COUNT(*) AS c ${base}`).get(...params) as { c: number }).c;
      const rows = db
        .prepare(`${cte}SELECT n.* ${base} ORDER BY ${orderSql.join(', ')}, n.id LIMIT ? OFFSET ?`)
        .all(...params, paging.maxItems, paging.skipCount) as NodeRow[];
      const include = new Set(parseList(query.include));
      return {
        body: list(
          rows.map((n) => mapper.toJson(caller, n, { include })),
          paging,
          total
        )
      };
    })
  );

  r.get(
    '/queries/sites',
    handle(({ caller, query }) => {
      const matches = termMatcher(requireTerm(query.term, 2));
      const paging = parsePaging(query);
      const rows = sites.all().filter((s) => sites.canSee(caller, s) && matches([s.id, s.title, s.description ?? '']));
      sortSites(rows, query.orderBy, ['id', 'title', 'description'], 'id');
      return {
        body: pageOf(
          rows.map((s) => sites.toJson(caller, s)),
          paging
        )
      };
    })
  );

  r.get(
    '/queries/people',
    handle(({ query }) => {
      const matches = termMatcher(requireTerm(query.term, 2));
      const paging = parsePaging(query);
      const rows = (ctx.db.prepare('SELECT * FROM person').all() as PersonRow[]).filter((p) =>
        matches([p.id, p.first_name, p.last_name ?? '', p.email ?? ''])
      );
      const field = (p: PersonRow, f: string) => (f === 'id' ? p.id : f === 'firstName' ? p.first_name : (p.last_name ?? ''));
      sortSites(rows, query.orderBy ?? 'firstName,lastName', ['id', 'firstName', 'lastName'], 'firstName', field);
      return {
        body: pageOf(
          rows.map((p) => people.toJson(p)),
          paging
        )
      };
    })
  );

  return r;
}

/**
 * ACS wants a minimum number of letters or digits in a term (wildcards and quotes do not count).
 * Letters are any script's: a Devanagari term counts its consonants and vowels.
 */
function requireTerm(term: string | undefined, min: number): string {
  if (term === undefined || !term.trim()) throw errors.invalidArgument('The search term is required');
  const t = term.trim().normalize('NFC');
  if ((t.match(/[\p{L}\p{N}]/gu) ?? []).length < min)
    throw errors.invalidArgument(`Search term must contain at least ${min} alphanumeric characters`);
  return t;
}

/**
 * Sites and people match as the index matches them: every word of the term must begin a word of one of
 * the fields ("pri sha" finds Priya Sharma); '*' stands for any letters. Marks (Devanagari matras) are
 * word characters, so a word never splits inside a syllable.
 */
function termMatcher(term: string): (fields: string[]) => boolean {
  const tokens = term
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => new RegExp(`(^|[^\\p{L}\\p{N}\\p{M}])${w.split('*').map(escapeRegex).join('[\\p{L}\\p{N}\\p{M}]*')}`, 'iu'));
  return (fields) => {
    const normalized = fields.map((f) => f.normalize('NFC'));
    return tokens.every((re) => normalized.some((f) => re.test(f)));
  };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
