import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import type { NodeRow } from '../../persistence/node-row';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, objectBody, pageOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { includeOf } from './node-json';

/** Under /nodes (or /deleted-nodes): parents, secondary children and peer associations (targets, sources). Mounted by nodesRouter. */
export function associationsRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const { db, store, permissions } = ctx;

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
  return r;
}
