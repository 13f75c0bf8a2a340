import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, pageOf } from '../../http/api';

/** Under /nodes (or /deleted-nodes): a node's audit entries (alfresco-access). Mounted by nodesRouter. */
export function auditEntriesRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();

  // Audit entries of a node (alfresco-access)
  r.get(
    '/nodes/:nodeId/audit-entries',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      if (!caller.isAdmin) throw errors.permissionDenied();
      const paging = parsePaging(query);
      const rows = ctx.audit.ofNode(node.id);
      const entries = rows.map((a) => ({
        id: String(a.id),
        auditApplicationId: a.application,
        createdByUser: mapper.userInfo(a.created_by),
        createdAt: a.created_at,
        values: JSON.parse(a.entry_values)
      }));
      return { body: pageOf(entries, paging) };
    })
  );

  return r;
}
