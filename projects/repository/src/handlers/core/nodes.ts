import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService, CreateNodeRequest } from '../../services/node-service';
import { isHiddenQName, type NodeMapper } from '../../services/node-mapper';
import type { NodeRow } from '../../persistence/node-row';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, list, objectBody, bool } from '../../http/api';
import { readMultipart, guessMimeType, extractText } from './content-io';
import { parseChildrenWhere, childrenOrder } from './children-query';
import { inTransaction } from '../../persistence/database';
import { fullNodeJson } from './node-json';
import { includeOf } from '../../http/api';
import { contentRouter } from './node-content';
import { versionsRouter } from './node-versions';
import { associationsRouter } from './node-associations';
import { deletedNodesRouter } from './deleted-nodes';
import { auditEntriesRouter } from './node-audit-entries';

/** /nodes/**: the core API's node resource and its relations. */
export function nodesRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const { store, permissions } = ctx;
  const full = fullNodeJson(mapper);

  r.get(
    '/nodes/:nodeId',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId, query.relativePath);
      return { body: entry(full(caller, node, query)) };
    })
  );

  r.put(
    '/nodes/:nodeId',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const b = objectBody(body);
        const allowed = new Set(['name', 'nodeType', 'aspectNames', 'properties', 'permissions']);
        for (const k of Object.keys(b)) if (!allowed.has(k)) throw errors.invalidArgument(`Unrecognized field "${k}"`);
        if (b.properties !== undefined && (typeof b.properties !== 'object' || b.properties === null || Array.isArray(b.properties)))
          throw errors.invalidArgument('properties must be an object');
        if (b.aspectNames !== undefined && (!Array.isArray(b.aspectNames) || b.aspectNames.some((a) => typeof a !== 'string')))
          throw errors.invalidArgument('aspectNames must be an array of strings');
        if (b.permissions !== undefined && (typeof b.permissions !== 'object' || b.permissions === null))
          throw errors.invalidArgument('permissions must be an object');
        refuseHiddenQNames(b.aspectNames as string[] | undefined, b.properties as Record<string, unknown> | undefined);
        const node = nodes.readable(caller, params.nodeId);
        // As NodesImpl.updateCustomAspects: a client never sees the hidden sys: aspects (sys:undeletable,
        // sys:hidden …), so the list it sends replaces only the visible ones.
        if (b.aspectNames) b.aspectNames = [...(b.aspectNames as string[]), ...ctx.store.aspects(node.id).filter(isHiddenQName)];
        const updated = nodes.update(caller, node, b as never);
        return { body: entry(full(caller, updated, query)) };
      })
    )
  );

  r.delete(
    '/nodes/:nodeId',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => {
        const node = nodes.readable(caller, params.nodeId);
        nodes.delete(caller, node, bool(query.permanent, false));
      })
    )
  );

  r.get(
    '/nodes/:nodeId/children',
    handle(({ caller, params, query }) => {
      const parent = nodes.readable(caller, params.nodeId, query.relativePath);
      const paging = parsePaging(query);
      const include = includeOf(query);
      const where = parseChildrenWhere(query.where, ctx.dictionary);
      const filter = permissions.readFilter(caller, 'n');
      const order = childrenOrder(query.orderBy);
      const { total, rows } = store.listings.children(parent.id, filter, where, order, paging);
      // A secondary child (a record declared in place, a linked node) lists with isPrimary false, as in ACS.
      const entries = rows.map((n) =>
        mapper.toJson(caller, n, { include, association: { assocType: 'cm:contains', isPrimary: n.parent_id === parent.id } })
      );
      const extra = bool(query.includeSource, false) ? { source: mapper.toJson(caller, parent, { include, full: true }) } : undefined;
      return { body: list(entries, paging, total, extra) };
    })
  );

  r.post(
    '/nodes/:nodeId/children',
    handle(async ({ caller, params, query, req, body }) => {
      const isMultipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
      if (isMultipart) {
        const form = await readMultipart(ctx, req);
        try {
          return inTransaction(ctx.db, () => {
            const parent = nodes.readable(caller, params.nodeId);
            const f = { ...form.fields };
            const opt = (k: string) => f[k] ?? query[k];
            const name = f.name || form.file?.filename;
            if (!form.file) throw errors.invalidArgument('Required parameter filedata is missing');
            const mimeType = guessMimeType(name ?? '', form.file.mimeType);
            const reserved = new Set([
              'name',
              'nodeType',
              'relativePath',
              'autoRename',
              'overwrite',
              'majorVersion',
              'versioningEnabled',
              'comment',
              'renditions',
              'include',
              'fields',
              'filedata'
            ]);
            const properties: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(f)) if (!reserved.has(k)) properties[k] = v;
            refuseHiddenQNames(undefined, properties);
            const overwrite = bool(opt('overwrite'), false);
            const target = opt('relativePath') ? nodes.resolveOrNull(caller, parent, opt('relativePath')!) : parent;
            const existing = overwrite && target && name ? store.childByName(target.id, name) : undefined;
            const content = { staged: form.file.staged, mimeType, text: extractText(form.file.staged, mimeType) };
            let node: NodeRow;
            if (existing) {
              permissions.require(caller, existing, 'Read');
              node = nodes.putContent(caller, existing, content, {
                majorVersion: bool(opt('majorVersion'), false),
                comment: opt('comment')
              });
            } else {
              const req2: CreateNodeRequest = {
                name: name ?? '',
                nodeType: opt('nodeType') ?? 'cm:content',
                properties,
                relativePath: opt('relativePath'),
                autoRename: bool(opt('autoRename'), false),
                content,
                versioningEnabled: bool(opt('versioningEnabled'), true),
                majorVersion: bool(opt('majorVersion'), true),
                versionComment: opt('comment')
              };
              node = nodes.create(caller, parent, req2);
            }
            return { status: 201, body: entry(full(caller, node, query)) };
          });
        } catch (e) {
          ctx.content.discard(form.file?.staged);
          throw e;
        }
      }
      return inTransaction(ctx.db, () => {
        const parent = nodes.readable(caller, params.nodeId);
        const bodies = Array.isArray(body) ? body : [objectBody(body)];
        if (!bodies.length) throw errors.invalidArgument('Could not read content from HTTP request body');
        const created = bodies.map((b) => nodes.create(caller, parent, toCreateRequest(b, query)));
        if (Array.isArray(body))
          return {
            status: 201,
            body: list(
              created.map((n) => full(caller, n, query)),
              { skipCount: 0, maxItems: 100 },
              created.length
            )
          };
        return { status: 201, body: entry(full(caller, created[0], query)) };
      });
    })
  );

  r.post(
    '/nodes/:nodeId/copy',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const b = objectBody(body);
        const node = nodes.readable(caller, params.nodeId);
        if (typeof b.targetParentId !== 'string') throw errors.invalidArgument('targetParentId is required');
        const target = nodes.readable(caller, b.targetParentId);
        const copy = nodes.copy(caller, node, target, typeof b.name === 'string' ? b.name : undefined);
        return { status: 201, body: entry(full(caller, copy, query)) };
      })
    )
  );

  r.post(
    '/nodes/:nodeId/move',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const b = objectBody(body);
        const node = nodes.readable(caller, params.nodeId);
        if (typeof b.targetParentId !== 'string') throw errors.invalidArgument('targetParentId is required');
        const target = nodes.readable(caller, b.targetParentId);
        const moved = nodes.move(caller, node, target, typeof b.name === 'string' ? b.name : undefined);
        return { body: entry(full(caller, moved, query)) };
      })
    )
  );

  r.post(
    '/nodes/:nodeId/lock',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const b = objectBody(body ?? {});
        const node = nodes.readable(caller, params.nodeId);
        const locked = nodes.lock(caller, node, b as never);
        return { body: entry(full(caller, locked, query)) };
      })
    )
  );

  r.post(
    '/nodes/:nodeId/unlock',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => {
        const node = nodes.readable(caller, params.nodeId);
        return { body: entry(full(caller, nodes.unlock(caller, node), query)) };
      })
    )
  );

  r.use(contentRouter(ctx, nodes, mapper));
  r.use(versionsRouter(ctx, nodes, mapper));
  r.use(associationsRouter(ctx, nodes, mapper));
  r.use(deletedNodesRouter(ctx, nodes, mapper));
  r.use(auditEntriesRouter(ctx, nodes, mapper));
  return r;
}

