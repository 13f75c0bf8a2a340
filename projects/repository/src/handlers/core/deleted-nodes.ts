import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import type { NodeRow } from '../../persistence/node-row';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, list, bool } from '../../http/api';
import { sendContent } from './content-io';
import { inTransaction } from '../../persistence/database';
import { fullNodeJson } from './node-json';
import { includeOf } from '../../http/api';

/** Under /nodes (or /deleted-nodes): the trashcan: deleted nodes listed, read, restored, purged, their content read. Mounted by nodesRouter. */
export function deletedNodesRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const { store } = ctx;
  const full = fullNodeJson(mapper);

  // Trashcan
  const archivedRoot = (caller: Caller, id: string) => {
    const n = store.trashcan.deletedRoot(id);
    if (!n) throw errors.notFound(id);
    if (!caller.isAdmin && n.archived_by !== caller.userId) throw errors.permissionDenied();
    return n;
  };
  const deletedJson = (caller: Caller, n: NodeRow, include: Set<string>) => ({
    ...mapper.toJson(caller, n, { include }),
    archivedAt: n.archived_at,
    archivedByUser: mapper.userInfo(n.archived_by ?? 'System')
  });
  r.get(
    '/deleted-nodes',
    handle(({ caller, query }) => {
      const paging = parsePaging(query);
      // Administrators see everyone's deleted nodes, others their own.
      const archivedBy = caller.isAdmin ? undefined : caller.userId;
      const total = store.trashcan.countDeletedRoots(archivedBy);
      const rows = store.trashcan.deletedRoots(archivedBy, paging.maxItems, paging.skipCount);
      const include = includeOf(query);
      return {
        body: list(
          rows.map((n) => deletedJson(caller, n, include)),
          paging,
          total
        )
      };
    })
  );
  r.get(
    '/deleted-nodes/:nodeId',
    handle(({ caller, params, query }) => ({
      body: entry(deletedJson(caller, archivedRoot(caller, params.nodeId), new Set([...includeOf(query), 'aspectNames', 'properties'])))
    }))
  );
  r.post(
    '/deleted-nodes/:nodeId/restore',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const b = body && typeof body === 'object' ? (body as { targetParentId?: unknown }) : {};
        const restored = nodes.restore(
          caller,
          archivedRoot(caller, params.nodeId),
          typeof b.targetParentId === 'string' ? b.targetParentId : undefined
        );
        return { body: entry(full(caller, restored, query)) };
      })
    )
  );
  r.delete(
    '/deleted-nodes/:nodeId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const n = archivedRoot(caller, params.nodeId);
        nodes.purgeIds(store.subtreeIds(n.id));
      })
    )
  );
  r.get(
    '/deleted-nodes/:nodeId/content',
    handle(({ caller, params, query, req, res }) => {
      const n = archivedRoot(caller, params.nodeId);
      sendContent(ctx, req, res, n, bool(query.attachment, true));
      return { handled: true };
    })
  );

  return r;
}
