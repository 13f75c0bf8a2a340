import vm from 'node:vm';
import { SYSTEM_CALLER, type Caller } from '../auth/caller';
import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import { ApiError, errors } from '../errors/api-error';
import { alfDate } from '../util/alf-date';
import { BpmnError, parseBpmn, type FlowNode, type Listener, type ProcessModel } from './bpmn-parser';
import { ExpressionError, checkExpression, evaluateCondition, evaluateExpression } from './expression';
import { GroupNode, PersonNode, authorityOf, type ScriptHost } from './script-node';
import { ScriptFailure, runScript } from './script-runtime';
import { scriptModel } from './script-model';
import { fromScript, toScript, type StoredValue } from './variables';
import {
  WorkflowStore,
  type DefinitionRow,
  type DeploymentRow,
  type ExecutionRow,
  type ProcessRow,
  type TaskRow,
  type TimerRow
} from '../persistence/workflow-store';
import { createExecutionApi, createTaskApi } from './script-api';
import { deploymentCategory, runsTrusted } from './deployment-trust';
import { TimerJobExecutor, timerDueDate } from './timers';

/**
 * A small BPMN interpreter for the Activiti subset Alfresco's definitions use. It advances synchronously
 * from one wait state (a user task) to the next inside the caller's transaction, so a REST call either
 * moves the process completely or, if a script or expression fails, leaves no trace. The one move nobody
 * requests, a due boundary timer, is made by the timer job executor (timers.ts) in a transaction of its own.
 *
 * Tokens are wf_execution rows: the root execution has the process id and holds the process variables;
 * parallel forks add sibling tokens, multi-instance tasks add children under an 'mi-root' token.
 */

const MAX_STEPS = 10_000;

export interface Run {
  caller: Caller;
  process: ProcessRow;
  model: ProcessModel;
  steps: number;
}

export interface DeployedProcesses {
  models: Map<string, ProcessModel>;
  /** ActivitiScriptBase.isSecure of the deployment's category (deployment-trust.ts). */
  trusted: boolean;
}

export class WorkflowEngine {
  readonly store: WorkflowStore;
  readonly timers: TimerJobExecutor;
  /**
   * What each deployment's processes run with, parsed once: its models by key and whether its scripts run
   * trusted. A deployment's XML never changes (a redeploy is a new deployment), so the entry lives until the
   * deployment is made, removed or re-categorised (forgetDeployment), not re-read on every task operation.
   */
  private readonly deployed = new Map<string, DeployedProcesses>();

  constructor(
    readonly ctx: RepositoryContext,
    readonly nodes: NodeService
  ) {
    this.store = new WorkflowStore(ctx.db);
    this.timers = new TimerJobExecutor(ctx.db, this.store, (t) => this.fireTimer(t));
    this.timers.start();
  }

  host(caller: Caller): ScriptHost {
    return { ctx: this.ctx, nodes: this.nodes, caller };
  }

  // ------------------------------------------------------------------ deployment

  /**
   * Deploys every process of a BPMN file as the next version of its key. `fullAccess` is WorkflowDeployer's
   * bootstrap deployment: its scripts run trusted (deployment-trust.ts), an upload's run sandboxed.
   */
  deploy(
    xml: string,
    opts: { name: string; sourceNodeId?: string; sourceContentUrl?: string; fullAccess?: boolean }
  ): { deployment: DeploymentRow; definitions: DefinitionRow[] } {
    let models: ProcessModel[];
    try {
      models = parseBpmn(xml);
      models.forEach(checkModel);
    } catch (e) {
      if (e instanceof BpmnError || e instanceof ExpressionError || e instanceof SyntaxError)
        throw errors.conflict(`Workflow definition could not be deployed: ${e.message}`);
      throw e;
    }
    const id = this.store.nextId();
    this.forgetDeployment(id);
    const now = alfDate();
    const category = deploymentCategory(
      models.map((m) => m.category),
      !!opts.fullAccess
    );
    this.store.insertDeployment({
      id,
      name: opts.name,
      category,
      deployed_at: now,
      source_node_id: opts.sourceNodeId ?? null,
      source_content_url: opts.sourceContentUrl ?? null,
      xml
    });
    const definitions = models.map((m) => {
      const version = this.store.nextDefinitionVersion(m.key);
      const defId = `${m.key}:${version}:${this.store.nextId()}`;
      this.store.insertDefinition({
        id: defId,
        key: m.key,
        version,
        name: m.name ?? null,
        description: m.documentation ?? null,
        category: m.category ?? null,
        deployment_id: id,
        start_form_key: m.startFormKey ?? null,
        graphic: m.hasDiagram ? 1 : 0
      });
      return this.store.definition(defId)!;
    });
    return { deployment: this.store.deployment(id)!, definitions };
  }

