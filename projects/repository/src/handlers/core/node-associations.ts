import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, objectBody, pageOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { includeOf } from '../../http/api';

/** Under /nodes (or /deleted-nodes): parents, secondary children and peer associations (targets, sources). Mounted by nodesRouter. */
export function associationsRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const { store, permissions } = ctx;

  r.get(
    '/nodes/:nodeId/parents',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      const include = includeOf(query);
      const out: Record<string, unknown>[] = [];
      const primary = node.parent_id ? store.get(node.parent_id) : undefined;
      if (primary && permissions.has(caller, primary, 'Read'))
        out.push(
          mapper.toJson(caller, primary, {
            include: new Set([...include, 'association']),
            association: { assocType: 'cm:contains', isPrimary: true }
          })
        );
      const secondary = store.associations.secondaryParents(node.id);
      for (const p of secondary)
        if (permissions.has(caller, p, 'Read'))
          out.push(
            mapper.toJson(caller, p, {
              include: new Set([...include, 'association']),
              association: { assocType: p.assoc, isPrimary: false }
            })
          );
      return { body: pageOf(out, parsePaging(query)) };
    })
  );
  r.get(
    '/nodes/:nodeId/secondary-children',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      const include = new Set([...includeOf(query), 'association']);
      const rows = store.associations.secondaryChildren(node.id);
      const visible = rows
        .filter((n) => permissions.has(caller, n, 'Read'))
        .map((n) => mapper.toJson(caller, n, { include, association: { assocType: n.assoc, isPrimary: false } }));
      return { body: pageOf(visible, parsePaging(query)) };
    })
  );
  /** Secondary children and peer targets are written the same way: one row per (node, other, type). */
  const associations = {
    'secondary-children': { kind: 'secondary-child' as const, field: 'childId', permission: 'AddChildren' as const },
    targets: { kind: 'peer' as const, field: 'targetId', permission: 'Write' as const }
  };
  for (const [path, a] of Object.entries(associations)) {
    r.post(
      `/nodes/:nodeId/${path}`,
      handle(({ caller, params, body }) =>
        inTransaction(ctx.db, () => {
          const node = nodes.readable(caller, params.nodeId);
          permissions.require(caller, node, a.permission);
          const items = Array.isArray(body) ? body : [objectBody(body)];
          const out = items.map((b) => {
            const otherId = (b as Record<string, unknown>)[a.field];
            const assocType = (b as Record<string, unknown>).assocType;
            if (typeof otherId !== 'string' || typeof assocType !== 'string')
              throw errors.invalidArgument(`${a.field} and assocType are required`);
            nodes.readable(caller, otherId);
            if (otherId === node.id) throw errors.invalidArgument('A node cannot be associated with itself');
            if (!store.associations.add(a.kind, node.id, otherId, assocType))
              throw errors.conflict(`Association already exists: ${otherId}`);
            return { [a.field]: otherId, assocType };
          });
          return { status: 201, body: Array.isArray(body) ? pageOf(out, { skipCount: 0, maxItems: 100 }) : entry(out[0]) };
        })
      )
    );
    r.delete(
      `/nodes/:nodeId/${path}/:otherId`,
      handle(({ caller, params, query }) =>
        inTransaction(ctx.db, () => {
          const node = nodes.readable(caller, params.nodeId);
          permissions.require(caller, node, 'Write');
          if (!store.associations.remove(a.kind, node.id, params.otherId, query.assocType || undefined))
            throw errors.notFound(params.otherId);
        })
      )
    );
  }
  const peers = (direction: 'targets' | 'sources') =>
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      const include = new Set([...includeOf(query), 'association']);
      const m = /assocType\s*=\s*'([^']+)'/.exec(query.where ?? '');
      const rows = store.associations.peers(direction, node.id, m?.[1]);
      const visible = rows
        .filter((n) => permissions.has(caller, n, 'Read'))
        .map((n) => mapper.toJson(caller, n, { include, association: { assocType: n.assoc } as never }));
      return { body: pageOf(visible, parsePaging(query)) };
    });
  r.get('/nodes/:nodeId/targets', peers('targets'));
  r.get('/nodes/:nodeId/sources', peers('sources'));
  return r;
}
