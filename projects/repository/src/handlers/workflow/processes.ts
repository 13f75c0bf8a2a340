import express from 'express';
import type { Caller } from '../../auth/caller';
import type { RepositoryContext } from '../../services/repository-context';
import type { WorkflowService } from '../../workflow';
import type { ProcessRow } from '../../persistence/workflow-store';
import { errors } from '../../errors/api-error';
import { handle, pageOf, parsePaging, entry, objectBody } from '../../http/api';
import { processJson, taskJson, variableJson } from './json';
import { itemRoutes } from './items';
import { oneOrMany } from './batch';
import { booleanValue, parseWhere, test } from './where';
import { HISTORY_SORT, RUNNING_SORT } from './task-listing';
import { inTransaction } from '../../persistence/database';

const ms = (d: string) => Date.parse(d.replace(/\+0000$/, 'Z'));

export function byStatus<T extends { ended_at: string | null }>(rows: T[], status: unknown, fallback = 'active'): T[] {
  const s = status ?? fallback;
  if (s === 'any') return rows;
  if (s === 'active') return rows.filter((r) => !r.ended_at);
  if (s === 'completed') return rows.filter((r) => !!r.ended_at);
  throw errors.invalidArgument(`Invalid status parameter: ${String(s)} (active, completed or any)`);
}

