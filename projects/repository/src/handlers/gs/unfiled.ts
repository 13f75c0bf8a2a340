import { Router } from 'express';
import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { handle, entry, list, parsePaging, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { errors } from '../../errors/api-error';
import type { RepositoryContext } from '../../services/repository-context';
import { RM, type GsInclude } from '../../services/records/file-plan';
import { objectsOf, type GsServices } from './services';
import { componentRoutes } from './component-routes';

/**
 * The `where` of an unfiled listing (UnfiledContainerChildrenRelation, SearchTypesFactory#buildSearchTypesForUnfiledEndpoint):
 * `isRecord=true|false`, `isUnfiledRecordFolder=true|false`, or `nodeType='<type>[ INCLUDESUBTYPES]'`.
 */
function unfiledFilter(where: string | undefined, isRecord: (n: NodeRow) => boolean, isSubType: (t: string, of: string) => boolean) {
  if (!where?.trim()) return () => true;
  const clause = where.trim().replace(/^\(/, '').replace(/\)$/, '').trim();
  let m: RegExpExecArray | null;
  if ((m = /^isRecord\s*=\s*(true|false)$/.exec(clause))) {
    const want = m[1] === 'true';
    return (n: NodeRow) => isRecord(n) === want;
  }
  if ((m = /^isUnfiledRecordFolder\s*=\s*(true|false)$/.exec(clause))) {
    const want = m[1] === 'true';
    return (n: NodeRow) => (n.type === RM.unfiledFolder) === want;
  }
  if ((m = /^nodeType\s*=\s*'([^' ]+)( INCLUDESUBTYPES)?'$/.exec(clause))) {
    const [, type, sub] = m;
    return (n: NodeRow) => (sub ? isSubType(n.type, type) : n.type === type);
  }
  throw errors.invalidArgument(`Invalid where clause: ${where}`);
}

/**
 * /unfiled-containers/{id} (the file plan's Unfiled Records, alias `-unfiled-`) and /unfiled-record-folders/{id}:
 * read, rename, list and create their children, as UnfiledContainerEntityResource,
 * UnfiledContainerChildrenRelation, UnfiledRecordFolderEntityResource and UnfiledRecordFolderChildrenRelation
 * do. What may be created there, and content becoming an unfiled record, is record-rules.ts (the core API
 * meets it too). Multipart uploads are not served here (JSON bodies only).
 */
export function unfiledRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp } = gs;

  /** UnfiledContainerChild / UnfiledRecordFolderChild: the kind of each child always. */
  const childJson = (caller: Caller, node: NodeRow, include: GsInclude) => ({
    ...fp.baseJson(caller, node, include),
    isUnfiledRecordFolder: node.type === RM.unfiledFolder,
    isRecord: fp.isRecord(node)
  });

  const children = (type: string, param: string) =>
    handle(({ caller, params, query }) => {
      const parent = fp.lookup(params[param], type);
      fp.requireCapability(caller, parent, 'ViewRecords');
      const include = includeOf(query);
      const keep = unfiledFilter(
        query.where,
        (n) => fp.isRecord(n),
        (t, of) => ctx.dictionary.isSubClassOf(t, of)
      );
      const all = ctx.store
        .liveChildrenByName(parent.id)
        .filter((n) => n.type === RM.unfiledFolder || fp.isRecord(n))
        .filter(keep)
        .filter((n) => ctx.permissions.has(caller, n, 'Read'));
      const paging = parsePaging(query);
      const page = all.slice(paging.skipCount, paging.skipCount + paging.maxItems).map((n) => childJson(caller, n, include));
      const source = query.includeSource === 'true' ? { source: fp.baseJson(caller, parent, include) } : undefined;
      return { body: list(page, paging, all.length, source) };
    });

  /** createRMNode: name and nodeType mandatory (400), the type known (400); the rules of what goes where are the policy's. */
  const create = (type: string, param: string) =>
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const parent = fp.lookup(params[param], type);
        const { items, many } = objectsOf(body);
        if (!items.length) throw errors.invalidArgument('A node (or a list of them) is expected');
        const include = includeOf(query);
        const made = items.map((item) => {
          const name = typeof item.name === 'string' ? item.name.trim() : '';
          const nodeType = typeof item.nodeType === 'string' ? item.nodeType.trim() : '';
          if (!name || !nodeType) throw errors.invalidArgument('The properties name and nodeType are mandatory');
          if (!ctx.dictionary.getType(nodeType)) throw errors.invalidArgument(`The given type:'${nodeType}' is invalid '`);
          // Folders need the folder capability, records the record one (rm-public-services-security-context).
          fp.requireCapability(caller, parent, nodeType === RM.unfiledFolder ? 'CreateModifyDestroyFolders' : 'CreateRecords');
          const created = fp.createComponent(caller, parent, {
            name,
            nodeType,
            properties: item.properties && typeof item.properties === 'object' ? (item.properties as Record<string, unknown>) : {},
            aspectNames: Array.isArray(item.aspectNames) ? (item.aspectNames as string[]) : undefined,
            autoRename: query.autoRename === 'true'
          });
          return childJson(caller, ctx.store.get(created.id)!, include);
        });
        return { status: 201, body: many ? list(made, { skipCount: 0, maxItems: made.length }, made.length) : entry(made[0]) };
      })
    );

  componentRoutes(r, ctx, gs, {
    path: '/unfiled-containers/:id',
    type: RM.unfiledContainer,
    json: (caller, node, include) => fp.baseJson(caller, node, include),
    manage: 'CreateModifyDestroyFileplanMetadata',
    deletable: false
  });
  r.get('/unfiled-containers/:unfiledContainerId/children', children(RM.unfiledContainer, 'unfiledContainerId'));
  r.post('/unfiled-containers/:unfiledContainerId/children', create(RM.unfiledContainer, 'unfiledContainerId'));

  componentRoutes(r, ctx, gs, {
    path: '/unfiled-record-folders/:id',
    type: RM.unfiledFolder,
    // UnfiledRecordFolder carries its kind as its children do (both required by the definition).
    json: (caller, node, include) => childJson(caller, node, include),
    manage: 'CreateModifyDestroyFolders',
    deletable: true
  });
  r.get('/unfiled-record-folders/:unfiledRecordFolderId/children', children(RM.unfiledFolder, 'unfiledRecordFolderId'));
  r.post('/unfiled-record-folders/:unfiledRecordFolderId/children', create(RM.unfiledFolder, 'unfiledRecordFolderId'));
  return r;
}