  /** Removes a deployment with its definitions and every process of them, running or finished (Activiti's cascade). */
  deleteDeployment(id: string): void {
    this.store.deleteDeployment(id);
    this.forgetDeployment(id);
  }

  model(definitionId: string): ProcessModel {
    const def = this.store.definition(definitionId);
    if (!def) throw errors.notFound(definitionId);
    return this.deployedProcesses(def.deployment_id).models.get(def.key)!;
  }

  /** The parsed processes and trust of a deployment (cached: see `deployed`). */
  deployedProcesses(deploymentId: string): DeployedProcesses {
    let entry = this.deployed.get(deploymentId);
    if (!entry) {
      const row = this.store.deployment(deploymentId);
      if (!row) throw errors.notFound(deploymentId);
      const models = new Map<string, ProcessModel>();
      for (const m of parseBpmn(row.xml)) if (!models.has(m.key)) models.set(m.key, m); // the first of a key, as before
      entry = { models, trusted: runsTrusted(row.category) };
      this.deployed.set(deploymentId, entry);
    }
    return entry;
  }

  /**
   * Drops what is cached of a deployment: called wherever a wf_deployment row is inserted, deleted or given
   * another category. Ids come from wf_counter, so a rolled-back deployment's id can come again; the new
   * deployment's insert forgets it first.
   */
  forgetDeployment(deploymentId: string): void {
    this.deployed.delete(deploymentId);
  }

  // ------------------------------------------------------------------ variables

  /** Execution ids from `executionId` up to the root (the process). */
  chain(executionId: string): string[] {
    const out: string[] = [];
    let e = this.store.execution(executionId);
    while (e) {
      out.push(e.id);
      e = e.parent_id ? this.store.execution(e.parent_id) : undefined;
    }
    return out;
  }

  getVariable(executionId: string, name: string, taskId?: string): StoredValue | undefined {
    for (const scope of taskId ? [taskId, ...this.chain(executionId)] : this.chain(executionId)) {
      const v = this.store.variable(scope, name);
      if (v) return v;
    }
    return undefined;
  }

  /** Activiti's setVariable: where the variable already exists up the chain, else on the process. */
  setVariable(run: Run, executionId: string, name: string, v: StoredValue): void {
    const chain = this.chain(executionId);
    const scope = chain.find((s) => this.store.variable(s, name)) ?? run.process.id;
    this.store.setVariable(scope, run.process.id, name, v);
  }

  /** Every variable visible from an execution (and task), nearest scope winning. */
  visibleVariables(executionId: string, taskId?: string): Map<string, StoredValue> {
    const out = new Map<string, StoredValue>();
    const scopes = taskId ? [taskId, ...this.chain(executionId)] : this.chain(executionId);
    for (const scope of scopes.reverse()) for (const [k, v] of this.store.variables(scope)) out.set(k, v);
    return out;
  }

  // ------------------------------------------------------------------ expressions and scripts

  resolver(run: Run, exec: ExecutionRow, task?: TaskRow, eventName?: string) {
    const host = this.host(run.caller);
    return (name: string): unknown => {
      if (name === 'execution') return createExecutionApi(this, run, exec.id, eventName);
      if (name === 'task' && task) return createTaskApi(this, run, task.id, eventName);
      const v = this.getVariable(exec.id, name, task?.id);
      return v === undefined ? undefined : toScript(host, v);
    };
  }

  evaluate(run: Run, exec: ExecutionRow, text: string, task?: TaskRow): unknown {
    try {
      return evaluateExpression(text, this.resolver(run, exec, task));
    } catch (e) {
      throw failure(`Expression ${text} in ${run.model.key}`, e);
    }
  }

  condition(run: Run, exec: ExecutionRow, text: string): boolean {
    try {
      return evaluateCondition(text, this.resolver(run, exec));
    } catch (e) {
      throw failure(`Condition ${text} in ${run.model.key}`, e);
    }
  }

  private runAs(run: Run, runAs: string | undefined): Caller {
    if (!runAs) return run.caller;
    const person = this.ctx.authorities.person(runAs);
    if (!person) throw failure(`runAs in ${run.model.key}`, new Error(`unknown user ${runAs}`));
    const caller = this.ctx.authorities.callerFor(person);
    // ACS AuthenticationUtil.runAs keeps the fully authenticated user (only one without any becomes runAs):
    // what the script writes names the officer as cm:creator / cm:modifier, not the run-as user.
    if (run.caller !== SYSTEM_CALLER) caller.fullUser = run.caller.fullUser ?? run.caller.userId;
    return caller;
  }

