import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import { errors } from '../../errors/api-error';
import { handle, entry, bool } from '../../http/api';
import { guessMimeType, extractText, sendContent } from './content-io';
import { inTransaction } from '../../persistence/database';
import { fullNodeJson } from './node-json';

/** Under /nodes (or /deleted-nodes): a node's content: read (GET, HEAD) and replaced (PUT). Mounted by nodesRouter. */
export function contentRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const full = fullNodeJson(mapper);

  const getContent = handle(({ caller, params, query, req, res }) => {
    const node = nodes.readable(caller, params.nodeId);
    if (!node.is_file) throw errors.invalidArgument(`Node is not a file: ${node.id}`);
    sendContent(ctx, req, res, node, bool(query.attachment, true));
    return { handled: true };
  });
  r.get('/nodes/:nodeId/content', getContent);
  r.head('/nodes/:nodeId/content', getContent);

  r.put(
    '/nodes/:nodeId/content',
    handle(async ({ caller, params, query, req }) => {
      const staged = await ctx.content.stage(req);
      try {
        return inTransaction(ctx.db, () => {
          const node = nodes.readable(caller, params.nodeId);
          const mimeType = guessMimeType(query.name ?? node.name, req.headers['content-type']);
          const updated = nodes.putContent(
            caller,
            node,
            { staged, mimeType, text: extractText(staged, mimeType) },
            { majorVersion: bool(query.majorVersion, false), comment: query.comment, name: query.name }
          );
          return { body: entry(full(caller, updated, query)) };
        });
      } catch (e) {
        ctx.content.discard(staged);
        throw e;
      }
    })
  );

  return r;
}
