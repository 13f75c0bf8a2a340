import { alfDate } from '../util/alf-date';
import type { Run, WorkflowEngine } from './engine';
import { fromScript, toScript, declaredType, type StoredValue } from './variables';
import { JavaDate, javaString, unwrapJava, wrapJava, type JavaScope } from './java-host';
import type { ScriptHost } from './script-node';

/**
 * The `execution` and `task` objects of listener scripts and expressions (Activiti's DelegateExecution and
 * DelegateTask as Alfresco exposes them). Values cross in script form: ScriptNode, PersonNode, Date …
 * Given a JavaScope (a Rhino script, not an expression), what a Java method declared to return Object or
 * String gives is wrapped as Rhino wraps it (java-host.ts): `getVariable` of a false flag is a truthy
 * java.lang.Boolean, `task.assignee` a java.lang.String object; int getters (priority) stay JS numbers.
 */

type Wrap = (v: unknown) => unknown;
const plain: Wrap = (v) => v;
const wrapperFor = (scope?: JavaScope): Wrap => (scope ? (v) => wrapJava(v, scope) : plain);
const jdate = (scope: JavaScope | undefined, d: Date | null): unknown => (d && scope ? new JavaDate(d) : d);
const text = (v: unknown): string | null => (v === null || v === undefined ? null : javaString(v));

function stored(engine: WorkflowEngine, name: string, value: unknown) {
  return fromScript(value, declaredType(engine.ctx.dictionary, name)?.type);
}

/** A variable as a script's getVariable answers it: null when unset. */
const scriptValue = (host: ScriptHost, wrap: Wrap, v: StoredValue | undefined): unknown =>
  v === undefined ? null : wrap(toScript(host, v));

/** setVariableLocal: the variable set in `scopeId` itself, as the script gave it. */
function setLocal(engine: WorkflowEngine, run: Run, scopeId: string, given: unknown, value: unknown): void {
  const name = javaString(given);
  engine.store.setVariable(scopeId, run.process.id, name, stored(engine, name, value));
}

/**
 * Classes, not object literals of closures: a marking builds `execution` and `task` for each of its four
 * listener runs, and a literal's two dozen closures (each also named by the TypeScript loader) were a
 * tenth of building a script's scope.
 */
class ExecutionApi {
  readonly id: unknown;
  readonly processInstanceId: unknown;
  readonly processBusinessKey: unknown;
  readonly processDefinitionId: unknown;
  readonly eventName: unknown;
  readonly #engine: WorkflowEngine;
  readonly #run: Run;
  readonly #executionId: string;
  readonly #host: ScriptHost;
  readonly #wrap: Wrap;

