import { Router } from 'express';
import { handle, entry, objectBody, bool, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { sendContent } from '../core/content-io';
import type { RepositoryContext } from '../../services/repository-context';
import { RM } from '../../services/records/file-plan';
import { errors } from '../../errors/api-error';
import type { GsServices } from './services';

/** /records/{id} (read, edit, delete, content, file, complete) and /files/{id}/declare. */
export function recordsRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp, records } = gs;

  r.get(
    '/records/:recordId',
    handle(({ caller, params, query }) => ({
      body: entry(fp.recordJson(caller, records.lookup(caller, params.recordId), includeOf(query)))
    }))
  );
  r.put(
    '/records/:recordId',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const record = records.lookup(caller, params.recordId);
        const b = objectBody(body);
        const name = typeof b.name === 'string' && b.name.trim() ? b.name : undefined;
        // What may change on a record is RecordRules' decision, the same for the core API.
        const updated = fp.nodes.update(caller, record, {
          name,
          properties: (b.properties as Record<string, unknown>) ?? {},
          aspectNames: Array.isArray(b.aspectNames) ? (b.aspectNames as string[]) : undefined
        });
        return { body: entry(fp.recordJson(caller, updated, includeOf(query))) };
      })
    )
  );
  r.delete(
    '/records/:recordId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const record = records.lookup(caller, params.recordId);
        fp.nodes.delete(caller, record, false);
      })
    )
  );
  r.get(
    '/records/:recordId/content',
    handle(({ caller, params, query, req, res }) => {
      const record = records.lookup(caller, params.recordId);
      if (record.type === RM.nonElectronic) throw errors.invalidArgument(`Cannot read content from Non-electronic record ${record.id}.`);
      sendContent(ctx, req, res, record, bool(query.attachment, true));
      return { handled: true };
    })
  );
  r.post(
    '/records/:recordId/file',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => ({
        status: 201,
        body: entry(fp.recordJson(caller, records.file(caller, params.recordId, objectBody(body)), includeOf(query)))
      }))
    )
  );
  r.post(
    '/records/:recordId/complete',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => ({
        status: 201,
        body: entry(fp.recordJson(caller, records.complete(caller, params.recordId), includeOf(query)))
      }))
    )
  );
  r.post(
    '/files/:fileId/declare',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => {
        const record = records.declare(caller, params.fileId, { hideRecord: bool(query.hideRecord, false), parentId: query.parentId });
        return { status: 201, body: entry(fp.recordJson(caller, record, includeOf(query))) };
      })
    )
  );
  return r;
}
