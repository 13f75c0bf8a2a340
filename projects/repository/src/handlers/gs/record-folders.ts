import { Router, type Request } from 'express';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { extractText, guessMimeType, readMultipart } from '../core/content-io';
import { refuseHiddenQNames } from '../core/nodes';
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
    handle(async ({ caller, params, query, body, req }) => {
      if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return upload(caller, params.recordFolderId, query, req);
      return inTransaction(ctx.db, () => {
        const record = gs.records.createInFolder(caller, params.recordFolderId, objectBody(body), query.autoRename === 'true');
        return { status: 201, body: entry(fp.recordJson(caller, record, includeOf(query))) };
      });
    })
  );

  /**
   * The multipart create (RecordFolderChildrenRelation, AGS's UploadInfo): fields by name in any case —
   * `name`, `nodeType`, `relativePath`, the `filedata` file — and every other field whose name holds a
   * prefix (`cm:title`) a property; a name (or file name) and the file are required (400 "Required
   * parameters are missing"). A relative path would make a folder inside the record folder, which
   * RecordFolderType refuses (422), so it is refused as such.
   */
  async function upload(caller: Caller, folderId: string, query: Record<string, string | undefined>, req: Request) {
    const form = await readMultipart(ctx, req);
    try {
      const fields = new Map(Object.entries(form.fields).map(([k, v]) => [k.toLowerCase(), v]));
      const given = (key: string) => {
        const v = fields.get(key);
        return v && v.toLowerCase() !== 'null' ? v : undefined;
      };
      const name = given('name') ?? form.file?.filename;
      if (!name || !name.trim() || !form.file) throw errors.invalidArgument('Required parameters are missing');
      if (given('relativepath')) throw errors.integrity('You can only create records in record folders and this was a cm:folder.');
      const properties: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(form.fields)) if (k.includes(':')) properties[k] = v;
      refuseHiddenQNames(undefined, properties);
      const mimeType = guessMimeType(name, form.file.mimeType);
      const content = { staged: form.file.staged, mimeType, text: extractText(form.file.staged, mimeType) };
      return inTransaction(ctx.db, () => {
        const record = gs.records.uploadToFolder(
          caller,
          folderId,
          { name, nodeType: given('nodetype'), properties, content },
          query.autoRename === 'true'
        );
        return { status: 201, body: entry(fp.recordJson(caller, record, includeOf(query))) };
      });
    } catch (e) {
      ctx.content.discard(form.file?.staged);
      throw e;
    }
  }
  return r;
}
