import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeMapper } from '../../services/node-mapper';
import { searchStoreOf } from '../../persistence/search/search-store';
import { handle, objectBody } from '../../http/api';
import { errors } from '../../errors/api-error';
import { runSearch, SearchError, type SearchContext } from '../../search';
import type { Caller } from '../../auth/caller';

/** What a search runs against for one caller: the dictionary's classes and properties, the caller's reads. */
export function searchContextFor(ctx: RepositoryContext, caller: Caller): SearchContext {
  return {
    db: ctx.db,
    subClassesOf: (q) => {
      const cls = ctx.dictionary.getClass(q);
      return cls ? [cls.name, ...ctx.dictionary.subClassesOf(cls.name).map((c) => c.name)] : [q];
    },
    propertyDataType: (q) => ctx.dictionary.getProperty(q)?.dataType,
    propertyTokenised: (q) => ctx.dictionary.getProperty(q)?.index?.tokenised,
    readFilter: (alias) => ctx.permissions.readFilter(caller, alias)
  };
}

/** /alfresco/api/-default-/public/search/versions/1: POST /search over the repository's own index. */
export function searchRouter(ctx: RepositoryContext, mapper: NodeMapper): Router {
  const r = Router();
  r.post(
    '/search',
    handle(({ caller, body }) => {
      const request = objectBody(body);
      let outcome;
      try {
        outcome = runSearch(searchContextFor(ctx, caller), request);
      } catch (e) {
        if (e instanceof SearchError) throw errors.invalidArgument(e.message);
        throw e;
      }
      const include = new Set(Array.isArray(request.include) ? (request.include as string[]) : []);
      const byId = new Map(
        searchStoreOf(ctx.db)
          .nodes(outcome.nodeIds)
          .map((n) => [n.id, n])
      );
      const entries = outcome.nodeIds
        .map((id, i) => {
          const node = byId.get(id);
          if (!node) return undefined;
          const json = mapper.toJson(caller, node, { include });
          json.search = { score: outcome.scores[i] ?? 1 };
          return { entry: json };
        })
        .filter(Boolean);
      const list: Record<string, unknown> = { pagination: outcome.pagination, entries };
      if (outcome.context) list.context = outcome.context;
      return { body: { list } };
    })
  );
  return r;
}