/** /processes and its sub-resources (variables, items, tasks, activities). */
export function processesRouter(ctx: RepositoryContext, wf: () => WorkflowService): express.Router {
  const r = express.Router();
  const defOf = (id: string) => wf().store.definition(id);
  const json = (p: ProcessRow) => processJson(p, defOf(p.definition_id));
  const running = (caller: Caller, id: string) => {
    const p = wf().readableProcess(caller, id);
    if (p.ended_at) throw errors.notFoundMessage(`Process ${id} has ended`);
    return p;
  };

  r.get(
    '/processes',
    handle(({ caller, query }) => {
      const where = parseWhere(query.where, {
        processDefinitionId: ['='],
        processDefinitionKey: ['=', 'MATCHES'],
        businessKey: ['=', 'MATCHES'],
        startUserId: ['='],
        startedAt: ['=', '>', '>=', '<', '<='],
        endedAt: ['=', '>', '>=', '<', '<='],
        status: ['='],
        includeVariables: ['=']
      });
      const status = where.find((c) => c.property === 'status')?.value;
      let rows = byStatus(wf().store.processes(), status);
      rows = rows.filter((p) => wf().listsProcess(caller, p));
      let out = rows.map(json) as Record<string, unknown>[];
      for (const c of where) {
        if (c.property === 'status' || c.property === 'includeVariables') continue;
        // no `-me-` alias here: ProcessesImpl compares startUserId as written
        out = out.filter((p) => test(p[c.property], c, c.property.endsWith('At') ? 'date' : 'text'));
      }
      if (where.some((c) => c.property === 'includeVariables' && booleanValue(c))) {
        out = out.map((p) => ({
          ...p,
          variables: [...wf().store.variables(String(p.id))].filter(([n]) => !n.startsWith('_')).map(([n, v]) => variableJson(ctx, n, v))
        }));
      }
      sortBy(out, query.orderBy, ['id', 'processDefinitionId', 'businessKey', 'startedAt', 'endedAt', 'durationInMs']);
      return { body: pageOf(out, parsePaging(query)) };
    })
  );

  r.post(
    '/processes',
    handle(({ caller, body }) =>
      inTransaction(ctx.db, () => oneOrMany<Record<string, unknown>, unknown>(body, (b) => json(wf().start(caller, b))))
    )
  );

  r.get(
    '/processes/:id',
    handle(({ caller, params }) => ({ body: entry(json(wf().readableProcess(caller, params.id))) }))
  );
  r.delete(
    '/processes/:id',
    handle(({ caller, params }) => inTransaction(ctx.db, () => wf().deleteProcess(caller, params.id)))
  );

  // ---- variables
  r.get(
    '/processes/:id/variables',
    handle(({ caller, params, query }) => {
      const p = wf().readableProcess(caller, params.id);
      const vars = [...wf().store.variables(p.id)].filter(([n]) => !n.startsWith('_')).map(([n, v]) => variableJson(ctx, n, v));
      return { body: pageOf(vars, parsePaging(query)) };
    })
  );
  r.post(
    '/processes/:id/variables',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const p = running(caller, params.id);
        return oneOrMany<Record<string, unknown>, unknown>(body, (v) => {
          const [set] = wf().setRestVariables(caller, p.id, [v as never]);
          return variableJson(ctx, set.name, set.stored);
        });
      })
    )
  );
  r.put(
    '/processes/:id/variables/:name',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const p = running(caller, params.id);
        const b = objectBody(body);
        const [set] = wf().setRestVariables(caller, p.id, [{ ...b, name: params.name } as never]);
        return { body: entry(variableJson(ctx, set.name, set.stored)) };
      })
    )
  );
  r.delete(
    '/processes/:id/variables/:name',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const p = running(caller, params.id);
        if (!wf().store.deleteVariable(p.id, params.name)) throw errors.notFound(params.name);
      })
    )
  );

  // ---- items (the content of bpm_package)
  itemRoutes(
    r,
    ctx,
    wf,
    'processes',
    (caller, id) => wf().readableProcess(caller, id).id,
    (caller, id) => running(caller, id).id
  );

  // ---- tasks and activities of a process
  r.get(
    '/processes/:id/tasks',
    handle(({ caller, params, query }) => {
      // TasksImpl.getTasks(processId, ...): the status is a plain query parameter; `where` is compiled (a
      // malformed one is refused) but filters nothing, and no involvement filter applies past the process check.
      parseWhere(query.where);
      const status = query.status ?? 'active';
      if (status !== 'active' && status !== 'completed' && status !== 'any')
        throw errors.invalidArgument(`Invalid status parameter: ${String(status)}`);
      const p = wf().readableProcess(caller, params.id);
      const out = byStatus(wf().store.listedTasksOfProcess(p.id), status).map(taskJson) as Record<string, unknown>[];
      sortBy(out, query.orderBy, status === 'active' ? RUNNING_SORT : HISTORY_SORT);
      return { body: pageOf(out, parsePaging(query)) };
    })
  );
  r.get(
    '/processes/:id/activities',
    handle(({ caller, params, query }) => {
      const p = wf().readableProcess(caller, params.id);
      const where = parseWhere(query.where, { status: ['='] });
      const out = byStatus(wf().store.activities(p.id), where[0]?.value, 'any').map((a) =>
        Object.fromEntries(
          Object.entries({
            id: String(a.seq),
            activityDefinitionId: a.activity_id,
            activityName: a.activity_name,
            activityType: a.activity_type,
            executionId: a.execution_id,
            taskId: a.task_id,
            assignee: a.assignee,
            startedAt: a.started_at,
            endedAt: a.ended_at,
            durationInMs: a.ended_at ? ms(a.ended_at) - ms(a.started_at) : null
          }).filter(([, v]) => v !== null)
        )
      );
      return { body: pageOf(out, parsePaging(query)) };
    })
  );
  return r;
}

/** orderBy "field [ASC|DESC]" over entries already built. */
export function sortBy(rows: Record<string, unknown>[], orderBy: string | undefined, allowed: string[]): void {
  if (!orderBy) return;
  const [field, dirText] = orderBy.trim().split(/\s+/);
  if (!allowed.includes(field))
    throw errors.invalidArgument(`OrderBy ${field} is not supported, supported items are ${allowed.join(', ')}`);
  const dir = (dirText ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
  const key = (v: unknown) => (typeof v === 'number' ? v : /^\d+$/.test(String(v ?? '')) ? Number(v) : String(v ?? ''));
  rows.sort((a, b) => {
    const x = key(a[field]);
    const y = key(b[field]);
    return dir * (x < y ? -1 : x > y ? 1 : 0);
  });
}