  /** Runs repository JavaScript with the process variables, `execution` and, for task listeners, `task`. */
  script(
    run: Run,
    exec: ExecutionRow,
    source: string,
    where: string,
    opts: { task?: TaskRow; eventName?: string; runAs?: string } = {}
  ): void {
    const caller = this.runAs(run, opts.runAs);
    const scriptRun: Run = { ...run, caller };
    // The root scope as Alfresco builds it, values wrapped as Rhino wraps them (script-model.ts).
    const globals = scriptModel(this, scriptRun, exec, opts);
    try {
      runScript(source, globals, where);
    } catch (e) {
      throw failure(`Workflow script failed in ${where}`, e instanceof ScriptFailure ? e.cause : e);
    }
  }

  /**
   * Runs the listeners declared for `event`. A sequence flow's listeners all run when the flow is taken,
   * whatever their `event` attribute says: Activiti 5 attaches every listener of a flow to the transition
   * (AbstractBpmnParseHandler.createExecutionListenersOnTransition), so `event="start"` on a flow, as in
   * Alfresco's parallel-review-group.bpmn20.xml, means "on take".
   */
  fireListeners(run: Run, exec: ExecutionRow, listeners: Listener[], event: string, where: string, task?: TaskRow, anyEvent = false): void {
    for (const l of listeners) {
      if (!anyEvent && l.event !== event) continue;
      if (l.script)
        this.script(run, exec, l.script, `${run.model.key} ${where} (${event} listener)`, { task, eventName: event, runAs: l.runAs });
      else if (l.expression) this.evaluate(run, exec, l.expression, task);
    }
  }

  // ------------------------------------------------------------------ token movement

  step(run: Run): void {
    if (++run.steps > MAX_STEPS)
      throw errors.internal(`Process ${run.process.id} did not reach a wait state after ${MAX_STEPS} steps (a loop without a user task?)`);
  }

  enter(run: Run, exec: ExecutionRow, node: FlowNode): void {
    this.step(run);
    this.store.updateExecution(exec.id, { activity_id: node.id, state: 'active' });
    exec = this.store.execution(exec.id)!;
    // Boundary timers belong to the task's scope: the token, or the multi-instance root, not each instance.
    if (node.boundaryEvents.length && !this.isMiChild(exec, node)) this.scheduleTimers(run, exec, node);
    if (node.multiInstance && exec.state !== 'mi-root' && !this.isMiChild(exec, node)) return this.startMultiInstance(run, exec, node);
    this.store.activityStart({
      process_id: run.process.id,
      execution_id: exec.id,
      activity_id: node.id,
      activity_name: node.name,
      activity_type: node.kind,
      started_at: alfDate()
    });
    this.fireListeners(run, exec, node.executionListeners, 'start', node.id);
    switch (node.kind) {
      case 'startEvent':
      case 'manualTask':
        return this.leave(run, exec, node);
      case 'scriptTask':
      case 'serviceTask':
        this.script(run, exec, node.script!.text, `${run.model.key} ${node.kind} ${node.id}`, { runAs: node.script!.runAs });
        return this.leave(run, exec, node);
      case 'userTask':
        this.store.updateExecution(exec.id, { state: 'waiting' });
        this.createTask(run, exec, node);
        return;
      case 'exclusiveGateway':
        return this.leave(run, exec, node, [this.chooseFlow(run, exec, node)]);
      case 'parallelGateway':
        return this.parallel(run, exec, node);
      case 'endEvent':
        return this.end(run, exec, node);
      case 'boundaryEvent':
        throw errors.internal(`boundaryEvent ${node.id} is entered only by its timer`);
    }
  }

  private isMiChild(exec: ExecutionRow, node: FlowNode): boolean {
    const parent = exec.parent_id ? this.store.execution(exec.parent_id) : undefined;
    return parent?.state === 'mi-root' && parent.activity_id === node.id;
  }

  private chooseFlow(run: Run, exec: ExecutionRow, node: FlowNode): string {
    for (const id of node.outgoing) {
      if (id === node.defaultFlow) continue;
      const flow = run.model.flows.get(id)!;
      if (!flow.condition || this.condition(run, exec, flow.condition)) return id;
    }
    if (node.defaultFlow) return node.defaultFlow;
    throw errors.internal(`No outgoing sequence flow of exclusive gateway ${node.id} could be selected`);
  }

