import type { Caller } from '../../auth/caller';
import type { RepositoryContext } from '../../services/repository-context';
import type { WorkflowService } from '../../workflow';
import type { TaskNarrowing, TaskRow } from '../../persistence/workflow-store';
import type { StoredValue } from '../../workflow/variables';
import { errors } from '../../errors/api-error';
import { taskJson } from './json';
import { booleanValue, integerValue, parseWhere, test, testVariable, variableValue, type Clause } from './where';

/**
 * GET /tasks as ACS's TasksImpl.getTasks answers it (remote-api org.alfresco.rest.workflow.api.impl):
 * - the properties and operators its MapBasedQueryWalker accepts (priority: =, >=, <=; dates: =, >, <);
 * - a non-administrator sees only the tasks they are involved in (Activiti's taskInvolvedUser: assignee,
 *   owner, or a user identity link: candidate user, or the initiator's starter link), NOT the tasks offered to their groups, unless the
 *   query names `candidateUser`, `candidateGroup` or `processId`, which lift that filter without any check of
 *   the caller's membership (ACS lets anyone list a group's pool);
 * - `candidateUser` lists the unclaimed tasks offered to the groups containing that user, or, when the user is
 *   in no group, those offered to the user by name (taskCandidateGroupIn / taskCandidateUser);
 * - candidate filters only with status active; `variables/name` compares the process's variables,
 *   `variables/local/name` the task's, with typed values (see where.ts);
 * - no `-me-` alias in where: the value is compared as written.
 */
const WHERE: Record<string, Clause['op'][]> = {
  status: ['='],
  assignee: ['=', 'MATCHES'],
  owner: ['=', 'MATCHES'],
  candidateUser: ['='],
  candidateGroup: ['='],
  name: ['=', 'MATCHES'],
  description: ['=', 'MATCHES'],
  priority: ['=', '>=', '<='],
  processId: ['='],
  processBusinessKey: ['=', 'MATCHES'],
  activityDefinitionId: ['=', 'MATCHES'],
  processDefinitionId: ['='],
  processDefinitionKey: ['=', 'MATCHES'],
  processDefinitionName: ['=', 'MATCHES'],
  startedAt: ['=', '>', '<'],
  endedAt: ['=', '>', '<'],
  dueAt: ['=', '>', '<'],
  includeTaskVariables: ['='],
  includeProcessVariables: ['='],
  'variables/*': ['=', '>', '>=', '<', '<=', 'MATCHES']
};

/** Sortable properties of active tasks and of task history (TasksImpl's two sort sets). */
export const RUNNING_SORT = ['id', 'name', 'description', 'priority', 'processId', 'assignee', 'startedAt', 'dueAt'];
export const HISTORY_SORT = [...RUNNING_SORT, 'processDefinitionId', 'owner', 'endedAt', 'durationInMs'];

export interface TaskListing {
  rows: TaskRow[];
  status: 'active' | 'completed' | 'any';
  includeTaskVariables: boolean;
  includeProcessVariables: boolean;
}

