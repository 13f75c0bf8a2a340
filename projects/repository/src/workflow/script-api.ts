import { alfDate } from '../util/alf-date';
import type { Run, WorkflowEngine } from './engine';
import { fromScript, toScript, declaredType } from './variables';
import { JavaDate, javaString, unwrapJava, wrapJava, type JavaScope } from './java-host';

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

function stored(engine: WorkflowEngine, name: string, value: unknown) {
  return fromScript(value, declaredType(engine.ctx.dictionary, name)?.type);
}

export function createExecutionApi(engine: WorkflowEngine, run: Run, executionId: string, eventName?: string, scope?: JavaScope) {
  const host = engine.host(run.caller);
  const wrap = wrapperFor(scope);
  const read = (given: unknown) => {
    const v = engine.getVariable(executionId, javaString(given));
    return v === undefined ? null : wrap(toScript(host, v));
  };
  return {
    id: wrap(executionId),
    processInstanceId: wrap(run.process.id),
    processBusinessKey: wrap(run.process.business_key),
    processDefinitionId: wrap(run.process.definition_id),
    eventName: wrap(eventName ?? null),
    get currentActivityId() {
      return wrap(engine.store.execution(executionId)?.activity_id ?? null);
    },
    getVariable: read,
    getVariableLocal: (given: unknown) => {
      const v = engine.store.variable(executionId, javaString(given));
      return v === undefined ? null : wrap(toScript(host, v));
    },
    setVariable: (given: unknown, value: unknown) => {
      const name = javaString(given);
      engine.setVariable(run, executionId, name, stored(engine, name, value));
    },
    setVariableLocal: (given: unknown, value: unknown) => {
      const name = javaString(given);
      engine.store.setVariable(executionId, run.process.id, name, stored(engine, name, value));
    },
    hasVariable: (given: unknown) => engine.getVariable(executionId, javaString(given)) !== undefined,
    removeVariable: (given: unknown) => {
      const name = javaString(given);
      for (const s of engine.chain(executionId)) if (engine.store.deleteVariable(s, name)) return;
    },
    /** A java.util.Map: a NativeMap for scripts, a plain object for expressions. */
    getVariables: () => wrap(Object.fromEntries([...engine.visibleVariables(executionId)].map(([k, v]) => [k, toScript(host, v)])))
  };
}

export function createTaskApi(engine: WorkflowEngine, run: Run, taskId: string, eventName?: string, scope?: JavaScope) {
  const host = engine.host(run.caller);
  const wrap = wrapperFor(scope);
  const row = () => engine.store.task(taskId)!;
  const executionId = row().execution_id;
  const exec = createExecutionApi(engine, run, executionId, eventName, scope);
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : javaString(v));
  const set = (fields: Parameters<typeof engine.store.updateTask>[1]) => engine.store.updateTask(taskId, fields);
  return {
    id: wrap(taskId),
    eventName: wrap(eventName ?? null),
    executionId: wrap(executionId),
    processInstanceId: wrap(run.process.id),
    processDefinitionId: wrap(run.process.definition_id),
    get taskDefinitionKey() {
      return wrap(row().activity_id);
    },
    get formKey() {
      return wrap(row().form_key);
    },
    get createTime() {
      return jdate(scope, new Date(row().started_at.replace(/\+0000$/, 'Z')));
    },
    get name() {
      return wrap(row().name);
    },
    set name(v: unknown) {
      set({ name: text(v) });
    },
    get description() {
      return wrap(row().description);
    },
    set description(v: unknown) {
      set({ description: text(v) });
    },
    get assignee() {
      return wrap(row().assignee);
    },
    set assignee(v: unknown) {
      set({ assignee: text(v) });
    },
    get owner() {
      return wrap(row().owner);
    },
    set owner(v: unknown) {
      set({ owner: text(v) });
    },
    /** DelegateTask.getPriority() is an int: a JS number even in a script. */
    get priority() {
      return row().priority;
    },
    set priority(v: unknown) {
      const n = Number(unwrapJava(v));
      if (Number.isFinite(n)) set({ priority: Math.trunc(n) });
    },
    get dueDate() {
      const d = row().due_at;
      return jdate(scope, d ? new Date(d.replace(/\+0000$/, 'Z')) : null);
    },
    set dueDate(v: unknown) {
      const d = unwrapJava(v);
      set({ due_at: d === null || d === undefined ? null : alfDate(d as Date) });
    },
    setAssignee(v: unknown) {
      this.assignee = v;
    },
    setPriority(v: unknown) {
      this.priority = v;
    },
    setDueDate(v: unknown) {
      this.dueDate = v;
    },
    addCandidateUser: (u: unknown) => engine.store.addCandidate(taskId, 'user', javaString(u)),
    addCandidateGroup: (given: unknown) => {
      const g = javaString(given);
      engine.store.addCandidate(taskId, 'group', g.startsWith('GROUP_') ? g : `GROUP_${g}`);
    },
    get execution() {
      return exec;
    },
    getVariable: (given: unknown) => {
      const v = engine.getVariable(executionId, javaString(given), taskId);
      return v === undefined ? null : wrap(toScript(host, v));
    },
    getVariableLocal: (given: unknown) => {
      const v = engine.store.variable(taskId, javaString(given));
      return v === undefined ? null : wrap(toScript(host, v));
    },
    /** Where the variable is task-local it stays there; otherwise it goes to the execution, as in Activiti. */
    setVariable: (given: unknown, value: unknown) => {
      const name = javaString(given);
      if (engine.store.variable(taskId, name)) engine.store.setVariable(taskId, run.process.id, name, stored(engine, name, value));
      else exec.setVariable(name, value);
    },
    setVariableLocal: (given: unknown, value: unknown) => {
      const name = javaString(given);
      engine.store.setVariable(taskId, run.process.id, name, stored(engine, name, value));
    },
    hasVariable: (given: unknown) => engine.getVariable(executionId, javaString(given), taskId) !== undefined,
    getVariables: () => wrap(Object.fromEntries([...engine.visibleVariables(executionId, taskId)].map(([k, v]) => [k, toScript(host, v)])))
  };
}