  /** Joins (all incoming tokens must arrive) then forks along every outgoing flow. */
  private parallel(run: Run, exec: ExecutionRow, node: FlowNode): void {
    if (node.incoming.length > 1) {
      this.store.updateExecution(exec.id, { state: 'joined' });
      const arrived = this.store.executions(run.process.id).filter((e) => e.state === 'joined' && e.activity_id === node.id);
      if (arrived.length < node.incoming.length) return;
      const keep = arrived.find((e) => e.id === run.process.id) ?? arrived[0];
      for (const e of arrived) if (e.id !== keep.id) this.store.deleteExecution(e.id);
      this.store.updateExecution(keep.id, { state: 'active' });
      exec = this.store.execution(keep.id)!;
    }
    this.leave(run, exec, node);
  }

  leave(run: Run, exec: ExecutionRow, node: FlowNode, flows = node.outgoing): void {
    this.fireListeners(run, exec, node.executionListeners, 'end', node.id);
    this.store.activityEnd(exec.id, node.id, alfDate());
    if (!flows.length) throw errors.internal(`${node.id} has no outgoing sequence flow`);
    this.followOutgoing(run, exec, node, flows);
  }

  private end(run: Run, exec: ExecutionRow, node: FlowNode): void {
    this.fireListeners(run, exec, node.executionListeners, 'end', node.id);
    this.store.activityEnd(exec.id, node.id, alfDate());
    if (node.terminate) {
      this.store.deleteTimers({ processId: run.process.id });
      for (const t of this.store.activeTasksOfProcess(run.process.id)) this.deleteTask(run, t, 'terminated');
      for (const e of this.store.executions(run.process.id)) if (e.id !== run.process.id) this.store.deleteExecution(e.id);
    } else if (exec.id !== run.process.id) this.store.deleteExecution(exec.id);
    if (exec.id === run.process.id || node.terminate) this.store.updateExecution(run.process.id, { state: 'ended', activity_id: node.id });
    const live = this.store.executions(run.process.id).filter((e) => e.state !== 'ended');
    if (!live.length) this.finishProcess(run, node.id);
  }

  private finishProcess(run: Run, endActivityId: string): void {
    this.store.deleteTimers({ processId: run.process.id });
    this.fireListeners(run, this.store.execution(run.process.id)!, run.model.executionListeners, 'end', 'process');
    this.store.endProcess(run.process.id, alfDate(), endActivityId);
  }

  // ------------------------------------------------------------------ user tasks

  private startMultiInstance(run: Run, exec: ExecutionRow, node: FlowNode): void {
    const mi = node.multiInstance!;
    const items = mi.cardinality ? this.loopCardinality(run, exec, mi.cardinality) : this.loopCollection(run, exec, mi.collection!);
    this.store.updateExecution(exec.id, { state: 'mi-root' });
    const local = (name: string, value: number) => this.store.setVariable(exec.id, run.process.id, name, { type: 'd:int', value });
    local('nrOfInstances', items.length);
    local('nrOfCompletedInstances', 0);
    local('nrOfActiveInstances', mi.sequential ? Math.min(1, items.length) : items.length);
    this.store.setVariable(exec.id, run.process.id, '_miItems', fromScript(items));
    if (!items.length) {
      this.store.updateExecution(exec.id, { state: 'active' });
      return this.leave(run, this.store.execution(exec.id)!, node);
    }
    const count = mi.sequential ? 1 : items.length;
    for (let i = 0; i < count; i++) this.startInstance(run, exec, node, items, i);
  }

  /**
   * The items of a collection loop, refused as Activiti 5.23's MultiInstanceActivityBehavior.resolveNrOfInstances
   * refuses them: a variable that is missing (or null) or not a collection, or an expression that does not give a
   * collection, fails the call that reached the task instead of making no instance.
   */
  private loopCollection(run: Run, exec: ExecutionRow, collection: string): unknown[] {
    // As Activiti's parse handler: text with '{' is an expression, anything else a variable name.
    if (collection.includes('{')) {
      const items = collectionItems(this.evaluate(run, exec, collection));
      if (!items) throw failure(`Multi-instance in ${run.model.key}`, new Error(`${collection}' didn't resolve to a Collection`));
      return items;
    }
    const stored = this.getVariable(exec.id, collection);
    if (!stored || stored.value === null || stored.value === undefined)
      throw failure(`Multi-instance in ${run.model.key}`, new Error(`Variable ${collection} is not found`));
    const items = Array.isArray(stored.value) ? collectionItems(toScript(this.host(run.caller), stored)) : undefined;
    if (!items) throw failure(`Multi-instance in ${run.model.key}`, new Error(`Variable ${collection}' is not a Collection`));
    return items;
  }

