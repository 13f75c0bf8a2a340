import { SYSTEM_CALLER, type Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';
import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import { errors } from '../errors/api-error';
import { WorkflowEngine } from './engine';
import { fromRest, type StoredValue } from './variables';
import type { DefinitionRow, ProcessRow, TaskRow } from '../persistence/workflow-store';

/**
 * The rules of the workflow API above the engine: who may see and act on processes and tasks, task state
 * transitions (claim, unclaim, delegate, resolve, complete), workflow packages and their items, and the
 * variables a new process starts with.
 */

export interface RestVariable {
  name: string;
  value?: unknown;
  type?: string;
  scope?: string;
}

const PACKAGE_ASSOC = 'bpm:packageContains';

export class WorkflowService {
  readonly engine: WorkflowEngine;

  constructor(
    readonly ctx: RepositoryContext,
    readonly nodes: NodeService
  ) {
    this.engine = new WorkflowEngine(ctx, nodes);
  }

  get store() {
    return this.engine.store;
  }

  // ------------------------------------------------------------------ access

  private inCandidates(caller: Caller, task: TaskRow): boolean {
    return this.store
      .candidates(task.id)
      .some((c) => (c.kind === 'user' ? c.authority === caller.userId : caller.authorities.has(c.authority)));
  }

  /**
   * Activiti's taskInvolvedUser: the user is the task's assignee or owner, or an identity link of the task names
   * them (a candidate user, or the starter link of TaskCreateListener). Groups involve nobody.
   */
  involves(userId: string, t: TaskRow): boolean {
    if (t.assignee === userId || t.owner === userId || this.store.starterOf(t.id) === userId) return true;
    return this.store.candidates(t.id).some((k) => k.kind === 'user' && k.authority === userId);
  }

  /** Unclaimed, still open and offered to one of the caller's groups (taskCandidateGroupIn: assignee null). */
  private claimableByGroup(caller: Caller, t: TaskRow): boolean {
    return !t.ended_at && !t.assignee && this.store.candidates(t.id).some((k) => k.kind === 'group' && caller.authorities.has(k.authority));
  }

  /**
   * Whether GET /processes lists the process for the caller (ProcessesImpl.getProcesses: an administrator sees
   * all, anyone else those Activiti's involvedUser finds: the starter, and whoever a task of it involves).
   */
  listsProcess(caller: Caller, p: ProcessRow): boolean {
    if (caller.isAdmin || p.start_user_id === caller.userId) return true;
    return this.tasksOf(p.id).some((t) => this.involves(caller.userId, t));
  }

  /**
   * WorkflowRestImpl.validateIfUserAllowedToWorkWithProcess, which guards GET and DELETE /processes/{id} and its
   * variables and items: an administrator; a member of the group in `bpm_groupAssignee` while the process's one
   * open task is unclaimed (MNT-12382); or a user involved in one of its tasks, past or present, which takes in
   * the initiator through the starter link. (Its own initiator test compares a person node's id with a user
   * name, which never holds on ACS, so it lets no one in.)
   */
  canSeeProcess(caller: Caller, p: ProcessRow): boolean {
    if (caller.isAdmin) return true;
    const tasks = this.tasksOf(p.id);
    const group = this.store.variable(p.id, 'bpm_groupAssignee');
    const open = tasks.filter((t) => !t.ended_at);
    if (group?.type === 'cm:authorityContainer' && open.length === 1 && !open[0].assignee && caller.authorities.has(String(group.value)))
      return true;
    return tasks.some((t) => this.involves(caller.userId, t));
  }

  /**
   * TasksImpl.getValidHistoricTask (GET /tasks/{id} and what hangs off a task): an administrator, a user the
   * task involves, or, while it is open and unclaimed, a member of one of its candidate groups.
   */
  canSeeTask(caller: Caller, t: TaskRow): boolean {
    return caller.isAdmin || this.involves(caller.userId, t) || this.claimableByGroup(caller, t);
  }

  private tasksOf(processId: string): TaskRow[] {
    return this.store.tasksOfProcess(processId);
  }

  readableProcess(caller: Caller, id: string): ProcessRow {
    const p = this.store.process(id);
    if (!p) throw errors.notFound(id);
    if (!this.canSeeProcess(caller, p)) throw errors.permissionDenied(`user is not allowed to access information about process ${id}`);
    return p;
  }

  readableTask(caller: Caller, id: string): TaskRow {
    const t = this.store.task(id);
    if (!t || (t.ended_at && t.delete_reason)) throw errors.notFound(id);
    if (!this.canSeeTask(caller, t)) throw errors.permissionDenied();
    return t;
  }

  /**
   * TasksImpl.getValidTask (task variables written or deleted, items added or removed, candidates): the same
   * rules on the running task only, so a finished one is not found.
   */
  runningTask(caller: Caller, id: string): TaskRow {
    const t = this.store.task(id);
    if (!t || t.ended_at) throw errors.notFound(id);
    if (!this.canSeeTask(caller, t)) throw errors.permissionDenied();
    return t;
  }

  isCandidate(caller: Caller, t: TaskRow): boolean {
    return this.inCandidates(caller, t);
  }

  // ------------------------------------------------------------------ processes

  definitionFor(body: Record<string, unknown>): DefinitionRow {
    const id = body.processDefinitionId;
    const key = body.processDefinitionKey;
    if (typeof id === 'string') {
      const d = this.store.definition(id);
      if (!d) throw errors.invalidArgument(`Process definition ${id} does not exist`);
      return d;
    }
    if (typeof key !== 'string' || !key) throw errors.invalidArgument('Either processDefinitionId or processDefinitionKey is required');
    const d = this.store.latestDefinition(key);
    if (!d) throw errors.invalidArgument(`No workflow definition could be found with key '${key}'`);
    return d;
  }

  /** POST /processes: variables (start form defaults first), package with items, initiator, then run. */
  start(caller: Caller, body: Record<string, unknown>): ProcessRow {
    const def = this.definitionFor(body);
    const host = this.engine.host(caller);
    const vars = new Map<string, StoredValue>();
    const startType = def.start_form_key ? this.ctx.dictionary.getType(def.start_form_key) : undefined;
    if (startType) {
      const dictionary = this.ctx.dictionary;
      for (const p of dictionary.propertiesOf(startType.name, dictionary.mandatoryAspects(startType.name))) {
        const v = dictionary.defaultValue(p);
        if (v !== undefined && v !== null && v !== '') vars.set(p.name.replace(':', '_'), { type: p.dataType, value: v });
      }
    }
    const given = body.variables ?? {};
    if (typeof given !== 'object' || given === null || Array.isArray(given))
      throw errors.invalidArgument('variables must be an object of name: value');
    for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
      if (!/^[A-Za-z_][\w]*$/.test(name)) throw errors.invalidArgument(`Invalid variable name: ${name}`);
      vars.set(name, fromRest(host, name, value));
    }
    const items = body.items ?? [];
    if (!Array.isArray(items) || items.some((i) => typeof i !== 'string')) throw errors.invalidArgument('items must be a list of node ids');
    const itemRows = (items as string[]).map((id) => this.itemNode(caller, id));
    const person = this.ctx.authorities.person(caller.userId);
    vars.set('initiator', { type: 'cm:person', value: caller.userId });
    if (person?.home_folder_id) vars.set('initiatorhome', { type: 'd:noderef', value: person.home_folder_id });
    vars.set('companyhome', { type: 'd:noderef', value: this.ctx.wellKnown.companyHome });
    const pkg = this.createPackage(def);
    vars.set('bpm_package', { type: 'bpm:workflowPackage', value: pkg.id });
    for (const item of itemRows) this.addToPackage(pkg.id, item.id);
    const businessKey = typeof body.businessKey === 'string' ? body.businessKey : undefined;
    // The package must be known before the first task listener runs: insert the link as the process starts.
    const run = this.engine.startProcess(caller, def, vars, businessKey, (processId) => {
      this.store.linkPackage(processId, pkg.id);
      this.ctx.store.setProperties(pkg.id, { 'bpm:workflowInstanceId': `activiti$${processId}` });
    });
    return this.store.process(run.process.id)!;
  }

  /**
   * Workflow packages live in a system folder below the store root, out of users' sight, as in ACS. Without a
   * definition it is the empty package of the `workflow.createPackage()` script call.
   */
  createPackage(def?: DefinitionRow): NodeRow {
    const root = this.ctx.store.require(this.ctx.wellKnown.root);
    let container = this.store.packagesFolder(root.id);
    if (!container)
      container = this.nodes.create(SYSTEM_CALLER, root, {
        name: 'Workflow Packages',
        nodeType: 'cm:systemfolder',
        system: { assocQName: 'sys:workflow' }
      });
    return this.nodes.create(SYSTEM_CALLER, container, {
      name: `pkg_${this.store.nextId()}`,
      nodeType: 'bpm:package',
      aspectNames: ['bpm:workflowPackage'],
      properties: def
        ? {
            'bpm:isSystemPackage': true,
            'bpm:workflowDefinitionId': `activiti$${def.id}`,
            'bpm:workflowDefinitionName': `activiti$${def.key}`
          }
        : { 'bpm:isSystemPackage': true },
      system: {}
    });
  }

  itemNode(caller: Caller, id: unknown): NodeRow {
    if (typeof id !== 'string' || !id) throw errors.invalidArgument('An item needs the id of a node');
    const node = this.ctx.store.get(id.replace(/^workspace:\/\/SpacesStore\//, ''));
    if (!node) throw errors.notFound(String(id));
    this.ctx.permissions.require(caller, node, 'Read');
    return node;
  }

  addToPackage(packageId: string, nodeId: string): void {
    this.store.addPackageItem(packageId, nodeId, PACKAGE_ASSOC);
  }

  removeFromPackage(packageId: string, nodeId: string): boolean {
    return this.store.removePackageItem(packageId, nodeId, PACKAGE_ASSOC);
  }

  items(processId: string): NodeRow[] {
    const pkg = this.store.packageOf(processId);
    if (!pkg) return [];
    return this.store.packageItems(pkg, PACKAGE_ASSOC);
  }

  /**
   * ProcessesImpl.deleteProcess: whoever may work with the process (validateIfUserAllowedToWorkWithProcess, so
   * any user involved in one of its tasks) ends it while it runs.
   */
  deleteProcess(caller: Caller, id: string): void {
    const p = this.readableProcess(caller, id);
    if (p.ended_at) throw errors.notFound(id);
    // The open tasks' `delete` listeners run as the caller, as under ACS's authenticated REST call.
    this.engine.cancelProcess(id, 'deleted through REST API', caller);
  }

  // ------------------------------------------------------------------ variables

  /** Sets variables given through the REST API on a process or a task (scope local or global). */
  setRestVariables(
    caller: Caller,
    processId: string,
    list: RestVariable[],
    taskId?: string,
    defaultScope = 'local'
  ): { name: string; scope: string; stored: StoredValue }[] {
    const host = this.engine.host(caller);
    return list.map((v) => {
      if (!v || typeof v !== 'object' || typeof v.name !== 'string' || !v.name) throw errors.invalidArgument('Variable name is required.');
      const scope = taskId ? (v.scope ?? defaultScope) : 'global';
      if (scope !== 'local' && scope !== 'global')
        throw errors.invalidArgument("Variable scope is required and can only be 'local' or 'global'.");
      const stored = fromRest(host, v.name, v.value, v.type);
      this.store.setVariable(scope === 'local' && taskId ? taskId : processId, processId, v.name, stored);
      return { name: v.name, scope, stored };
    });
  }

  // ------------------------------------------------------------------ tasks

  /** PUT /tasks/{id}?select=…: field updates, then at most one state transition. */
  updateTask(caller: Caller, taskId: string, select: string[], body: Record<string, unknown>): TaskRow {
    const task = this.store.task(taskId);
    if (!task || (task.ended_at && task.delete_reason)) throw errors.notFound(taskId);
    if (task.ended_at) throw errors.methodNotAllowed(`Task with id: ${taskId} cannot be updated, it's completed`);
    if (!this.mayUpdate(caller, task, body.state)) throw errors.permissionDenied();
    if (!select.length) throw errors.invalidArgument('The select parameter is required: the properties to update');
    const isStarter = this.store.starterOf(task.id) === caller.userId;
    const mayManage = caller.isAdmin || task.assignee === caller.userId || task.owner === caller.userId || isStarter;
    const fields: Partial<TaskRow> = {};
    for (const s of select) {
      if (s === 'state' || s === 'variables') continue;
      if (!['name', 'description', 'dueAt', 'priority', 'owner', 'assignee'].includes(s))
        throw errors.invalidArgument(`The property '${s}' cannot be updated`);
      if (!mayManage && !(s === 'assignee' && body.state === 'delegated')) throw errors.permissionDenied();
      const value = body[s];
      if (s === 'priority') {
        if (!Number.isInteger(value)) throw errors.invalidArgument('priority must be an integer');
        fields.priority = value as number;
      } else if (s === 'dueAt') {
        const t = value === null ? NaN : Date.parse(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
        fields.due_at =
          value === null || value === undefined ? null : Number.isNaN(t) ? invalidDate() : new Date(t).toISOString().replace('Z', '+0000');
      } else if (s === 'assignee' || s === 'owner') {
        if (value !== null && value !== undefined && !this.ctx.authorities.person(String(value)))
          throw errors.invalidArgument(`Unknown user: ${String(value)}`);
        if (body.state !== 'delegated') fields[s] = value === null || value === undefined ? null : String(value);
      } else fields[s as 'name' | 'description'] = value === null || value === undefined ? null : String(value);
    }
    this.store.updateTask(taskId, fields);
    // TasksImpl.update saves the task; Activiti's TaskEntity.update → setAssignee fires `assignment` on any
    // change of assignee, so a starter naming someone else runs the task's assignment listeners too.
    if ('assignee' in fields && fields.assignee !== task.assignee)
      this.engine.taskAssigned(this.engine.runFor(caller, task.process_id), this.store.task(taskId)!);
    if (select.includes('variables') && body.state !== 'completed') {
      if (!mayManage) throw errors.permissionDenied();
      this.setRestVariables(caller, task.process_id, asVariableList(body.variables), taskId);
    }
    if (select.includes('state')) this.transition(caller, this.store.task(taskId)!, body, select, isStarter);
    return this.store.task(taskId)!;
  }

  /**
   * TasksImpl.update's gate: an administrator, the owner, the assignee, the user of the task's starter link, a
   * member of a candidate group while the task is unclaimed (MNT-13276), and, to claim, a candidate user or a
   * member of a candidate group (whose claim of a claimed task then meets the conflict).
   */
  private mayUpdate(caller: Caller, t: TaskRow, state: unknown): boolean {
    const me = caller.userId;
    if (caller.isAdmin || t.owner === me || t.assignee === me || this.store.starterOf(t.id) === me) return true;
    const links = this.store.candidates(t.id);
    const inGroup = links.some((k) => k.kind === 'group' && caller.authorities.has(k.authority));
    if (!t.assignee && inGroup) return true;
    return state === 'claimed' && (inGroup || links.some((k) => k.kind === 'user' && k.authority === me));
  }

  private transition(caller: Caller, task: TaskRow, body: Record<string, unknown>, select: string[], isStarter: boolean): void {
    const state = body.state;
    const me = caller.userId;
    const isAssignee = task.assignee === me;
    const isOwner = task.owner === me;
    switch (state) {
      case 'claimed':
        if (task.assignee && !isAssignee) throw errors.conflict(`The task is already claimed by another user.`);
        if (!(caller.isAdmin || isAssignee || isOwner || isStarter || this.isCandidate(caller, task))) throw errors.permissionDenied();
        this.store.updateTask(task.id, { assignee: me });
        if (!isAssignee) this.engine.taskAssigned(this.engine.runFor(caller, task.process_id), this.store.task(task.id)!);
        return;
      case 'unclaimed':
        if (!(caller.isAdmin || isAssignee || isOwner || isStarter)) throw errors.permissionDenied();
        this.store.updateTask(task.id, { assignee: null });
        // Activiti fires `assignment` on a release too (TaskEntity.setAssignee(null)).
        if (task.assignee) this.engine.taskAssigned(this.engine.runFor(caller, task.process_id), this.store.task(task.id)!);
        return;
      case 'delegated': {
        if (!select.includes('assignee') || typeof body.assignee !== 'string')
          throw errors.invalidArgument('When delegating a task, assignee should be selected and provided in the request.');
        if (!(caller.isAdmin || isAssignee)) throw errors.permissionDenied();
        if (!this.ctx.authorities.person(body.assignee)) throw errors.invalidArgument(`Unknown user: ${body.assignee}`);
        const owner = task.owner ?? task.assignee ?? me;
        if (owner === body.assignee) throw errors.invalidArgument('A task cannot be delegated to its owner');
        this.store.updateTask(task.id, { owner, assignee: body.assignee, delegation: 'PENDING' });
        this.engine.taskAssigned(this.engine.runFor(caller, task.process_id), this.store.task(task.id)!);
        return;
      }
      case 'resolved':
        if (task.delegation !== 'PENDING') throw errors.invalidArgument('Only a delegated task can be resolved');
        if (!(caller.isAdmin || isAssignee || isOwner || isStarter)) throw errors.permissionDenied();
        this.store.updateTask(task.id, { assignee: task.owner, delegation: 'RESOLVED' });
        if (task.owner !== task.assignee) this.engine.taskAssigned(this.engine.runFor(caller, task.process_id), this.store.task(task.id)!);
        return;
      case 'completed': {
        if (task.delegation === 'PENDING') throw errors.invalidArgument('A delegated task must be resolved before it can be completed');
        // The assignee completes; for an unclaimed pooled task a candidate must claim first.
        if (!(caller.isAdmin || isAssignee || isOwner || isStarter))
          throw errors.permissionDenied('Only the assignee, the owner or the process starter can complete this task');
        if (select.includes('variables')) this.setRestVariables(caller, task.process_id, asVariableList(body.variables), task.id);
        const run = this.engine.runFor(caller, task.process_id);
        this.engine.completeTask(run, this.store.task(task.id)!);
        return;
      }
      default:
        throw errors.invalidArgument(`Invalid state: ${String(state)} (claimed, unclaimed, delegated, resolved or completed)`);
    }
  }
}

function invalidDate(): never {
  throw errors.invalidArgument('dueAt is not a valid date');
}

export function asVariableList(v: unknown): RestVariable[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw errors.invalidArgument('variables must be a list of {name, value, type, scope}');
  return v as RestVariable[];
}
