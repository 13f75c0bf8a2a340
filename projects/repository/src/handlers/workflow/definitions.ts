import express from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { WorkflowService } from '../../workflow';
import { errors } from '../../errors/api-error';
import { handle, pageOf, parsePaging, entry } from '../../http/api';
import { definitionJson, deploymentJson, formModel } from './json';
import { parseWhere, test } from './where';
import { inTransaction } from '../../persistence/database';

/** GET /deployments[/{id}], DELETE /deployments/{id}, GET /process-definitions[/{id}[/start-form-model]]. */
export function definitionsRouter(ctx: RepositoryContext, wf: () => WorkflowService): express.Router {
  const r = express.Router();

  r.get(
    '/deployments',
    handle(({ caller, query }) => {
      if (!caller.isAdmin) throw errors.permissionDenied('Only administrators can list deployments');
      return { body: pageOf(wf().store.deployments().map(deploymentJson), parsePaging(query)) };
    })
  );
  r.get(
    '/deployments/:id',
    handle(({ caller, params }) => {
      if (!caller.isAdmin) throw errors.permissionDenied('Only administrators can read deployments');
      const d = wf().store.deployment(params.id);
      if (!d) throw errors.notFound(params.id);
      return { body: entry(deploymentJson(d)) };
    })
  );
  r.delete(
    '/deployments/:id',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        if (!caller.isAdmin) throw errors.permissionDenied('Only administrators can delete deployments');
        if (!wf().store.deployment(params.id)) throw errors.notFound(params.id);
        wf().engine.deleteDeployment(params.id);
      })
    )
  );

  r.get(
    '/process-definitions',
    handle(({ query }) => {
      const where = parseWhere(query.where, {
        key: ['=', 'MATCHES'],
        name: ['=', 'MATCHES'],
        category: ['=', 'MATCHES'],
        deploymentId: ['='],
        version: ['=']
      });
      // Only the newest version of each key is listed, as ACS's latestVersion() query does.
      const latest = new Map<string, ReturnType<typeof definitionJson>>();
      for (const d of wf().store.definitions()) latest.set(d.key, definitionJson(d));
      const rows = [...latest.values()].filter((d) =>
        where.every((c) => test((d as Record<string, unknown>)[c.property], c, c.property === 'version' ? 'number' : 'text'))
      );
      const order = (query.orderBy ?? 'name ASC').trim().split(/\s+/);
      const field = order[0];
      if (!['name', 'key', 'id', 'version', 'deploymentId', 'category'].includes(field))
        throw errors.invalidArgument(`OrderBy ${field} is not supported`);
      const dir = (order[1] ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
      rows.sort(
        (a, b) =>
          dir * String((a as Record<string, unknown>)[field] ?? '').localeCompare(String((b as Record<string, unknown>)[field] ?? ''))
      );
      return { body: pageOf(rows, parsePaging(query)) };
    })
  );
  r.get(
    '/process-definitions/:id',
    handle(({ params }) => {
      const d = wf().store.definition(params.id);
      if (!d) throw errors.notFound(params.id);
      return { body: entry(definitionJson(d)) };
    })
  );
  r.get(
    '/process-definitions/:id/start-form-model',
    handle(({ params, query }) => {
      const d = wf().store.definition(params.id);
      if (!d) throw errors.notFound(params.id);
      if (!d.start_form_key || !ctx.dictionary.getType(d.start_form_key))
        throw errors.notFoundMessage(`No start form type found for process definition ${params.id}`);
      return { body: pageOf(formModel(ctx, d.start_form_key), parsePaging(query)) };
    })
  );
  return r;
}