  /**
   * loopCardinality as Activiti resolves it: a number (its whole part), or a string holding a whole number;
   * anything else, or a negative count, fails with Activiti's message.
   */
  private loopCardinality(run: Run, exec: ExecutionRow, cardinality: string): unknown[] {
    const raw = this.evaluate(run, exec, cardinality);
    const where = `Multi-instance in ${run.model.key}`;
    let n: number;
    if (typeof raw === 'number') n = Math.trunc(raw);
    else if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw)) n = Number(raw);
    else if (typeof raw === 'string') throw failure(where, new Error(`For input string: "${raw}"`));
    else throw failure(where, new Error(`Could not resolve loopCardinality expression '${cardinality}': not a number nor number String`));
    if (n < 0) throw failure(where, new Error(`Invalid number of instances: must be non-negative integer value, but was ${n}`));
    return Array.from({ length: n }, (_, i) => i);
  }

  private startInstance(run: Run, root: ExecutionRow, node: FlowNode, items: unknown[], index: number): void {
    const child = this.store.insertExecution({
      id: this.store.nextId(),
      process_id: run.process.id,
      parent_id: root.id,
      activity_id: node.id,
      state: 'active'
    });
    const mi = node.multiInstance!;
    if (mi.elementVariable) this.store.setVariable(child.id, run.process.id, mi.elementVariable, fromScript(items[index]));
    this.store.setVariable(child.id, run.process.id, 'loopCounter', { type: 'd:int', value: index });
    this.enter(run, child, node);
  }

  private createTask(run: Run, exec: ExecutionRow, node: FlowNode): void {
    const id = this.store.nextId();
    const evalText = (t: string | undefined) => (t === undefined ? undefined : this.evaluate(run, exec, t));
    const name = evalText(node.name);
    const wfDescription = this.getVariable(exec.id, 'bpm_workflowDescription')?.value;
    // Alfresco's task create listener: the documentation, else the workflow description.
    const description = node.documentation ?? (typeof wfDescription === 'string' && wfDescription ? wfDescription : undefined);
    const priority = node.priority ? Number(evalText(node.priority)) : 2;
    const due = evalText(node.dueDate);
    const assignee = authorityName(evalText(node.assignee));
    this.store.insertTask({
      id,
      process_id: run.process.id,
      execution_id: exec.id,
      definition_id: run.process.definition_id,
      activity_id: node.id,
      name: name === undefined ? null : String(name),
      description: description ?? null,
      assignee: assignee ?? null,
      owner: null,
      priority: Number.isFinite(priority) ? priority : 2,
      due_at: due ? alfDate(due as string) : null,
      form_key: node.formKey ?? null,
      started_at: alfDate()
    });
    for (const expr of node.candidateUsers) for (const u of flatten(evalText(expr))) this.store.addCandidate(id, 'user', u);
    for (const expr of node.candidateGroups)
      for (const g of flatten(evalText(expr))) this.store.addCandidate(id, 'group', g.startsWith('GROUP_') ? g : `GROUP_${g}`);
    // Alfresco's TaskCreateListener (the first create listener of every user task) links the initiator to the
    // task as its starter, so the REST API counts them involved in it (TasksImpl, ProcessesImpl).
    const initiator = this.getVariable(exec.id, 'initiator');
    if (initiator?.type === 'cm:person' && initiator.value) this.store.addStarterLink(id, String(initiator.value));
    this.seedTaskDefaults(run, id, node.formKey);
    this.store.setActivityTask(exec.id, node.id, id, assignee ?? null);
    // Activiti 5.23 (UserTaskActivityBehavior.execute): handleAssignments sets the assignee, which fires
    // `assignment` at once (TaskEntity.setAssignee), and only then is `create` fired.
    if (assignee) this.fireTaskListeners(run, exec, node, 'assignment', this.store.task(id)!);
    this.fireTaskListeners(run, exec, node, 'create', this.store.task(id)!);
    // A create listener that assigns the task (task.assignee = …) fires `assignment` too.
    const after = this.store.task(id)!;
    if (after.assignee && after.assignee !== (assignee ?? null)) this.fireTaskListeners(run, exec, node, 'assignment', after);
  }

  /**
   * A task's listeners for one of Activiti's four task events, in document order; a listener declared for
   * `all` runs on each of them (TaskDefinition.addTaskListener registers it under every event).
   */
  private fireTaskListeners(
    run: Run,
    exec: ExecutionRow,
    node: FlowNode,
    event: 'create' | 'assignment' | 'complete' | 'delete',
    task: TaskRow
  ) {
    const listeners = node.taskListeners.filter((l) => l.event === event || l.event === 'all').map((l) => ({ ...l, event }));
    this.fireListeners(run, exec, listeners, event, `userTask ${node.id}`, task);
  }

  /**
   * Ends an open task without completing it (an interrupting timer, a satisfied completion condition, a
   * terminate end event, a deleted process): its `delete` listeners run first, as in Activiti's
   * TaskEntityManager.deleteTask, then it goes to history with the reason.
   */
  private deleteTask(run: Run, task: TaskRow, reason: string): void {
    const exec = this.store.execution(task.execution_id);
    const node = run.model.nodes.get(task.activity_id);
    if (exec && node) this.fireTaskListeners(run, exec, node, 'delete', task);
    this.store.updateTask(task.id, { ended_at: alfDate(), delete_reason: reason });
  }

  /** Task-local variables for the task type's defaults (bpm_status, wf_reviewOutcome …), as Alfresco sets them. */
  private seedTaskDefaults(run: Run, taskId: string, formKey: string | undefined): void {
    const type = formKey && this.ctx.dictionary.getType(formKey);
    if (!type) return;
    const dictionary = this.ctx.dictionary;
    const props = dictionary.propertiesOf(type.name, dictionary.mandatoryAspects(type.name));
    for (const p of props) {
      if (!p.name.startsWith('bpm:') && !p.name.startsWith(type.name.split(':')[0] + ':')) continue;
      if (['bpm:priority', 'bpm:description', 'bpm:dueDate'].includes(p.name)) continue; // task fields
      const v = dictionary.defaultValue(p);
      if (v === undefined || v === null || v === '') continue;
      this.store.setVariable(taskId, run.process.id, p.name.replace(':', '_'), { type: p.dataType, value: v });
    }
  }

  /** A task got a new assignee (a claim): its `assignment` listeners run, as Activiti fires them on setAssignee. */
  taskAssigned(run: Run, task: TaskRow): void {
    const exec = this.store.execution(task.execution_id)!;
    const node = run.model.nodes.get(task.activity_id)!;
    this.fireTaskListeners(run, exec, node, 'assignment', task);
  }

  /**
   * Completes a task: its `complete` listeners run, then its `delete` listeners (Activiti 5's
   * TaskEntity.complete ends the task through TaskEntityManager.deleteTask, which fires `delete` on every
   * task, completed or not), then the token moves on (or the multi-instance counts it).
   */
  completeTask(run: Run, task: TaskRow): void {
    const exec = this.store.execution(task.execution_id)!;
    const node = run.model.nodes.get(task.activity_id)!;
    this.fireTaskListeners(run, exec, node, 'complete', task);
    this.fireTaskListeners(run, exec, node, 'delete', this.store.task(task.id)!);
    const now = alfDate();
    const fresh = this.store.task(task.id)!;
    this.store.updateTask(task.id, { ended_at: now });
    this.store.activityEnd(exec.id, node.id, now, { task_id: task.id, assignee: fresh.assignee });
    if (node.multiInstance) return this.instanceCompleted(run, exec, node);
    this.store.updateExecution(exec.id, { state: 'active' });
    this.fireListeners(run, exec, node.executionListeners, 'end', node.id);
    this.followOutgoing(run, exec, node);
  }

  /** Takes each flow (the first on this token, the others on new ones); leave() without the activity end. */
  private followOutgoing(run: Run, exec: ExecutionRow, node: FlowNode, flows = node.outgoing): void {
    // The token leaves the task: its boundary timers will not fire (Activiti deletes the scope's jobs).
    if (node.boundaryEvents.length) this.store.deleteTimers({ executionId: exec.id, attachedId: node.id });
    const tokens = flows.map((_f, i) =>
      i === 0
        ? exec
        : this.store.insertExecution({
            id: this.store.nextId(),
            process_id: run.process.id,
            parent_id: exec.parent_id ?? run.process.id,
            activity_id: node.id,
            state: 'active'
          })
    );
    flows.forEach((id, i) => {
      const flow = run.model.flows.get(id)!;
      this.fireListeners(run, tokens[i], flow.executionListeners, 'take', `sequenceFlow ${id}`, undefined, true);
      this.enter(run, tokens[i], run.model.nodes.get(flow.target)!);
    });
  }

  private instanceCompleted(run: Run, child: ExecutionRow, node: FlowNode): void {
    const root = this.store.execution(child.parent_id!)!;
    const mi = node.multiInstance!;
    const num = (n: string) => Number(this.store.variable(root.id, n)?.value ?? 0);
    const completed = num('nrOfCompletedInstances') + 1;
    const total = num('nrOfInstances');
    this.store.setVariable(root.id, run.process.id, 'nrOfCompletedInstances', { type: 'd:int', value: completed });
    this.store.setVariable(root.id, run.process.id, 'nrOfActiveInstances', {
      type: 'd:int',
      value: mi.sequential ? 0 : num('nrOfActiveInstances') - 1
    });
    this.fireListeners(run, child, node.executionListeners, 'end', node.id);
    const done = completed >= total || (mi.completionCondition ? this.condition(run, child, mi.completionCondition) : false);
    this.store.deleteExecution(child.id);
    if (done) {
      for (const c of this.store.childExecutions(root.id)) {
        for (const t of this.store.activeTasksOfExecution(c.id)) this.deleteTask(run, t, 'completion condition satisfied');
        this.store.deleteExecution(c.id);
      }
      for (const n of ['nrOfInstances', 'nrOfCompletedInstances', 'nrOfActiveInstances', '_miItems']) this.store.deleteVariable(root.id, n);
      this.store.updateExecution(root.id, { state: 'active' });
      return this.followOutgoing(run, this.store.execution(root.id)!, node);
    }
    if (mi.sequential) {
      this.store.setVariable(root.id, run.process.id, 'nrOfActiveInstances', { type: 'd:int', value: 1 });
      const items = toScript(this.host(run.caller), this.store.variable(root.id, '_miItems')!) as unknown[];
      this.startInstance(run, root, node, items, completed);
    }
  }

  // ------------------------------------------------------------------ boundary timers

  /** Creates the timer job of each boundary timer of a task the token has just entered. */
  private scheduleTimers(run: Run, exec: ExecutionRow, node: FlowNode): void {
    for (const id of node.boundaryEvents) {
      const timer = run.model.nodes.get(id)!.timer!;
      const value = this.evaluate(run, exec, timer.expression);
      let due: Date | null;
      try {
        due = timerDueDate(id, timer.kind, value, new Date());
      } catch (e) {
        throw failure(`Timer ${id} in ${run.model.key}`, e);
      }
      if (due)
        this.store.insertTimer({
          id: this.store.nextId(),
          process_id: run.process.id,
          execution_id: exec.id,
          activity_id: id,
          attached_id: node.id,
          due_at: due.toISOString()
        });
    }
  }

  /**
   * A due timer fires (Activiti's BoundaryEventActivityBehavior): cancelActivity ends the task (every instance of
   * a multi-instance task) and the token leaves by the boundary event's flows; otherwise a new token leaves by
   * them and the task stays. It runs as Alfresco's AuthenticatedTimerJobHandler runs timer jobs: as the
   * initiator, else the task's assignee, else System.
   */
  fireTimer(timer: TimerRow): void {
    this.store.deleteTimer(timer.id);
    const process = this.store.process(timer.process_id);
    const exec = this.store.execution(timer.execution_id);
    if (!process || process.ended_at || !exec || exec.activity_id !== timer.attached_id) return;
    const model = this.model(process.definition_id);
    const boundary = model.nodes.get(timer.activity_id)!;
    const run: Run = { caller: this.timerCaller(process, exec), process, model, steps: 0 };
    if (!boundary.timer!.cancelActivity) {
      const token = this.store.insertExecution({
        id: this.store.nextId(),
        process_id: process.id,
        parent_id: exec.parent_id ?? process.id,
        activity_id: boundary.id,
        state: 'active'
      });
      return this.enterBoundary(run, token, boundary);
    }
    const reason = `interrupting boundary event '${boundary.id}' fired`;
    const now = alfDate();
    const instances = exec.state === 'mi-root' ? this.store.childExecutions(exec.id) : [exec];
    for (const e of instances) {
      for (const t of this.store.activeTasksOfExecution(e.id)) this.deleteTask(run, t, reason);
      this.store.activityEnd(e.id, timer.attached_id, now);
      if (e.id !== exec.id) this.store.deleteExecution(e.id);
    }
    for (const n of ['nrOfInstances', 'nrOfCompletedInstances', 'nrOfActiveInstances', '_miItems']) this.store.deleteVariable(exec.id, n);
    this.store.deleteTimers({ executionId: exec.id, attachedId: timer.attached_id });
    this.store.updateExecution(exec.id, { state: 'active' });
    this.enterBoundary(run, this.store.execution(exec.id)!, boundary);
  }

  private enterBoundary(run: Run, token: ExecutionRow, boundary: FlowNode): void {
    this.store.updateExecution(token.id, { activity_id: boundary.id });
    this.store.activityStart({
      process_id: run.process.id,
      execution_id: token.id,
      activity_id: boundary.id,
      activity_name: boundary.name,
      activity_type: 'boundaryTimer', // Activiti's history type for a timer boundary event (TimerEventDefinitionParseHandler)
      started_at: alfDate()
    });
    this.fireListeners(run, token, boundary.executionListeners, 'start', boundary.id);
    this.leave(run, this.store.execution(token.id)!, boundary);
  }

  private timerCaller(process: ProcessRow, exec: ExecutionRow): Caller {
    const initiator = this.store.variable(process.id, 'initiator');
    const waiting = this.store.activeTasksOfExecution(exec.id)[0]?.assignee;
    for (const user of [initiator?.type === 'cm:person' ? String(initiator.value) : undefined, waiting]) {
      const person = user ? this.ctx.authorities.person(user) : undefined;
      if (person) return this.ctx.authorities.callerFor(person);
    }
    return SYSTEM_CALLER;
  }

  // ------------------------------------------------------------------ process lifecycle

  startProcess(
    caller: Caller,
    def: DefinitionRow,
    variables: Map<string, StoredValue>,
    businessKey?: string,
    beforeRun?: (processId: string) => void
  ): Run {
    const model = this.model(def.id);
    const id = this.store.nextId();
    const now = alfDate();
    this.store.insertProcess({
      id,
      definition_id: def.id,
      business_key: businessKey ?? null,
      start_user_id: caller.userId,
      started_at: now,
      start_activity_id: model.startEventId
    });
    const root = this.store.insertExecution({ id, process_id: id, parent_id: null, activity_id: null, state: 'active' });
    for (const [k, v] of variables) this.store.setVariable(id, id, k, v);
    beforeRun?.(id);
    const run: Run = { caller, process: this.store.process(id)!, model, steps: 0 };
    this.fireListeners(run, root, model.executionListeners, 'start', 'process');
    this.enter(run, root, model.nodes.get(model.startEventId)!);
    return run;
  }

  runFor(caller: Caller, processId: string): Run {
    const process = this.store.process(processId);
    if (!process) throw errors.notFound(processId);
    return { caller, process, model: this.model(process.definition_id), steps: 0 };
  }

  /**
   * Ends a running process (DELETE /processes/{id}); its history stays with the reason. Its open tasks are
   * deleted as Activiti deletes them, their `delete` listeners running as `caller` (the user deleting).
   */
  cancelProcess(processId: string, reason: string, caller: Caller = SYSTEM_CALLER): void {
    const now = alfDate();
    this.store.deleteTimers({ processId });
    const run = this.runFor(caller, processId);
    for (const t of this.store.activeTasksOfProcess(processId)) this.deleteTask(run, t, reason);
    this.store.endOpenActivities(processId, now);
    for (const e of this.store.executions(processId)) if (e.id !== processId) this.store.deleteExecution(e.id);
    this.store.updateExecution(processId, { state: 'ended' });
    this.store.cancelProcess(processId, now, reason);
  }
}

