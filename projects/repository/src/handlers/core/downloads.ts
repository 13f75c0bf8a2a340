import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeRow } from '../../persistence/node-row';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, entry, objectBody } from '../../http/api';
import { ensureFeatureModels } from '../../services/feature-models';
import { DownloadBuilder, REQUESTED } from '../../services/download-builder';
import { inTransaction } from '../../persistence/database';
import { DownloadStore } from '../../persistence/download-store';

const CONTAINER_QNAME = 'sys:downloads_container';
const SYSTEM: Caller = { userId: 'System', isAdmin: true, authorities: new Set() };

/**
 * /downloads: zip several nodes (folders recursively). POST answers 202 with a PENDING download node;
 * the zip is built afterwards and becomes that node's content (GET /nodes/{downloadId}/content).
 * Download nodes live in a system container outside Company Home that grants nobody anything, so only
 * their creator (the owner) and administrators can see them.
 */
export function downloadsRouter(ctx: RepositoryContext, nodes: NodeService): Router {
  ensureFeatureModels(ctx.dictionary);
  const r = Router();
  const { store } = ctx;
  const downloads = new DownloadStore(ctx.db);
  const builder = new DownloadBuilder(ctx, downloads);

  // Created once, by the system rather than the first requester, so that nobody owns it.
  const container = (): NodeRow => {
    const found = downloads.childByAssocName(ctx.wellKnown.root, CONTAINER_QNAME);
    if (found) return found;
    const root = store.require(ctx.wellKnown.root);
    return nodes.create(SYSTEM, root, {
      name: 'downloads_container',
      nodeType: 'cm:systemfolder',
      system: { id: randomUUID(), assocQName: CONTAINER_QNAME, inherits: false }
    });
  };

  const toJson = (node: NodeRow) => {
    const p = store.properties(node.id);
    const num = (k: string) => Number(p[k] ?? 0);
    return {
      id: node.id,
      status: builder.status(node.id),
      filesAdded: num('download:filesAdded'),
      bytesAdded: num('download:bytesAdded'),
      totalFiles: num('download:totalFiles'),
      totalBytes: num('download:totalBytes')
    };
  };

  /** A download node the caller may see: 400 for another kind of node, 403 for someone else's. */
  const downloadOf = (caller: Caller, id: string) => {
    const node = store.require(id);
    if (node.type !== 'download:download') throw errors.invalidArgument(`Node is not a download: ${id}`);
    if (!caller.isAdmin && node.created_by !== caller.userId) throw errors.permissionDenied();
    return node;
  };

  r.post(
    '/downloads',
    handle(({ caller, body }) => {
      const created = inTransaction(ctx.db, () => {
        const ids = objectBody(body).nodeIds;
        if (!Array.isArray(ids) || !ids.length || ids.some((i) => typeof i !== 'string'))
          throw errors.invalidArgument('nodeIds must be a non-empty list of node ids');
        if (new Set(ids).size !== ids.length) throw errors.invalidArgument('nodeIds contains a duplicate nodeId');
        const targets = (ids as string[]).map((id) => nodes.readable(caller, id));
        const id = randomUUID();
        const node = nodes.create(caller, container(), {
          name: `${id}.zip`,
          nodeType: 'download:download',
          aspectNames: ['sys:hidden'],
          properties: { 'download:status': 'PENDING', 'download:recursive': true },
          system: { id }
        });
        downloads.addRequested(
          node.id,
          targets.map((t) => t.id),
          REQUESTED
        );
        return node;
      });
      builder.schedule(created.id);
      return { status: 202, body: entry(toJson(created)) };
    })
  );

  r.get(
    '/downloads/:downloadId',
    handle(({ caller, params }) => ({ body: entry(toJson(downloadOf(caller, params.downloadId))) }))
  );

  // Cancelling is accepted whatever the state; a finished download keeps its zip.
  r.delete(
    '/downloads/:downloadId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const node = downloadOf(caller, params.downloadId);
        const status = builder.status(node.id);
        if (status === 'PENDING' || status === 'IN_PROGRESS') store.setProperties(node.id, { 'download:status': 'CANCELLED' });
        return { status: 202 };
      })
    )
  );

  return r;
}
