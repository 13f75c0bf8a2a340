import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import type { PeopleService } from '../../services/people-service';
import type { PersonRow } from '../../services/authority-service';
import { isFindOrderField } from '../../persistence/node-listings';
import { SiteService } from '../../services/site-service';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, list, pageOf } from '../../http/api';
import { sortSites } from './site-query';

/** Types and aspects ACS leaves out of /queries/nodes: renditions, ratings, sites and their containers, hidden nodes. */
const IGNORED_TYPES = ['cm:thumbnail', 'cm:failedThumbnail', 'cm:rating', 'st:site'];
const IGNORED_ASPECTS = ['st:siteContainer', 'sys:hidden'];

/** /queries/nodes, /queries/sites and /queries/people: the "find" searches behind pickers and quick search. */
export function queriesRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper, people: PeopleService): Router {
  const r = Router();
  const sites = new SiteService(ctx, nodes);

  r.get(
    '/queries/nodes',
    handle(({ caller, query }) => {
      const term = requireTerm(query.term, 3);
      const paging = parsePaging(query);
      const { dictionary } = ctx;
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
      const order = (parseList(query.orderBy).length ? parseList(query.orderBy) : ['name']).map((t) => {
        const [field, dir, extra] = t.split(/\s+/);
        if (!isFindOrderField(field) || extra !== undefined || (dir !== undefined && !/^(asc|desc)$/i.test(dir)))
          throw errors.invalidArgument(`Invalid orderBy: ${query.orderBy}`);
        return { field, descending: !!dir && /^desc$/i.test(dir) };
      });
      const { total, rows } = ctx.store.listings.find(
        { term, types, excludedAspects: IGNORED_ASPECTS, belowId: root?.id, order },
        ctx.permissions.readFilter(caller, 'n'),
        paging
      );
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
      const rows = ctx.authorities.store.allPeople().filter((p) => matches([p.id, p.first_name, p.last_name ?? '', p.email ?? '']));
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
