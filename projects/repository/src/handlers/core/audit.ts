import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeMapper } from '../../services/node-mapper';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, pageOf, bool } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { inTransaction } from '../../persistence/database';

interface AuditRow {
  id: number;
  application: string;
  node_id: string | null;
  created_by: string;
  created_at: string;
  entry_values: string;
}

/** The one audit application this repository records (services/audit.ts), as ACS names it. */
const APPLICATIONS = ['alfresco-access'];

/** /audit-applications: read and prune the audit trail. Administrators only, as in ACS. */
export function auditRouter(ctx: RepositoryContext, mapper: NodeMapper): Router {
  const r = Router();
  const { db } = ctx;

  const admin = (caller: Caller) => {
    if (!caller.isAdmin) throw errors.permissionDenied('User does not have permission to retrieve audit information');
  };
  const app = (id: string) => {
    if (!APPLICATIONS.includes(id)) throw errors.notFound(id);
    return id;
  };
  const appJson = (id: string, include: Set<string>) => {
    const out: Record<string, unknown> = { id, name: id, isEnabled: true };
    if (include.has('max') || include.has('min')) {
      const mm = db.prepare('SELECT MIN(id) AS min, MAX(id) AS max FROM audit_entry WHERE application = ?').get(id) as {
        min: number | null;
        max: number | null;
      };
      if (include.has('max')) out.maxEntryId = mm.max ?? 0;
      if (include.has('min')) out.minEntryId = mm.min ?? 0;
    }
    return out;
  };
  const entryJson = (a: AuditRow, withValues: boolean) => ({
    id: String(a.id),
    auditApplicationId: a.application,
    createdByUser: mapper.userInfo(a.created_by),
    createdAt: a.created_at,
    ...(withValues ? { values: JSON.parse(a.entry_values) } : {})
  });

  r.get(
    '/audit-applications',
    handle(({ caller, query }) => {
      admin(caller);
      return {
        body: pageOf(
          APPLICATIONS.map((id) => appJson(id, new Set())),
          parsePaging(query)
        )
      };
    })
  );

  r.get(
    '/audit-applications/:appId',
    handle(({ caller, params, query }) => {
      admin(caller);
      return { body: entry(appJson(app(params.appId), new Set(parseList(query.include)))) };
    })
  );

  r.get(
    '/audit-applications/:appId/audit-entries',
    handle(({ caller, params, query }) => {
      admin(caller);
      const id = app(params.appId);
      const paging = parsePaging(query);
      const where = auditWhere(query.where, false);
      const order = auditOrder(query.orderBy);
      const base = `FROM audit_entry WHERE application = ?${where.sql ? ` AND ${where.sql}` : ''}`;
      const args = [id, ...where.params];
      const rows = db
        .prepare(`SELECT * ${base} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(...args, paging.maxItems, paging.skipCount) as AuditRow[];
      const withValues = parseList(query.include).includes('values');
      const entries = rows.map((a) => entryJson(a, withValues));
      if (bool(query.omitTotalItems, false)) {
        const more = !!db.prepare(`SELECT 1 ${base} LIMIT 1 OFFSET ?`).get(...args, paging.skipCount + rows.length);
        const body = list(entries, paging, 0);
        delete (body.list.pagination as { totalItems?: number }).totalItems;
        body.list.pagination.hasMoreItems = more;
        return { body };
      }
      const total = (db.prepare(`SELECT COUNT(*) AS c ${base}`).get(...args) as { c: number }).c;
      return { body: list(entries, paging, total) };
    })
  );

  r.delete(
    '/audit-applications/:appId/audit-entries',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => {
        admin(caller);
        const id = app(params.appId);
        if (!query.where) throw errors.invalidArgument('A where clause with createdAt or id BETWEEN is required');
        const where = auditWhere(query.where, true);
        db.prepare(`DELETE FROM audit_entry WHERE application = ? AND ${where.sql}`).run(id, ...where.params);
      })
    )
  );

  const oneEntry = (appId: string, entryId: string) => {
    const a = /^\d+$/.test(entryId)
      ? (db.prepare('SELECT * FROM audit_entry WHERE application = ? AND id = ?').get(appId, Number(entryId)) as AuditRow | undefined)
      : undefined;
    if (!a) throw errors.notFound(entryId);
    return a;
  };
  r.get(
    '/audit-applications/:appId/audit-entries/:entryId',
    handle(({ caller, params }) => {
      admin(caller);
      return { body: entry(entryJson(oneEntry(app(params.appId), params.entryId), true)) };
    })
  );
  r.delete(
    '/audit-applications/:appId/audit-entries/:entryId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        admin(caller);
        const a = oneEntry(app(params.appId), params.entryId);
        db.prepare('DELETE FROM audit_entry WHERE id = ?').run(a.id);
      })
    )
  );

  return r;
}

/**
 * `where` of the audit entries: createdByUser='x', id BETWEEN ('1','9'), createdAt BETWEEN ('d1','d2'),
 * valuesKey='k', valuesValue='v', joined by AND. Deleting accepts only the two ranges, as ACS.
 */
export function auditWhere(where: string | undefined, forDelete: boolean): { sql: string; params: unknown[] } {
  if (!where || !where.trim()) return { sql: '', params: [] };
  const m = /^\s*\((.*)\)\s*$/s.exec(where);
  if (!m) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  const bad = () => errors.invalidArgument(`Invalid where clause: ${where}`);
  const sql: string[] = [];
  const params: unknown[] = [];
  let key: string | undefined;
  let value: string | undefined;
  for (const term of m[1].split(/\s+AND\s+(?=[a-zA-Z]+\s*(?:=|BETWEEN))/i)) {
    let t: RegExpExecArray | null;
    if ((t = /^\s*(createdAt|id)\s+BETWEEN\s*\(\s*'([^']*)'\s*,\s*'([^']*)'\s*\)\s*$/i.exec(term))) {
      if (t[1].toLowerCase() === 'id') {
        if (!/^\d+$/.test(t[2]) || !/^\d+$/.test(t[3])) throw bad();
        sql.push('id BETWEEN ? AND ?');
        params.push(Number(t[2]), Number(t[3]));
      } else {
        const [from, to] = [t[2], t[3]].map((d) => Date.parse(d.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
        if (Number.isNaN(from) || Number.isNaN(to)) throw bad();
        // Stored dates are UTC in one fixed format, so text order is time order.
        sql.push('created_at BETWEEN ? AND ?');
        params.push(alfDate(from), alfDate(to));
      }
    } else if (!forDelete && (t = /^\s*(createdByUser|valuesKey|valuesValue)\s*=\s*'([^']*)'\s*$/i.exec(term))) {
      const field = t[1].toLowerCase();
      if (field === 'createdbyuser') {
        sql.push('created_by = ?');
        params.push(t[2]);
      } else if (field === 'valueskey') key = t[2];
      else value = t[2];
    } else throw bad();
  }
  // valuesKey and valuesValue together must match one and the same value.
  if (key !== undefined || value !== undefined) {
    const conds = [key !== undefined ? 'j.key = ?' : '', value !== undefined ? 'CAST(j.value AS TEXT) = ?' : ''].filter(Boolean);
    sql.push(`EXISTS (SELECT 1 FROM json_each(entry_values) j WHERE ${conds.join(' AND ')})`);
    if (key !== undefined) params.push(key);
    if (value !== undefined) params.push(value);
  }
  return { sql: sql.join(' AND '), params };
}

function auditOrder(orderBy: string | undefined): string {
  if (!orderBy) return 'created_at ASC, id ASC';
  return orderBy
    .split(',')
    .map((t) => {
      const [field, dir] = t.trim().split(/\s+/);
      const col = { createdAt: 'created_at', id: 'id' }[field];
      if (!col) throw errors.invalidArgument(`Invalid orderBy field: ${field}`);
      const d = dir && /^desc$/i.test(dir) ? 'DESC' : 'ASC';
      return `${col} ${d}, id ${d}`;
    })
    .join(', ');
}
