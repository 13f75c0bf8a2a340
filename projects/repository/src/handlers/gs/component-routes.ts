import type { Router } from 'express';
import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import type { RepositoryContext } from '../../services/repository-context';
import type { Capability } from '../../services/records/file-plan-roles';
import { type GsInclude } from '../../services/records/file-plan';
import { handle, entry, objectBody, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import type { GsServices } from './services';

/** How one kind of file plan component is read, changed and deleted through its own endpoint. */
export interface ComponentEndpoint {
  /** e.g. `/record-folders/:id` */
  path: string;
  /** The one node type the endpoint takes (anything else: 400, as lookupAndValidateNodeType). */
  type: string;
  json: (caller: Caller, node: NodeRow, include: GsInclude) => Record<string, unknown>;
  /** The capability that changes or deletes it. */
  manage: Capability;
  deletable: boolean;
}

/**
 * GET, PUT (name and properties, as FilePlanComponentsApiUtils#updateNode) and DELETE of a file plan
 * component: the same three operations for the file plan, categories and record folders, each on its type.
 */
export function componentRoutes(r: Router, ctx: RepositoryContext, gs: GsServices, e: ComponentEndpoint): void {
  const { fp } = gs;
  r.get(
    e.path,
    handle(({ caller, params, query }) => {
      const node = fp.lookup(params.id, e.type);
      fp.requireCapability(caller, node, 'ViewRecords');
      return { body: entry(e.json(caller, node, includeOf(query))) };
    })
  );
  r.put(
    e.path,
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const node = fp.lookup(params.id, e.type);
        fp.requireCapability(caller, node, e.manage);
        const b = objectBody(body);
        const name = typeof b.name === 'string' && b.name.trim() ? b.name : undefined;
        const updated = fp.nodes.update(caller, node, { name, properties: (b.properties as Record<string, unknown>) ?? {} });
        return { body: entry(e.json(caller, updated, includeOf(query))) };
      })
    )
  );
  if (e.deletable)
    r.delete(
      e.path,
      handle(({ caller, params }) =>
        inTransaction(ctx.db, () => {
          const node = fp.lookup(params.id, e.type);
          fp.requireCapability(caller, node, e.manage);
          fp.nodes.delete(caller, node, false);
        })
      )
    );
}
