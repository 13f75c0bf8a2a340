import { Router } from 'express';
import { handle, entry, objectBody, parsePaging, pageOf, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import type { RepositoryContext } from '../../services/repository-context';
import { RM } from '../../services/records/file-plan';
import type { GsServices } from './services';
import { componentRoutes } from './component-routes';

/** /record-folders/{id}: a record folder and the records filed in it. */
export function recordFoldersRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp } = gs;

  componentRoutes(r, ctx, gs, {
    path: '/record-folders/:id',
    type: RM.folder,
    json: (caller, node, include) => fp.folderJson(caller, node, include),
    manage: 'CreateModifyDestroyFolders',
    deletable: true
  });

  r.get(
    '/record-folders/:recordFolderId/records',
    handle(({ caller, params, query }) => {
      const folder = fp.lookup(params.recordFolderId, RM.folder);
      fp.requireCapability(caller, folder, 'ViewRecords');
      const include = includeOf(query);
      const primary = ctx.store.liveChildrenByName(folder.id).filter((n) => fp.isRecord(n));
      // Records linked into the folder (filed in another one first) are listed beside its own.
      const linked = ctx.store.associations.secondaryChildren(folder.id).filter((n) => fp.isRecord(n));
      const records = [...primary, ...linked].sort((a, b) => a.name_key.localeCompare(b.name_key));
      return {
        body: pageOf(
          records.map((n) => fp.recordJson(caller, n, include)),
          parsePaging(query)
        )
      };
    })
  );
  r.post(
    '/record-folders/:recordFolderId/records',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const record = gs.records.createInFolder(caller, params.recordFolderId, objectBody(body), query.autoRename === 'true');
        return { status: 201, body: entry(fp.recordJson(caller, record, includeOf(query))) };
      })
    )
  );
  return r;
}
