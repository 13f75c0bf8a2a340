import express from 'express';
import type { Caller } from '../../auth/caller';
import type { RepositoryContext } from '../../services/repository-context';
import type { WorkflowService } from '../../workflow';
import type { TaskRow } from '../../workflow/workflow-store';
import type { StoredValue } from '../../workflow/variables';
import { errors } from '../../errors/api-error';
import { handle, inTx, pageOf, parsePaging, parseList, entry, objectBody } from '../../http/api';
import { formModel, taskJson, variableJson } from './json';
import { byStatus, oneOrMany, sortBy } from './processes';
import { itemRoutes } from './items';
import { parseWhere, test, type Clause } from './where';

const WHERE: Record<string, Clause['op'][]> = {
  status: ['='],
  assignee: ['=', 'MATCHES'],
  owner: ['=', 'MATCHES'],
  candidateUser: ['='],
  candidateGroup: ['='],
  name: ['=', 'MATCHES'],
  description: ['=', 'MATCHES'],
  priority: ['=', '>', '>=', '<', '<='],
  processId: ['='],
  processBusinessKey: ['=', 'MATCHES'],
  activityDefinitionId: ['=', 'MATCHES'],
  processDefinitionId: ['='],
  processDefinitionKey: ['=', 'MATCHES'],
  processDefinitionName: ['=', 'MATCHES'],
  startedAt: ['=', '>', '>=', '<', '<='],
  endedAt: ['=', '>', '>=', '<', '<='],
  dueAt: ['=', '>', '>=', '<', '<='],
  includeTaskVariables: ['='],
  includeProcessVariables: ['='],
  'variables/*': ['=', '>', '>=', '<', '<=', 'MATCHES']
};

/** /tasks and its sub-resources (variables, form model, items, candidates). */
export function tasksRouter(ctx: RepositoryContext, wf: () => WorkflowService): express.Router {
  const r = express.Router();

  /** The task's variables as the API lists them: task-local ('local') then the process's ('global'). */
  const taskVariables = (t: TaskRow) => {
    const local = new Map<string, StoredValue>(wf().store.variables(t.id));
    local.set('bpm_priority', { type: 'd:int', value: t.priority });
    if (t.description) local.set('bpm_description', { type: 'd:text', value: t.description });
    if (t.due_at) local.set('bpm_dueDate', { type: 'd:date', value: t.due_at.replace('+0000', 'Z') });
    const global = wf().store.variables(t.process_id);
    const visible = (m: Map<string, StoredValue>) => [...m].filter(([n]) => !n.startsWith('_'));
    return [
      ...visible(local).map(([n, v]) => variableJson(ctx, n, v, 'local')),
      ...visible(global).map(([n, v]) => variableJson(ctx, n, v, 'global'))
    ];
  };
  const open = (caller: Caller, id: string) => {
    const t = wf().readableTask(caller, id);
    if (t.ended_at) throw errors.methodNotAllowed(`Task with id: ${id} cannot be updated, it's completed`);
    return t;
  };

  r.get(
    '/tasks',
    handle(({ caller, query }) => {
      const where = parseWhere(query.where, WHERE).map((c) => (c.value === '-me-' ? { ...c, value: caller.userId } : c));
      const status = where.find((c) => c.property === 'status')?.value;
      const all = ctx.db.prepare('SELECT * FROM wf_task WHERE delete_reason IS NULL ORDER BY CAST(id AS INTEGER)').all() as TaskRow[];
      let rows = byStatus(all, status).filter((t) => wf().canSeeTask(caller, t));
      const defs = new Map(
        wf()
          .store.definitions()
          .map((d) => [d.id, d])
      );
      for (const c of where) {
        switch (c.property) {
          case 'status':
          case 'includeTaskVariables':
          case 'includeProcessVariables':
            break;
          case 'candidateUser': {
            const user = ctx.authorities.person(String(c.value));
            const authorities = new Set([String(c.value), ...(user ? ctx.authorities.containingGroups(user.id) : [])]);
            rows = rows.filter(
              (t) =>
                !t.assignee &&
                wf()
                  .store.candidates(t.id)
                  .some((k) => (k.kind === 'user' ? k.authority === c.value : authorities.has(k.authority)))
            );
            break;
          }
          case 'candidateGroup':
            rows = rows.filter(
              (t) =>
                !t.assignee &&
                wf()
                  .store.candidates(t.id)
                  .some((k) => k.kind === 'group' && k.authority === c.value)
            );
            break;
          case 'processBusinessKey':
            rows = rows.filter((t) => test(wf().store.process(t.process_id)?.business_key, c));
            break;
          case 'processDefinitionKey':
          case 'processDefinitionName':
            rows = rows.filter((t) =>
              test(c.property === 'processDefinitionKey' ? defs.get(t.definition_id)?.key : defs.get(t.definition_id)?.name, c)
            );
            break;
          default:
            if (c.property.startsWith('variables/')) {
              const name = c.property.slice('variables/'.length);
              rows = rows.filter((t) => test((wf().store.variable(t.id, name) ?? wf().store.variable(t.process_id, name))?.value, c));
            } else {
              const kind = c.property.endsWith('At') ? 'date' : c.property === 'priority' ? 'number' : 'text';
              rows = rows.filter((t) => test((taskJson(t) as Record<string, unknown>)[c.property], c, kind));
            }
        }
      }
      const withTask = where.some((c) => c.property === 'includeTaskVariables' && c.value === true);
      const withProcess = where.some((c) => c.property === 'includeProcessVariables' && c.value === true);
      let out = rows.map((t) => {
        const j = taskJson(t) as Record<string, unknown>;
        if (withTask || withProcess) j.variables = taskVariables(t).filter((v) => (v.scope === 'local' ? withTask : withProcess));
        return j;
      });
      sortBy(out, query.orderBy, [
        'id',
        'name',
        'description',
        'priority',
        'processId',
        'assignee',
        'startedAt',
        'endedAt',
        'durationInMs',
        'dueAt'
      ]);
      out = out ?? [];
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
      inTx(ctx, () => ({ body: entry(taskJson(wf().updateTask(caller, params.id, parseList(query.select), objectBody(body)))) }))
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
      inTx(ctx, () => {
        const t = open(caller, params.id);
        return oneOrMany<Record<string, unknown>, unknown>(body, (v) => setOne(caller, t, v));
      })
    )
  );
  r.put(
    '/tasks/:id/variables/:name',
    handle(({ caller, params, body }) =>
      inTx(ctx, () => {
        const t = open(caller, params.id);
        return { body: entry(setOne(caller, t, { ...objectBody(body), name: params.name })) };
      })
    )
  );
  r.delete(
    '/tasks/:id/variables/:name',
    handle(({ caller, params }) =>
      inTx(ctx, () => {
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
      const t = wf().readableTask(caller, params.id);
      const list = wf()
        .store.candidates(t.id)
        .map((c) => ({ candidateType: c.kind, candidateId: c.authority }));
      return { body: pageOf(list, parsePaging(query)) };
    })
  );
  return r;
}