  constructor(engine: WorkflowEngine, run: Run, executionId: string, eventName: string | undefined, scope: JavaScope | undefined) {
    this.#engine = engine;
    this.#run = run;
    this.#executionId = executionId;
    this.#host = engine.host(run.caller);
    const wrap = (this.#wrap = wrapperFor(scope));
    this.id = wrap(executionId);
    this.processInstanceId = wrap(run.process.id);
    this.processBusinessKey = wrap(run.process.business_key);
    this.processDefinitionId = wrap(run.process.definition_id);
    this.eventName = wrap(eventName ?? null);
  }

  get currentActivityId(): unknown {
    return this.#wrap(this.#engine.store.execution(this.#executionId)?.activity_id ?? null);
  }

  getVariable(given: unknown): unknown {
    return scriptValue(this.#host, this.#wrap, this.#engine.getVariable(this.#executionId, javaString(given)));
  }

  getVariableLocal(given: unknown): unknown {
    return scriptValue(this.#host, this.#wrap, this.#engine.store.variable(this.#executionId, javaString(given)));
  }

  setVariable(given: unknown, value: unknown): void {
    const name = javaString(given);
    this.#engine.setVariable(this.#run, this.#executionId, name, stored(this.#engine, name, value));
  }

  setVariableLocal(given: unknown, value: unknown): void {
    setLocal(this.#engine, this.#run, this.#executionId, given, value);
  }

  hasVariable(given: unknown): boolean {
    return this.#engine.getVariable(this.#executionId, javaString(given)) !== undefined;
  }

  removeVariable(given: unknown): void {
    const name = javaString(given);
    for (const s of this.#engine.chain(this.#executionId)) if (this.#engine.store.deleteVariable(s, name)) return;
  }

  /** A java.util.Map: a NativeMap for scripts, a plain object for expressions. */
  getVariables(): unknown {
    const host = this.#host;
    return this.#wrap(Object.fromEntries([...this.#engine.visibleVariables(this.#executionId)].map(([k, v]) => [k, toScript(host, v)])));
  }
}

class TaskApi {
  readonly id: unknown;
  readonly eventName: unknown;
  readonly executionId: unknown;
  readonly processInstanceId: unknown;
  readonly processDefinitionId: unknown;
  readonly #engine: WorkflowEngine;
  readonly #run: Run;
  readonly #taskId: string;
  readonly #executionId: string;
  readonly #host: ScriptHost;
  readonly #wrap: Wrap;
  readonly #scope: JavaScope | undefined;
  readonly #exec: ExecutionApi;

  constructor(engine: WorkflowEngine, run: Run, taskId: string, eventName: string | undefined, scope: JavaScope | undefined) {
    this.#engine = engine;
    this.#run = run;
    this.#taskId = taskId;
    this.#scope = scope;
    this.#host = engine.host(run.caller);
    const wrap = (this.#wrap = wrapperFor(scope));
    const executionId = (this.#executionId = this.#row().execution_id);
    this.#exec = new ExecutionApi(engine, run, executionId, eventName, scope);
    this.id = wrap(taskId);
    this.eventName = wrap(eventName ?? null);
    this.executionId = wrap(executionId);
    this.processInstanceId = wrap(run.process.id);
    this.processDefinitionId = wrap(run.process.definition_id);
  }

  #row() {
    return this.#engine.store.task(this.#taskId)!;
  }

  #set(fields: Parameters<WorkflowEngine['store']['updateTask']>[1]): void {
    this.#engine.store.updateTask(this.#taskId, fields);
  }

  get taskDefinitionKey(): unknown {
    return this.#wrap(this.#row().activity_id);
  }
  get formKey(): unknown {
    return this.#wrap(this.#row().form_key);
  }
  get createTime(): unknown {
    return jdate(this.#scope, new Date(this.#row().started_at.replace(/\+0000$/, 'Z')));
  }
  get name(): unknown {
    return this.#wrap(this.#row().name);
  }
  set name(v: unknown) {
    this.#set({ name: text(v) });
  }
  get description(): unknown {
    return this.#wrap(this.#row().description);
  }
  set description(v: unknown) {
    this.#set({ description: text(v) });
  }
  get assignee(): unknown {
    return this.#wrap(this.#row().assignee);
  }
  set assignee(v: unknown) {
    this.#set({ assignee: text(v) });
  }
  get owner(): unknown {
    return this.#wrap(this.#row().owner);
  }
  set owner(v: unknown) {
    this.#set({ owner: text(v) });
  }
  /** DelegateTask.getPriority() is an int: a JS number even in a script. */
  get priority(): unknown {
    return this.#row().priority;
  }
  set priority(v: unknown) {
    const n = Number(unwrapJava(v));
    if (Number.isFinite(n)) this.#set({ priority: Math.trunc(n) });
  }
  get dueDate(): unknown {
    const d = this.#row().due_at;
    return jdate(this.#scope, d ? new Date(d.replace(/\+0000$/, 'Z')) : null);
  }
  set dueDate(v: unknown) {
    const d = unwrapJava(v);
    this.#set({ due_at: d === null || d === undefined ? null : alfDate(d as Date) });
  }
  setAssignee(v: unknown): void {
    this.assignee = v;
  }
  setPriority(v: unknown): void {
    this.priority = v;
  }
  setDueDate(v: unknown): void {
    this.dueDate = v;
  }
  addCandidateUser(u: unknown): void {
    this.#engine.store.addCandidate(this.#taskId, 'user', javaString(u));
  }
  addCandidateGroup(given: unknown): void {
    const g = javaString(given);
    this.#engine.store.addCandidate(this.#taskId, 'group', g.startsWith('GROUP_') ? g : `GROUP_${g}`);
  }
  get execution(): ExecutionApi {
    return this.#exec;
  }
  getVariable(given: unknown): unknown {
    return scriptValue(this.#host, this.#wrap, this.#engine.getVariable(this.#executionId, javaString(given), this.#taskId));
  }
  getVariableLocal(given: unknown): unknown {
    return scriptValue(this.#host, this.#wrap, this.#engine.store.variable(this.#taskId, javaString(given)));
  }
  /** Where the variable is task-local it stays there; otherwise it goes to the execution, as in Activiti. */
  setVariable(given: unknown, value: unknown): void {
    if (this.#engine.store.variable(this.#taskId, javaString(given))) this.setVariableLocal(given, value);
    else this.#exec.setVariable(given, value);
  }
  setVariableLocal(given: unknown, value: unknown): void {
    setLocal(this.#engine, this.#run, this.#taskId, given, value);
  }
  hasVariable(given: unknown): boolean {
    return this.#engine.getVariable(this.#executionId, javaString(given), this.#taskId) !== undefined;
  }
  getVariables(): unknown {
    const host = this.#host;
    return this.#wrap(
      Object.fromEntries([...this.#engine.visibleVariables(this.#executionId, this.#taskId)].map(([k, v]) => [k, toScript(host, v)]))
    );
  }
}

export function createExecutionApi(engine: WorkflowEngine, run: Run, executionId: string, eventName?: string, scope?: JavaScope) {
  return new ExecutionApi(engine, run, executionId, eventName, scope);
}

export function createTaskApi(engine: WorkflowEngine, run: Run, taskId: string, eventName?: string, scope?: JavaScope) {
  return new TaskApi(engine, run, taskId, eventName, scope);
}
