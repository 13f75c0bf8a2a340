import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Caller } from '../../auth/caller';
import { handle, entry, list, objectBody, parsePaging } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { ApiError, errors } from '../../errors/api-error';
import type { RepositoryContext } from '../../services/repository-context';
import { RM } from '../../services/records/file-plan';
import { alfDate } from '../../util/alf-date';
import { runSearch, SearchError } from '../../search';
import { searchContextFor } from '../search/search';
import type { GsServices } from './services';

/** rm.hold.bulk.maxItems of AGS's alfresco-global.properties: more results than this are refused. */
const MAX_ITEMS = 1000;
const ACCESS_DENIED = 'Access Denied.  You do not have the appropriate permissions to perform this operation.';

/** One bulk process (HoldBulkStatus with its HoldBulkOperation, as HoldBulkUtils answers it). */
interface BulkStatus {
  bulkStatusId: string;
  startTime?: string;
  endTime?: string;
  processedItems: number;
  errorsCount: number;
  totalItems: number;
  lastError?: string;
  status: 'PENDING' | 'IN PROGRESS' | 'DONE' | 'CANCELLED';
  cancellationReason?: string;
  holdBulkOperation: { query: { language: string; query: string }; op: 'ADD' };
}

/**
 * POST /holds/{id}/bulk and its bulk statuses (HoldsEntityResource#bulk, HoldBulkServiceImpl,
 * HoldsBulkStatusesRelation): every node a search finds, as the caller sees it, is put on the hold one by
 * one; what one item refuses (no Write on it, not content) is counted and the last error kept, the rest go on.
 * AGS runs the batch in the background and answers 202 at once; here it is done before the 202, so a status
 * read afterwards is DONE (a cancel finds nothing left to stop). Statuses are kept in memory per repository,
 * as AGS keeps them in a cache. Answers are wrapped in `entry` as the REST framework wraps every entity
 * (the definition shows HoldBulkOperationEntry and HoldBulkStatus bare; AGS's HoldsAPI reads `entry`).
 */
export function holdBulkRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp } = gs;
  const statuses = new Map<string, BulkStatus[]>();

  /** checkReadPermissions of HoldsBulkStatusesRelation, after the type check of the hold. */
  const readableHold = (caller: Caller, holdId: string) => {
    const hold = fp.lookup(holdId, RM.hold);
    if (!ctx.permissions.has(caller, hold, 'Read') || !fp.can(caller, hold, 'ViewRecords')) throw errors.permissionDenied(ACCESS_DENIED);
    return hold;
  };

  r.post(
    '/holds/:holdId/bulk',
    handle(({ caller, params, body }) => {
      const hold = fp.lookup(params.holdId, RM.hold);
      const b = objectBody(body);
      const query = b.query as { query?: unknown; language?: unknown } | undefined;
      if (!query || typeof query !== 'object' || typeof query.query !== 'string' || !query.query.trim())
        throw errors.invalidArgument('query is a mandatory parameter');
      if (b.op !== 'ADD') throw errors.invalidArgument(`Unsupported action type when starting the bulk process: ${String(b.op)}`);
      // checkPermissions: the AddToHold capability and filing (Write) on the hold.
      if (!fp.can(caller, hold, 'AddToHold') || !ctx.permissions.has(caller, hold, 'Write')) throw errors.permissionDenied(ACCESS_DENIED);
      const language = typeof query.language === 'string' ? query.language : 'afts';
      let found: string[];
      try {
        const outcome = runSearch(searchContextFor(ctx, caller), {
          query: { query: query.query, language },
          paging: { skipCount: 0, maxItems: MAX_ITEMS + 1 }
        });
        if (outcome.pagination.totalItems > MAX_ITEMS) throw errors.invalidArgument('Too many items to process. Please refine your query.');
        found = outcome.nodeIds;
      } catch (e) {
        if (e instanceof SearchError) throw errors.invalidArgument(e.message);
        throw e;
      }
      const status: BulkStatus = {
        bulkStatusId: randomUUID(),
        startTime: alfDate(),
        processedItems: 0,
        errorsCount: 0,
        totalItems: found.length,
        status: 'IN PROGRESS',
        holdBulkOperation: { query: { language, query: query.query }, op: 'ADD' }
      };
      statuses.set(hold.id, [...(statuses.get(hold.id) ?? []), status]);
      for (const id of found) {
        try {
          inTransaction(ctx.db, () => gs.holds.add(caller, hold.id, [id]));
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          status.errorsCount++;
          status.lastError = e.message;
        }
        status.processedItems++;
      }
      status.endTime = alfDate();
      status.status = 'DONE';
      return { status: 202, body: entry({ bulkStatusId: status.bulkStatusId, totalItems: status.totalItems }) };
    })
  );

  r.get(
    '/holds/:holdId/bulk-statuses',
    handle(({ caller, params, query }) => {
      const hold = readableHold(caller, params.holdId);
      const all = statuses.get(hold.id) ?? [];
      const paging = parsePaging(query);
      return { body: list(all.slice(paging.skipCount, paging.skipCount + paging.maxItems), paging, all.length) };
    })
  );

  const statusOf = (caller: Caller, holdId: string, bulkStatusId: string) => {
    const hold = readableHold(caller, holdId);
    const status = (statuses.get(hold.id) ?? []).find((s) => s.bulkStatusId === bulkStatusId);
    if (!status) throw errors.notFound(bulkStatusId);
    return status;
  };
  r.get(
    '/holds/:holdId/bulk-statuses/:bulkStatusId',
    handle(({ caller, params }) => ({ body: entry(statusOf(caller, params.holdId, params.bulkStatusId)) }))
  );
  r.post(
    '/holds/:holdId/bulk-statuses/:bulkStatusId/cancel',
    handle(({ caller, params, body }) => {
      const status = statusOf(caller, params.holdId, params.bulkStatusId);
      // cancelBulkOperation checks the starter's permissions again; a finished process stays as it ended.
      if (!fp.can(caller, fp.lookup(params.holdId, RM.hold), 'AddToHold')) throw errors.permissionDenied(ACCESS_DENIED);
      const reason =
        body && typeof body === 'object' && typeof (body as { reason?: unknown }).reason === 'string'
          ? (body as { reason: string }).reason
          : undefined;
      if (status.status !== 'DONE') {
        status.status = 'CANCELLED';
        if (reason) status.cancellationReason = reason;
      }
      return { status: 200 };
    })
  );
  return r;
}