export function listTasks(
  ctx: RepositoryContext,
  wf: WorkflowService,
  caller: Caller,
  whereText: string | undefined,
  localVariables: (t: TaskRow) => Map<string, StoredValue>
): TaskListing {
  const where = parseWhere(whereText, WHERE);
  // The walker keeps one value per property and operator: the last one given wins.
  const one = (property: string, op: Clause['op'] = '=') => where.filter((c) => c.property === property && c.op === op).pop();
  const status = one('status')?.value ?? 'active';
  if (status !== 'active' && status !== 'completed' && status !== 'any')
    throw errors.invalidArgument(`Invalid status parameter: ${status}`);
  const candidateUser = one('candidateUser')?.value;
  const candidateGroup = one('candidateGroup')?.value;
  if (status !== 'active' && candidateUser !== undefined)
    throw errors.invalidArgument("Filtering on candidateUser is only allowed in combination with status-parameter 'active'");
  if (status !== 'active' && candidateGroup !== undefined)
    throw errors.invalidArgument("Filtering on candidateGroup is only allowed in combination with status-parameter 'active'");
  const flag = (p: string) => {
    const c = one(p);
    return c ? booleanValue(c) : false;
  };
  const includeTaskVariables = flag('includeTaskVariables');
  const includeProcessVariables = flag('includeProcessVariables');
  const knownPrefix = (prefix: string) => ctx.dictionary.namespaces().some((n) => n.prefix === prefix);

  const involvementApplies =
    one('processId') === undefined && !caller.isAdmin && candidateUser === undefined && candidateGroup === undefined;
  let rows = candidateRows(ctx, wf, where, status, involvementApplies ? caller.userId : undefined, knownPrefix);
  rows = rows.filter((t) => (status === 'active' ? !t.ended_at : status === 'completed' ? !!t.ended_at : true));
  if (involvementApplies) rows = rows.filter((t) => wf.involves(caller.userId, t));

  const defs = new Map(wf.store.definitions().map((d) => [d.id, d]));
  for (const c of where) {
    switch (c.property) {
      case 'status':
      case 'includeTaskVariables':
      case 'includeProcessVariables':
        break;
      case 'candidateUser': {
        const person = ctx.authorities.person(c.value);
        const groups = person ? [...ctx.authorities.containingGroups(person.id)] : [];
        rows = rows.filter((t) => !t.assignee && offeredTo(wf, t, groups.length ? { groups } : { user: c.value }));
        break;
      }
      case 'candidateGroup':
        rows = rows.filter((t) => !t.assignee && offeredTo(wf, t, { groups: [c.value] }));
        break;
      case 'priority': {
        const wanted = integerValue(c);
        rows = rows.filter((t) => test(t.priority, { ...c, value: String(wanted) }, 'number'));
        break;
      }
      case 'processBusinessKey':
        rows = rows.filter((t) => test(wf.store.process(t.process_id)?.business_key, c));
        break;
      case 'processDefinitionKey':
      case 'processDefinitionName':
        rows = rows.filter((t) => {
          const d = defs.get(t.definition_id);
          return test(c.property === 'processDefinitionKey' ? d?.key : d?.name, c);
        });
        break;
      default:
        if (c.property.startsWith('variables/')) {
          const wanted = variableValue(c, knownPrefix);
          const rest = c.property.slice('variables/'.length);
          const local = rest.startsWith('local/');
          const name = rest.replace(/^(local|global)\//, '');
          rows = rows.filter((t) => testVariable(local ? localVariables(t).get(name) : wf.store.variable(t.process_id, name), c, wanted));
        } else {
          const kind = c.property.endsWith('At') ? 'date' : 'text';
          rows = rows.filter((t) => test((taskJson(t) as Record<string, unknown>)[c.property], c, kind));
        }
    }
  }
  return { rows, status, includeTaskVariables, includeProcessVariables };
}

/** Whether the task is offered (candidate link) to one of these groups, or to this user by name. */
function offeredTo(wf: WorkflowService, t: TaskRow, to: { groups?: string[]; user?: string }): boolean {
  return wf.store.candidates(t.id).some((k) => (k.kind === 'group' ? !!to.groups?.includes(k.authority) : k.authority === to.user));
}

/** Rows counted of a narrowing at most: enough to tell an item's one process from a post's pool. */
const NARROWING_COUNTED = 1_000;

/**
 * The rows the filters below can keep, read through indexes: open tasks only when only open ones are asked
 * for, and narrowed by whichever of processId, assignee, candidateGroup, candidateUser, the caller's
 * involvement and `variables/name = value` the query has (each an indexed look-up: the extension finds an
 * item's task by its eowf_itemId, a post's pool by candidateGroup, a user's own by assignee). Every narrowing
 * keeps a superset of what the filter for the same clause keeps, and those filters still run on the rows, so
 * the answer is the one a scan of every task gave; only its cost now follows the answer. Activiti answers
 * these from ACT_RU_TASK joined with its identity links and variables, which are indexed the same way.
 */
function candidateRows(
  ctx: RepositoryContext,
  wf: WorkflowService,
  where: Clause[],
  status: 'active' | 'completed' | 'any',
  involvedUser: string | undefined,
  knownPrefix: (prefix: string) => boolean
): TaskRow[] {
  // Narrowings by how few rows they leave: an item's process or a user's own tasks first; else the smaller
  // of a pool (candidate filters come with status active only: read from the open tasks' links,
  // wf_open_candidate) and a process variable's value (which finished processes keep), each counted on its
  // index up to NARROWING_COUNTED: a post's pool holds thousands of tasks where an item's eowf_itemId names
  // one process, but a variable such as eowf_holderGroup matches every process a post ever held; else
  // everything the user was ever involved in. Only one narrowing is put to SQL (without statistics SQLite
  // cannot tell which index leaves fewer rows); the filters check the rest on the rows it leaves.
  const exact: TaskNarrowing[] = [];
  const pools: TaskNarrowing[] = [];
  const byVariable: TaskNarrowing[] = [];
  for (const c of where) {
    if (c.op !== '=') continue;
    if (c.property === 'processId' || c.property === 'assignee') {
      exact.push(c.property === 'processId' ? { by: 'process', processId: c.value } : { by: 'assignee', userId: c.value });
    } else if (c.property === 'candidateGroup') {
      pools.push({ by: 'groupPool', group: c.value });
    } else if (c.property === 'candidateUser') {
      const person = ctx.authorities.person(c.value);
      const groups = person ? [...ctx.authorities.containingGroups(person.id)] : [];
      pools.push({ by: 'pool', authorities: groups.length ? groups : [c.value], kind: groups.length ? 'group' : 'user' });
    } else if (c.property.startsWith('variables/') && !c.property.startsWith('variables/local/')) {
      // A process variable equal to a text, number or boolean is stored as that value's JSON (setVariable).
      const wanted = variableValue(c, knownPrefix);
      if (wanted.kind !== 'text' && wanted.kind !== 'number' && wanted.kind !== 'boolean') continue;
      byVariable.push({
        by: 'processVariable',
        name: c.property.slice('variables/'.length).replace(/^global\//, ''),
        json: JSON.stringify(wanted.value)
      });
    }
  }
  // Activiti's taskInvolvedUser: assignee, owner, or a user identity link (candidate user or starter)
  const involved: TaskNarrowing[] = involvedUser === undefined ? [] : [{ by: 'involved', userId: involvedUser }];
  const fewest = [...pools, ...byVariable]
    .map((n) => ({ n, rows: wf.store.narrowingSize(n, NARROWING_COUNTED) }))
    .sort((a, b) => a.rows - b.rows)
    .slice(0, 1)
    .map((x) => x.n);
  const narrowing = exact.length ? exact : fewest.length ? fewest : involved;
  return wf.store.tasksNarrowed(status, narrowing);
}