function toCreateRequest(raw: unknown, query: Record<string, string | undefined>): CreateNodeRequest {
  const b = objectBody(raw);
  const allowed = new Set([
    'name',
    'nodeType',
    'aspectNames',
    'properties',
    'relativePath',
    'association',
    'secondaryChildren',
    'targets',
    'permissions',
    'definition'
  ]);
  for (const k of Object.keys(b)) if (!allowed.has(k)) throw errors.invalidArgument(`Unrecognized field "${k}"`);
  if (typeof b.name !== 'string') throw errors.invalidArgument('name is required');
  if (typeof b.nodeType !== 'string') throw errors.invalidArgument('nodeType is required');
  if (b.properties !== undefined && (typeof b.properties !== 'object' || b.properties === null || Array.isArray(b.properties)))
    throw errors.invalidArgument('properties must be an object');
  if (b.aspectNames !== undefined && (!Array.isArray(b.aspectNames) || b.aspectNames.some((a) => typeof a !== 'string')))
    throw errors.invalidArgument('aspectNames must be an array of strings');
  if (b.relativePath !== undefined && typeof b.relativePath !== 'string') throw errors.invalidArgument('relativePath must be a string');
  refuseHiddenQNames(b.aspectNames as string[] | undefined, b.properties as Record<string, unknown> | undefined);
  return {
    name: b.name,
    nodeType: b.nodeType,
    aspectNames: b.aspectNames as string[] | undefined,
    properties: b.properties as Record<string, unknown> | undefined,
    relativePath: b.relativePath as string | undefined,
    autoRename: bool(query.autoRename, false),
    majorVersion: bool(query.majorVersion, true),
    versioningEnabled: bool(query.versioningEnabled, false)
  };
}

/** cm:auditable's properties, which the repository maintains (AuditablePropertiesEntity). */
const AUDITABLE_PROPERTIES = new Set(['cm:created', 'cm:creator', 'cm:modified', 'cm:modifier', 'cm:accessed']);

/**
 * What NodesImpl.validateAspects/validateProperties refuse on create and update: the hidden sys: namespace
 * and the auditable properties (IllegalArgumentException, which the REST framework answers with 400).
 */
export function refuseHiddenQNames(aspectNames: string[] | undefined, properties: Record<string, unknown> | undefined): void {
  for (const qname of [...(aspectNames ?? []), ...Object.keys(properties ?? {})])
    if (isHiddenQName(qname)) throw errors.invalidArgument(`NameSpace cannot be used by API: ${qname}`);
  for (const qname of Object.keys(properties ?? {}))
    if (AUDITABLE_PROPERTIES.has(qname)) throw errors.invalidArgument(`Cannot be used by API: ${qname}`);
}
