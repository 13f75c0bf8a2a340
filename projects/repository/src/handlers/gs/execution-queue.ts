import express, { Router } from 'express';
import type { Caller } from '../../auth/caller';
import type { RepositoryContext } from '../../services/repository-context';
import { inTransaction } from '../../persistence/database';
import { ApiError } from '../../errors/api-error';
import { WebScriptError } from '../webscripts/legacy';
import { RM } from '../../services/records/file-plan';
import type { DispositionStepName } from '../../services/records/disposition';
import type { GsServices } from './services';

/** The web script AGS's own screens run records management actions through. */
export const EXECUTION_QUEUE = '/api/rma/actions/ExecutionQueue';

/**
 * POST /alfresco/s/api/rma/actions/ExecutionQueue (rmaction.post, RmActionPost): `{ name, nodeRef | nodeRefs,
 * params }`, run at once despite the name. AGS answers what the action throws with the web script status
 * template (500 and the action's message). Served: the retention steps cutoff, retain, transfer, accession
 * and destroy, completing a transfer or an accession (on the transfer object, TransferCompleteAction),
 * completeEvent, closing and reopening record folders, and completing records (declareRecord); others
 * answer AGS's "not defined" message.
 */
export function executionQueueRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const step = (name: DispositionStepName) => (caller: Caller, id: string) => {
    gs.disposition.execute(caller, gs.fp.resolve(id), name);
    return undefined;
  };
  const actions: Record<string, (caller: Caller, nodeId: string, params: Record<string, unknown>) => string | undefined> = {
    cutoff: step('cutoff'),
    retain: step('retain'),
    destroy: step('destroy'),
    transfer: step('transfer'),
    accession: step('accession'),
    transferComplete: (caller, id) => {
      gs.transfers.complete(caller, id, false);
      return undefined;
    },
    accessionComplete: (caller, id) => {
      gs.transfers.complete(caller, id, true);
      return undefined;
    },
    completeEvent: (caller, id, params) => {
      if (typeof params.eventName !== 'string' || !params.eventName) throw new WebScriptError(500, 'The parameter eventName is mandatory.');
      gs.disposition.completeEvent(caller, gs.fp.resolve(id), params.eventName);
      return undefined;
    },
    closeRecordFolder: (caller, id) => {
      gs.records.setClosed(caller, folderOf(id), true);
      return undefined;
    },
    openRecordFolder: (caller, id) => {
      gs.records.setClosed(caller, folderOf(id), false);
      return undefined;
    },
    // DeclareRecordAction completes the record and swallows what completion refuses (already complete,
    // frozen, not a record); missing mandatory metadata comes back as the result "missingProperties".
    declareRecord: (caller, id) => {
      try {
        gs.records.complete(caller, id);
      } catch (e) {
        if (e instanceof ApiError && /missing mandatory properties/.test(e.message)) return 'missingProperties';
        if (!(e instanceof ApiError) || e.statusCode === 403) throw e;
      }
      return undefined;
    }
  };
  /** A record's folder when the action is given the record (closeParent/openParent behaviour). */
  const folderOf = (id: string) => {
    const node = gs.fp.resolve(id);
    if (node.type === RM.folder) return node;
    const parent = node.parent_id ? ctx.store.get(node.parent_id) : undefined;
    if (parent?.type === RM.folder) return parent;
    throw new WebScriptError(500, `${node.name} is not a record folder.`);
  };

  r.post(EXECUTION_QUEUE, express.text({ type: () => true, limit: '1mb' }), (req, res, next) => {
    try {
      const caller = res.locals.caller as Caller;
      let body: Record<string, unknown>;
      try {
        body = typeof req.body === 'string' ? (JSON.parse(req.body) as Record<string, unknown>) : (req.body as Record<string, unknown>);
      } catch {
        throw new WebScriptError(400, 'Unable to parse request JSON.');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WebScriptError(400, 'Unable to parse request JSON.');
      const name = typeof body.name === 'string' ? body.name : '';
      if (!name) throw new WebScriptError(400, 'A mandatory parameter has not been provided in URL');
      const refs = Array.isArray(body.nodeRefs) && body.nodeRefs.length ? (body.nodeRefs as unknown[]) : [body.nodeRef];
      const action = actions[name];
      const params = body.params && typeof body.params === 'object' ? (body.params as Record<string, unknown>) : {};
      const results: Record<string, string> = {};
      inTransaction(ctx.db, () => {
        for (const ref of refs) {
          const id = typeof ref === 'string' ? ref.replace(/^workspace:\/\/SpacesStore\//, '') : '';
          if (!id || !ctx.store.get(id)) throw new WebScriptError(404, `The targetNode does not exist (${String(ref)})`);
          if (!action) throw new WebScriptError(500, `The records management action ${name} hasn't been defined.`);
          try {
            const result = action(caller, id, params);
            if (result !== undefined) results[String(ref)] = result;
          } catch (e) {
            if (e instanceof ApiError) throw new WebScriptError(e.statusCode === 403 ? 403 : 500, e.message);
            throw e;
          }
        }
      });
      res
        .status(200)
        .type('application/json;charset=UTF-8')
        .send(JSON.stringify({ message: `Successfully queued action [${name}] on ${refs.map(String).join(',')}`, results }));
    } catch (e) {
      next(e);
    }
  });
  return r;
}
