import { Router } from 'express';
import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { handle, entry, list, parsePaging, includeOf } from '../../http/api';
import type { RepositoryContext } from '../../services/repository-context';
import { RM, type GsInclude } from '../../services/records/file-plan';
import type { GsServices } from './services';
import { componentRoutes } from './component-routes';

/** The fields a transfer carries beyond the common ones (Transfer.PARAM_TRANSFER_*). */
const TRANSFER_FIELDS = ['transferAccessionIndicator', 'transferLocation', 'transferPDFIndicator'] as const;

/** A page of a listing, with its parent as `source` when includeSource=true (CollectionWithPagingInfo). */
function paged<T>(all: T[], query: Record<string, string | undefined>, source: () => Record<string, unknown>) {
  const paging = parsePaging(query);
  const page = all.slice(paging.skipCount, paging.skipCount + paging.maxItems);
  return list(page, paging, all.length, query.includeSource === 'true' ? { source: source() } : undefined);
}

/**
 * /transfer-containers/{id} (the file plan's Transfers container, alias `-transfers-`) and its transfers,
 * /transfers/{id} and the records or record folders a transfer holds: TransferContainerEntityResource,
 * TransferContainerChildrenRelation, TransferEntityResource and TransferChildrenRelation. Transfers are made
 * by the transfer and accession steps (ExecutionQueue) and go when completed; the API only reads them.
 */
export function transfersRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp } = gs;
  const store = ctx.store;

  /**
   * mapTransferInfo of ApiNodesModelFactory: one transfer read by id carries its three indicators always,
   * a listed one when `include` names them.
   */
  const transferJson = (caller: Caller, node: NodeRow, include: GsInclude, listed: boolean) => {
    const out = fp.baseJson(caller, node, include);
    delete out.modifiedAt;
    delete out.modifiedByUser;
    const p = store.properties(node.id);
    const value = {
      transferAccessionIndicator: p['rma:transferAccessionIndicator'] === true,
      transferLocation: typeof p['rma:transferLocation'] === 'string' ? p['rma:transferLocation'] : undefined,
      transferPDFIndicator: p['rma:transferPDFIndicator'] === true
    };
    for (const field of TRANSFER_FIELDS) if (!listed || include.has(field)) out[field] = value[field];
    return out;
  };

  componentRoutes(r, ctx, gs, {
    path: '/transfer-containers/:id',
    type: RM.transferContainer,
    json: (caller, node, include) => fp.baseJson(caller, node, include),
    manage: 'CreateModifyDestroyFileplanMetadata',
    deletable: false
  });

  r.get(
    '/transfer-containers/:transferContainerId/transfers',
    handle(({ caller, params, query }) => {
      const container = fp.lookup(params.transferContainerId, RM.transferContainer);
      fp.requireCapability(caller, container, 'ViewRecords');
      const include = includeOf(query);
      const transfers = store.liveChildrenByName(container.id).filter((n) => n.type === RM.transfer);
      return {
        body: paged(
          transfers.map((n) => transferJson(caller, n, include, true)),
          query,
          () => fp.baseJson(caller, container, include)
        )
      };
    })
  );

  r.get(
    '/transfers/:transferId',
    handle(({ caller, params, query }) => {
      const transfer = fp.lookup(params.transferId, RM.transfer);
      fp.requireCapability(caller, transfer, 'ViewRecords');
      return { body: entry(transferJson(caller, transfer, includeOf(query), false)) };
    })
  );

  r.get(
    '/transfers/:transferId/children',
    handle(({ caller, params, query }) => {
      const transfer = fp.lookup(params.transferId, RM.transfer);
      fp.requireCapability(caller, transfer, 'ViewRecords');
      const include = includeOf(query);
      const items = gs.transfers.itemsOf(transfer).sort((a, b) => a.name_key.localeCompare(b.name_key));
      // mapTransferChildInfo: the kind of each child on request; isClosed for a record folder only.
      const childJson = (node: NodeRow) => {
        const out = fp.baseJson(caller, node, include);
        const folder = node.type === RM.folder;
        if (include.has('isRecordFolder')) out.isRecordFolder = folder;
        if (include.has('isRecord')) out.isRecord = !folder;
        if (include.has('isClosed') && folder) out.isClosed = fp.isClosed(node);
        return out;
      };
      return { body: paged(items.map(childJson), query, () => transferJson(caller, transfer, include, false)) };
    })
  );
  return r;
}
