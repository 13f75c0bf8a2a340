import type express from 'express';
import type { Caller } from '../../auth/caller';
import type { RepositoryContext } from '../../services/repository-context';
import type { WorkflowService } from '../../workflow';
import { errors } from '../../errors/api-error';
import { handle, pageOf, parsePaging } from '../../http/api';
import { itemJson } from './json';
import { oneOrMany } from './batch';
import { inTransaction } from '../../persistence/database';

/**
 * GET/POST/DELETE `<resource>/{id}/items[/{itemId}]`: the process package (bpm_package), reached from a
 * process or from one of its tasks. `readable` and `writable` resolve the id to the process id after
 * the resource's own access checks.
 */
export function itemRoutes(
  r: express.Router,
  ctx: RepositoryContext,
  wf: () => WorkflowService,
  resource: 'processes' | 'tasks',
  readable: (caller: Caller, id: string) => string,
  writable: (caller: Caller, id: string) => string
): void {
  r.get(
    `/${resource}/:id/items`,
    handle(({ caller, params, query }) => {
      const items = wf()
        .items(readable(caller, params.id))
        .map((n) => itemJson(ctx, n));
      return { body: pageOf(items, parsePaging(query)) };
    })
  );
  r.post(
    `/${resource}/:id/items`,
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const pkg = wf().store.packageOf(writable(caller, params.id));
        if (!pkg) throw errors.notFound(params.id);
        return oneOrMany<Record<string, unknown>, unknown>(body, (b) => {
          const node = wf().itemNode(caller, b.id);
          wf().addToPackage(pkg, node.id);
          return itemJson(ctx, node);
        });
      })
    )
  );
  r.delete(
    `/${resource}/:id/items/:itemId`,
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const pkg = wf().store.packageOf(writable(caller, params.id));
        if (!pkg || !wf().removeFromPackage(pkg, params.itemId)) throw errors.notFound(params.itemId);
      })
    )
  );
}
