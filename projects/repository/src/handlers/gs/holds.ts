import { Router } from 'express';
import { handle, entry, list, objectBody, parsePaging, pageOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { errors } from '../../errors/api-error';
import type { RepositoryContext } from '../../services/repository-context';
import { objectsOf, type GsServices } from './services';

/** /holds/{id}: a legal hold, what it holds, and its deletion with a reason. */
export function holdsRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { holds } = gs;

  r.get(
    '/holds/:holdId',
    handle(({ caller, params }) => ({ body: entry(holds.holdJson(holds.get(caller, params.holdId))) }))
  );
  r.put(
    '/holds/:holdId',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => ({ body: entry(holds.holdJson(holds.update(caller, params.holdId, objectBody(body)))) }))
    )
  );
  r.delete(
    '/holds/:holdId',
    handle(({ caller, params }) => inTransaction(ctx.db, () => holds.delete(caller, params.holdId)))
  );
  r.post(
    '/holds/:holdId/delete',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const b = body === undefined || body === null ? {} : objectBody(body);
        const reason = typeof b.reason === 'string' ? b.reason : '';
        holds.delete(caller, params.holdId, reason.trim() ? reason : undefined);
        return { body: entry({ reason }) };
      })
    )
  );
  r.get(
    '/holds/:holdId/children',
    handle(({ caller, params, query }) => {
      const hold = holds.get(caller, params.holdId);
      const held = holds.heldItems(hold).filter((n) => ctx.permissions.has(caller, n, 'Read'));
      return {
        body: pageOf(
          held.map((n) => ({ id: n.id })),
          parsePaging(query)
        )
      };
    })
  );
  r.post(
    '/holds/:holdId/children',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const { items, many } = objectsOf(body);
        const ids = items.map((i) => i.id);
        if (!ids.length || ids.some((id) => typeof id !== 'string' || !id))
          throw errors.invalidArgument('A node id (or a list of them) is expected');
        const added = holds.add(caller, params.holdId, ids as string[]).map((id) => ({ id }));
        return { status: 201, body: many ? list(added, { skipCount: 0, maxItems: added.length }, added.length) : entry(added[0]) };
      })
    )
  );
  r.delete(
    '/holds/:holdId/children/:holdChildId',
    handle(({ caller, params }) => inTransaction(ctx.db, () => holds.remove(caller, params.holdId, params.holdChildId)))
  );
  return r;
}
