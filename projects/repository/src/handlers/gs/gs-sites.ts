import { Router } from 'express';
import { handle, entry, objectBody, bool } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import type { RepositoryContext } from '../../services/repository-context';
import type { GsServices } from './services';

/** /gs-sites: the records management site (always `rm`). */
export function gsSitesRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  r.post(
    '/gs-sites',
    handle(({ caller, query, body }) =>
      inTransaction(ctx.db, () => {
        const site = gs.site.create(caller, objectBody(body), { skipAddToFavorites: bool(query.skipAddToFavorites, false) });
        bool(query.skipConfiguration, false); // Share's surf configuration is not kept here: nothing to skip.
        return { status: 201, body: entry(gs.site.toJson(caller, site)) };
      })
    )
  );
  r.get(
    '/gs-sites/:siteId',
    handle(({ caller, params }) => ({ body: entry(gs.site.toJson(caller, gs.site.get(params.siteId))) }))
  );
  r.put(
    '/gs-sites/:siteId',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => ({ body: entry(gs.site.toJson(caller, gs.site.update(caller, params.siteId, objectBody(body)))) }))
    )
  );
  r.delete(
    '/gs-sites/:siteId',
    handle(({ caller, params, query }) => inTransaction(ctx.db, () => gs.site.delete(caller, params.siteId, query)))
  );
  return r;
}
