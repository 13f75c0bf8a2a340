import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import { visibleAspects, visibleProperties, type NodeMapper } from '../../services/node-mapper';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, objectBody, bool, pageOf } from '../../http/api';
import { sendContent } from './content-io';
import { inTransaction } from '../../persistence/database';
import { includeOf } from '../../http/api';
import type { VersionRow } from '../../persistence/version-store';

/** Under /nodes (or /deleted-nodes): version history: listed, read, deleted, its content read, reverted to. Mounted by nodesRouter. */
export function versionsRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const { store, permissions } = ctx;

  // Versions
  const versionJson = (nodeId: string, v: VersionRow, include: Set<string>) => {
    const out: Record<string, unknown> = {
      id: v.label,
      name: v.name,
      nodeType: v.type,
      isFolder: false,
      isFile: true,
      modifiedAt: v.modified_at,
      modifiedByUser: mapper.userInfo(v.modified_by),
      content: {
        mimeType: v.mime_type ?? 'application/octet-stream',
        mimeTypeName: v.mime_type ?? 'Binary',
        sizeInBytes: v.size ?? 0,
        encoding: v.encoding ?? 'UTF-8'
      }
    };
    if (v.comment) out.versionComment = v.comment;
    if (include.has('properties')) out.properties = visibleProperties(JSON.parse(v.properties));
    if (include.has('aspectNames')) out.aspectNames = visibleAspects(JSON.parse(v.aspects));
    void nodeId;
    return out;
  };
  const versionOf = (nodeId: string, label: string) => {
    const v = store.versions.byLabel(nodeId, label);
    if (!v) throw errors.notFound(label);
    return v;
  };
  r.get(
    '/nodes/:nodeId/versions',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      const rows = store.versions.history(node.id);
      const include = includeOf(query);
      return {
        body: pageOf(
          rows.map((v) => versionJson(node.id, v, include)),
          parsePaging(query)
        )
      };
    })
  );
  r.get(
    '/nodes/:nodeId/versions/:versionId',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      return { body: entry(versionJson(node.id, versionOf(node.id, params.versionId), includeOf(query))) };
    })
  );
  r.delete(
    '/nodes/:nodeId/versions/:versionId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const node = nodes.readable(caller, params.nodeId);
        permissions.require(caller, node, 'Delete');
        versionOf(node.id, params.versionId);
        if (store.versions.count(node.id) <= 1) throw errors.conflict('The last version of a node cannot be deleted');
        store.versions.remove(node.id, params.versionId);
      })
    )
  );
  r.get(
    '/nodes/:nodeId/versions/:versionId/content',
    handle(({ caller, params, query, req, res }) => {
      const node = nodes.readable(caller, params.nodeId);
      const v = versionOf(node.id, params.versionId);
      sendContent(ctx, req, res, v, bool(query.attachment, true));
      return { handled: true };
    })
  );
  r.post(
    '/nodes/:nodeId/versions/:versionId/revert',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const b = objectBody(body ?? {});
        const node = nodes.readable(caller, params.nodeId);
        const reverted = nodes.revert(
          caller,
          node,
          params.versionId,
          b.majorVersion === true,
          typeof b.comment === 'string' ? b.comment : undefined
        );
        const label = String(store.properties(reverted.id)['cm:versionLabel']);
        return { body: entry(versionJson(node.id, versionOf(node.id, label), includeOf(query))) };
      })
    )
  );

  // Renditions: see renditions.ts.

  // Associations
  return r;
}
