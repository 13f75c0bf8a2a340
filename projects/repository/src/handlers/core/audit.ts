import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeMapper } from '../../services/node-mapper';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, pageOf, bool } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { inTransaction } from '../../persistence/database';
import type { AuditCondition, AuditOrder, AuditRow } from '../../persistence/audit-store';

/** The one audit application this repository records (services/audit.ts), as ACS names it. */
const APPLICATIONS = ['alfresco-access'];

/** /audit-applications: read and prune the audit trail. Administrators only, as in ACS. */
export function auditRouter(ctx: RepositoryContext, mapper: NodeMapper): Router {
  const r = Router();
  const { audit } = ctx;

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
      const mm = audit.idRange(id);
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
      const rows = audit.page(id, where, order, paging.skipCount, paging.maxItems);
      const withValues = parseList(query.include).includes('values');
      const entries = rows.map((a) => entryJson(a, withValues));
      if (bool(query.omitTotalItems, false)) {
        const more = audit.hasMore(id, where, paging.skipCount + rows.length);
        const body = list(entries, paging, 0);
        delete (body.list.pagination as { totalItems?: number }).totalItems;
        body.list.pagination.hasMoreItems = more;
        return { body };
      }
      const total = audit.count(id, where);
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
        audit.deleteWhere(id, where);
      })
    )
  );

  const oneEntry = (appId: string, entryId: string) => {
    const a = /^\d+$/.test(entryId) ? audit.get(appId, Number(entryId)) : undefined;
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
        audit.delete(a.id);
      })
    )
  );

  return r;
}

/**
 * `where` of the audit entries: createdByUser='x', id BETWEEN ('1','9'), createdAt BETWEEN ('d1','d2'),
 * valuesKey='k', valuesValue='v', joined by AND. Deleting accepts only the two ranges, as ACS.
 */
export function auditWhere(where: string | undefined, forDelete: boolean): AuditCondition[] {
  if (!where || !where.trim()) return [];
  const m = /^\s*\((.*)\)\s*$/s.exec(where);
  if (!m) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  const bad = () => errors.invalidArgument(`Invalid where clause: ${where}`);
  const conditions: AuditCondition[] = [];
  let key: string | undefined;
  let value: string | undefined;
  for (const term of m[1].split(/\s+AND\s+(?=[a-zA-Z]+\s*(?:=|BETWEEN))/i)) {
    let t: RegExpExecArray | null;
    if ((t = /^\s*(createdAt|id)\s+BETWEEN\s*\(\s*'([^']*)'\s*,\s*'([^']*)'\s*\)\s*$/i.exec(term))) {
      if (t[1].toLowerCase() === 'id') {
        if (!/^\d+$/.test(t[2]) || !/^\d+$/.test(t[3])) throw bad();
        conditions.push({ kind: 'idBetween', from: Number(t[2]), to: Number(t[3]) });
      } else {
        const [from, to] = [t[2], t[3]].map((d) => Date.parse(d.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
        if (Number.isNaN(from) || Number.isNaN(to)) throw bad();
        // Stored dates are UTC in one fixed format, so text order is time order.
        conditions.push({ kind: 'createdBetween', from: alfDate(from), to: alfDate(to) });
      }
    } else if (!forDelete && (t = /^\s*(createdByUser|valuesKey|valuesValue)\s*=\s*'([^']*)'\s*$/i.exec(term))) {
      const field = t[1].toLowerCase();
      if (field === 'createdbyuser') {
        conditions.push({ kind: 'createdBy', userId: t[2] });
      } else if (field === 'valueskey') key = t[2];
      else value = t[2];
    } else throw bad();
  }
  // valuesKey and valuesValue together must match one and the same value.
  if (key !== undefined || value !== undefined) conditions.push({ kind: 'value', key, value });
  return conditions;
}

function auditOrder(orderBy: string | undefined): AuditOrder {
  if (!orderBy) return [];
  return orderBy.split(',').map((t) => {
    const [field, dir] = t.trim().split(/\s+/);
    if (field !== 'createdAt' && field !== 'id') throw errors.invalidArgument(`Invalid orderBy field: ${field}`);
    return { field, descending: !!dir && /^desc$/i.test(dir) };
  });
}
