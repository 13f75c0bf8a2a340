import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService, CreateNodeRequest } from '../../services/node-service';
import { isHiddenQName, visibleAspects, visibleProperties, type NodeMapper } from '../../services/node-mapper';
import type { NodeRow } from '../../persistence/node-row';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, objectBody, bool, pageOf } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { readMultipart, guessMimeType, extractText, sendContent } from './content-io';
import { parseChildrenWhere, childrenOrder } from './children-query';
import { inTransaction } from '../../persistence/database';

/** /nodes/**: the core API's node resource and its relations. */
export function nodesRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const { db, store, permissions } = ctx;
  const includeOf = (q: Record<string, string | undefined>) => new Set(parseList(q.include));
  const full = (caller: Caller, node: NodeRow, q: Record<string, string | undefined>) =>
    mapper.toJson(caller, node, { include: includeOf(q), full: true });

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
      const base = `FROM node n WHERE n.parent_id = ? AND n.archived_at IS NULL AND ${filter.sql}${where.sql ? ` AND ${where.sql}` : ''}`;
      const args = [parent.id, ...filter.params, ...where.params];
      const total = (db.prepare(`SELECT COUNT(*) AS c ${base}`).get(...args) as { c: number }).c;
      const rows = db
        .prepare(`SELECT n.* ${base} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(...args, paging.maxItems, paging.skipCount) as NodeRow[];
      const entries = rows.map((n) => mapper.toJson(caller, n, { include, association: { assocType: 'cm:contains', isPrimary: true } }));
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

  const getContent = handle(({ caller, params, query, req, res }) => {
    const node = nodes.readable(caller, params.nodeId);
    if (!node.is_file) throw errors.invalidArgument(`Node is not a file: ${node.id}`);
    sendContent(
      ctx,
      req,
      res,
      { url: node.content_url, mimeType: node.mime_type, size: node.size, name: node.name, modifiedAt: node.modified_at },
      bool(query.attachment, true)
    );
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
    const v = db.prepare('SELECT * FROM version WHERE node_id = ? AND label = ?').get(nodeId, label) as VersionRow | undefined;
    if (!v) throw errors.notFound(label);
    return v;
  };
  r.get(
    '/nodes/:nodeId/versions',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      const rows = db.prepare('SELECT * FROM version WHERE node_id = ? ORDER BY seq DESC').all(node.id) as VersionRow[];
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
        const count = (db.prepare('SELECT COUNT(*) AS c FROM version WHERE node_id = ?').get(node.id) as { c: number }).c;
        if (count <= 1) throw errors.conflict('The last version of a node cannot be deleted');
        db.prepare('DELETE FROM version WHERE node_id = ? AND label = ?').run(node.id, params.versionId);
      })
    )
  );
  r.get(
    '/nodes/:nodeId/versions/:versionId/content',
    handle(({ caller, params, query, req, res }) => {
      const node = nodes.readable(caller, params.nodeId);
      const v = versionOf(node.id, params.versionId);
      sendContent(
        ctx,
        req,
        res,
        { url: v.content_url, mimeType: v.mime_type, size: v.size, name: v.name, modifiedAt: v.modified_at },
        bool(query.attachment, true)
      );
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
      const secondary = db
        .prepare(
          'SELECT n.*, c.assoc_type AS assoc FROM child_assoc c JOIN node n ON n.id = c.parent_id WHERE c.child_id = ? AND n.archived_at IS NULL'
        )
        .all(node.id) as (NodeRow & { assoc: string })[];
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
      const rows = db
        .prepare(
          'SELECT n.*, c.assoc_type AS assoc FROM child_assoc c JOIN node n ON n.id = c.child_id WHERE c.parent_id = ? AND n.archived_at IS NULL ORDER BY n.name_key'
        )
        .all(node.id) as (NodeRow & { assoc: string })[];
      const visible = rows
        .filter((n) => permissions.has(caller, n, 'Read'))
        .map((n) => mapper.toJson(caller, n, { include, association: { assocType: n.assoc, isPrimary: false } }));
      return { body: pageOf(visible, parsePaging(query)) };
    })
  );
  /** Secondary children and peer targets are written the same way: one row per (node, other, type). */
  const associations = {
    'secondary-children': {
      table: 'child_assoc',
      self: 'parent_id',
      other: 'child_id',
      field: 'childId',
      permission: 'AddChildren' as const
    },
    targets: { table: 'peer_assoc', self: 'source_id', other: 'target_id', field: 'targetId', permission: 'Write' as const }
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
            const added = db
              .prepare(`INSERT OR IGNORE INTO ${a.table} (${a.self}, ${a.other}, assoc_type) VALUES (?,?,?)`)
              .run(node.id, otherId, assocType);
            if (!added.changes) throw errors.conflict(`Association already exists: ${otherId}`);
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
          const args: unknown[] = [node.id, params.otherId];
          let sql = `DELETE FROM ${a.table} WHERE ${a.self} = ? AND ${a.other} = ?`;
          if (query.assocType) {
            sql += ' AND assoc_type = ?';
            args.push(query.assocType);
          }
          if (!db.prepare(sql).run(...args).changes) throw errors.notFound(params.otherId);
        })
      )
    );
  }
  const peers = (direction: 'targets' | 'sources') =>
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      const [self, other] = direction === 'targets' ? ['source_id', 'target_id'] : ['target_id', 'source_id'];
      const include = new Set([...includeOf(query), 'association']);
      const args: unknown[] = [node.id];
      let sql = `SELECT n.*, a.assoc_type AS assoc FROM peer_assoc a JOIN node n ON n.id = a.${other} WHERE a.${self} = ? AND n.archived_at IS NULL`;
      const m = /assocType\s*=\s*'([^']+)'/.exec(query.where ?? '');
      if (m) {
        sql += ' AND a.assoc_type = ?';
        args.push(m[1]);
      }
      const rows = db.prepare(sql + ' ORDER BY n.name_key').all(...args) as (NodeRow & { assoc: string })[];
      const visible = rows
        .filter((n) => permissions.has(caller, n, 'Read'))
        .map((n) => mapper.toJson(caller, n, { include, association: { assocType: n.assoc } as never }));
      return { body: pageOf(visible, parsePaging(query)) };
    });
  r.get('/nodes/:nodeId/targets', peers('targets'));
  r.get('/nodes/:nodeId/sources', peers('sources'));
  // Trashcan
  const archivedRoot = (caller: Caller, id: string) => {
    const n = db.prepare('SELECT * FROM node WHERE id = ? AND archived_at IS NOT NULL AND parent_id IS NULL').get(id) as
      | NodeRow
      | undefined;
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
      const who = caller.isAdmin ? '' : 'AND archived_by = ?';
      const args = caller.isAdmin ? [] : [caller.userId];
      const total = (
        db.prepare(`SELECT COUNT(*) AS c FROM node WHERE archived_at IS NOT NULL AND parent_id IS NULL ${who}`).get(...args) as {
          c: number;
        }
      ).c;
      const rows = db
        .prepare(`SELECT * FROM node WHERE archived_at IS NOT NULL AND parent_id IS NULL ${who} ORDER BY archived_at DESC LIMIT ? OFFSET ?`)
        .all(...args, paging.maxItems, paging.skipCount) as NodeRow[];
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
      sendContent(
        ctx,
        req,
        res,
        { url: n.content_url, mimeType: n.mime_type, size: n.size, name: n.name, modifiedAt: n.modified_at },
        bool(query.attachment, true)
      );
      return { handled: true };
    })
  );

  // Audit entries of a node (alfresco-access)
  r.get(
    '/nodes/:nodeId/audit-entries',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      if (!caller.isAdmin) throw errors.permissionDenied();
      const paging = parsePaging(query);
      const rows = db.prepare('SELECT * FROM audit_entry WHERE node_id = ? ORDER BY id DESC').all(node.id) as {
        id: number;
        application: string;
        created_by: string;
        created_at: string;
        entry_values: string;
      }[];
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

  void alfDate;
  return r;
}

interface VersionRow {
  node_id: string;
  label: string;
  seq: number;
  name: string;
  type: string;
  content_url: string | null;
  mime_type: string | null;
  encoding: string | null;
  size: number | null;
  properties: string;
  aspects: string;
  comment: string | null;
  modified_at: string;
  modified_by: string;
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
function refuseHiddenQNames(aspectNames: string[] | undefined, properties: Record<string, unknown> | undefined): void {
  for (const qname of [...(aspectNames ?? []), ...Object.keys(properties ?? {})])
    if (isHiddenQName(qname)) throw errors.invalidArgument(`NameSpace cannot be used by API: ${qname}`);
  for (const qname of Object.keys(properties ?? {}))
    if (AUDITABLE_PROPERTIES.has(qname)) throw errors.invalidArgument(`Cannot be used by API: ${qname}`);
}
