import express from 'express';
import type { Caller } from '../../auth/caller';
import type { RepositoryContext } from '../../services/repository-context';
import type { WorkflowService } from '../../workflow';
import type { TaskRow } from '../../persistence/workflow-store';
import type { StoredValue } from '../../workflow/variables';
import { errors } from '../../errors/api-error';
import { handle, pageOf, parsePaging, parseList, entry, objectBody } from '../../http/api';
import { formModel, taskJson, variableJson } from './json';
import { sortBy } from './processes';
import { oneOrMany } from './batch';
import { itemRoutes } from './items';
import { parseWhere } from './where';
import { HISTORY_SORT, RUNNING_SORT, listTasks } from './task-listing';
import { inTransaction } from '../../persistence/database';

/** /tasks and its sub-resources (variables, form model, items, candidates). */
export function tasksRouter(ctx: RepositoryContext, wf: () => WorkflowService): express.Router {
  const r = express.Router();

  /** The task's variables as the API lists them: task-local ('local') then the process's ('global'). */
  const localVariables = (t: TaskRow) => {
    const local = new Map<string, StoredValue>(wf().store.variables(t.id));
    local.set('bpm_priority', { type: 'd:int', value: t.priority });
    if (t.description) local.set('bpm_description', { type: 'd:text', value: t.description });
    if (t.due_at) local.set('bpm_dueDate', { type: 'd:date', value: t.due_at.replace('+0000', 'Z') });
    return local;
  };
  const taskVariables = (t: TaskRow) => {
    const local = localVariables(t);
    const global = wf().store.variables(t.process_id);
    const visible = (m: Map<string, StoredValue>) => [...m].filter(([n]) => !n.startsWith('_'));
    return [
      ...visible(local).map(([n, v]) => variableJson(ctx, n, v, 'local')),
      ...visible(global).map(([n, v]) => variableJson(ctx, n, v, 'global'))
    ];
  };
  // TasksImpl.getValidTask guards these: a finished task is not found (404)
  const open = (caller: Caller, id: string) => wf().runningTask(caller, id);

  r.get(
    '/tasks',
    handle(({ caller, query }) => {
      const listing = listTasks(ctx, wf(), caller, query.where, localVariables);
      const out = listing.rows.map((t) => {
        const j = taskJson(t) as Record<string, unknown>;
        if (listing.includeTaskVariables || listing.includeProcessVariables)
          j.variables = taskVariables(t).filter((v) =>
            v.scope === 'local' ? listing.includeTaskVariables : listing.includeProcessVariables
          );
        return j;
      });
      sortBy(out, query.orderBy, listing.status === 'active' ? RUNNING_SORT : HISTORY_SORT);
      return { body: pageOf(out, parsePaging(query)) };
    })
  );

  r.get(
    '/tasks/:id',
    handle(({ caller, params }) => ({ body: entry(taskJson(wf().readableTask(caller, params.id))) }))
  );
  r.put(
    '/tasks/:id',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => ({
        body: entry(taskJson(wf().updateTask(caller, params.id, parseList(query.select), objectBody(body))))
      }))
    )
  );

  // ---- variables
  r.get(
    '/tasks/:id/variables',
    handle(({ caller, params, query }) => {
      const t = wf().readableTask(caller, params.id);
      const where = parseWhere(query.where, { scope: ['='] });
      const scope = where[0]?.value;
      if (scope !== undefined && scope !== 'local' && scope !== 'global')
        throw errors.invalidArgument("Invalid value for scope, only 'local' and 'global' are supported");
      return {
        body: pageOf(
          taskVariables(t).filter((v) => !scope || v.scope === scope),
          parsePaging(query)
        )
      };
    })
  );
  const setOne = (caller: Caller, t: TaskRow, v: Record<string, unknown>) => {
    if (v.scope === undefined) throw errors.invalidArgument("Variable scope is required and can only be 'local' or 'global'.");
    const [set] = wf().setRestVariables(caller, t.process_id, [v as never], t.id);
    return variableJson(ctx, set.name, set.stored, set.scope);
  };
  r.post(
    '/tasks/:id/variables',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const t = open(caller, params.id);
        return oneOrMany<Record<string, unknown>, unknown>(body, (v) => setOne(caller, t, v));
      })
    )
  );
  r.put(
    '/tasks/:id/variables/:name',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const t = open(caller, params.id);
        return { body: entry(setOne(caller, t, { ...objectBody(body), name: params.name })) };
      })
    )
  );
  r.delete(
    '/tasks/:id/variables/:name',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const t = open(caller, params.id);
        if (!wf().store.deleteVariable(t.id, params.name)) throw errors.notFound(params.name);
      })
    )
  );

  r.get(
    '/tasks/:id/task-form-model',
    handle(({ caller, params, query }) => {
      const t = wf().readableTask(caller, params.id);
      return { body: pageOf(formModel(ctx, t.form_key), parsePaging(query)) };
    })
  );

  // ---- items: the process's package, seen from one of its tasks
  itemRoutes(
    r,
    ctx,
    wf,
    'tasks',
    (caller, id) => wf().readableTask(caller, id).process_id,
    (caller, id) => open(caller, id).process_id
  );

  r.get(
    '/tasks/:id/candidates',
    handle(({ caller, params, query }) => {
      const t = open(caller, params.id);
      const list = wf()
        .store.candidates(t.id)
        .map((c) => ({ candidateType: c.kind, candidateId: c.authority }));
      return { body: pageOf(list, parsePaging(query)) };
    })
  );
  return r;
}