/** Scripts and expressions that fail answer 500 with their message, as ACS does for workflow script errors. */
function failure(where: string, e: unknown): ApiError {
  if (e instanceof ApiError && e.statusCode === 500) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError(500, 'framework.exception.ApiDefault', `${where}: ${message}`);
}

/** The elements of a JavaScript array or of a Java-style list host object (size()/get(i)); undefined for anything else. */
function collectionItems(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  const list = v as { size?: unknown; get?: unknown } | null;
  if (list && typeof list === 'object' && typeof list.size === 'function' && typeof list.get === 'function') {
    const size = Number((list.size as () => unknown)());
    return Array.from({ length: size }, (_, i) => (list.get as (i: number) => unknown)(i));
  }
  return undefined;
}

function authorityName(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (v instanceof PersonNode) return authorityOf(v);
  if (v instanceof GroupNode) return authorityOf(v);
  return String(v);
}

function flatten(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(flatten);
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const name = authorityName(v);
  return name ? [name] : [];
}

/** Deployment-time checks: every expression parses and every script compiles. */
function checkModel(m: ProcessModel): void {
  const scripts: string[] = [];
  const exprs: string[] = [];
  const listeners = (ls: Listener[]) => ls.forEach((l) => (l.script ? scripts.push(l.script) : l.expression && exprs.push(l.expression)));
  listeners(m.executionListeners);
  for (const n of m.nodes.values()) {
    listeners(n.taskListeners);
    listeners(n.executionListeners);
    if (n.script) scripts.push(n.script.text);
    for (const e of [
      n.name,
      n.assignee,
      n.dueDate,
      n.priority,
      ...n.candidateUsers,
      ...n.candidateGroups,
      n.multiInstance?.collection,
      n.multiInstance?.cardinality,
      n.multiInstance?.completionCondition,
      n.timer?.expression
    ])
      if (e) exprs.push(e);
  }
  for (const f of m.flows.values()) {
    if (f.condition) exprs.push(f.condition);
    listeners(f.executionListeners);
  }
  exprs.forEach(checkExpression);
  for (const s of scripts) new vm.Script(s);
}
