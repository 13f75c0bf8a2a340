import { alfDate } from '../http/api';
import type { Run, WorkflowEngine } from './engine';
import { fromScript, toScript, declaredType } from './variables';

/**
 * The `execution` and `task` objects of listener scripts and expressions (Activiti's DelegateExecution and
 * DelegateTask as Alfresco exposes them). Values cross in script form: ScriptNode, PersonNode, Date …
 */

function stored(engine: WorkflowEngine, name: string, value: unknown) {
  return fromScript(value, declaredType(engine.ctx.dictionary, name)?.type);
}

export function createExecutionApi(engine: WorkflowEngine, run: Run, executionId: string, eventName?: string) {
  const host = engine.host(run.caller);
  const read = (name: string) => {
    const v = engine.getVariable(executionId, name);
    return v === undefined ? null : toScript(host, v);
  };
  return {
    id: executionId,
    processInstanceId: run.process.id,
    processBusinessKey: run.process.business_key,
    processDefinitionId: run.process.definition_id,
    eventName: eventName ?? null,
    get currentActivityId() {
      return engine.store.execution(executionId)?.activity_id ?? null;
    },
    getVariable: read,
    getVariableLocal: (name: string) => {
      const v = engine.store.variable(executionId, name);
      return v === undefined ? null : toScript(host, v);
    },
    setVariable: (name: string, value: unknown) => engine.setVariable(run, executionId, String(name), stored(engine, String(name), value)),
    setVariableLocal: (name: string, value: unknown) =>
      engine.store.setVariable(executionId, run.process.id, String(name), stored(engine, String(name), value)),
    hasVariable: (name: string) => engine.getVariable(executionId, name) !== undefined,
    removeVariable: (name: string) => {
      for (const scope of engine.chain(executionId)) if (engine.store.deleteVariable(scope, name)) return;
    },
    getVariables: () => Object.fromEntries([...engine.visibleVariables(executionId)].map(([k, v]) => [k, toScript(host, v)]))
  };
}

export function createTaskApi(engine: WorkflowEngine, run: Run, taskId: string, eventName?: string) {
  const host = engine.host(run.caller);
  const row = () => engine.store.task(taskId)!;
  const executionId = row().execution_id;
  const exec = createExecutionApi(engine, run, executionId, eventName);
  const set = (fields: Parameters<typeof engine.store.updateTask>[1]) => engine.store.updateTask(taskId, fields);
  return {
    id: taskId,
    eventName: eventName ?? null,
    executionId,
    processInstanceId: run.process.id,
    processDefinitionId: run.process.definition_id,
    get taskDefinitionKey() {
      return row().activity_id;
    },
    get formKey() {
      return row().form_key;
    },
    get createTime() {
      return new Date(row().started_at.replace(/\+0000$/, 'Z'));
    },
    get name() {
      return row().name;
    },
    set name(v: string | null) {
      set({ name: v === null ? null : String(v) });
    },
    get description() {
      return row().description;
    },
    set description(v: string | null) {
      set({ description: v === null ? null : String(v) });
    },
    get assignee() {
      return row().assignee;
    },
    set assignee(v: string | null) {
      set({ assignee: v === null || v === undefined ? null : String(v) });
    },
    get owner() {
      return row().owner;
    },
    set owner(v: string | null) {
      set({ owner: v === null || v === undefined ? null : String(v) });
    },
    get priority() {
      return row().priority;
    },
    set priority(v: number) {
      const n = Number(v);
      if (Number.isFinite(n)) set({ priority: Math.trunc(n) });
    },
    get dueDate() {
      const d = row().due_at;
      return d ? new Date(d.replace(/\+0000$/, 'Z')) : null;
    },
    set dueDate(v: unknown) {
      set({ due_at: v === null || v === undefined ? null : alfDate(v as Date) });
    },
    setAssignee(v: string | null) {
      this.assignee = v;
    },
    setPriority(v: number) {
      this.priority = v;
    },
    setDueDate(v: unknown) {
      this.dueDate = v;
    },
    addCandidateUser: (u: string) => engine.store.addCandidate(taskId, 'user', String(u)),
    addCandidateGroup: (g: string) => engine.store.addCandidate(taskId, 'group', String(g).startsWith('GROUP_') ? String(g) : `GROUP_${g}`),
    get execution() {
      return exec;
    },
    getVariable: (name: string) => {
      const v = engine.getVariable(executionId, name, taskId);
      return v === undefined ? null : toScript(host, v);
    },
    getVariableLocal: (name: string) => {
      const v = engine.store.variable(taskId, name);
      return v === undefined ? null : toScript(host, v);
    },
    /** Where the variable is task-local it stays there; otherwise it goes to the execution, as in Activiti. */
    setVariable: (name: string, value: unknown) => {
      if (engine.store.variable(taskId, name)) engine.store.setVariable(taskId, run.process.id, name, stored(engine, name, value));
      else exec.setVariable(name, value);
    },
    setVariableLocal: (name: string, value: unknown) =>
      engine.store.setVariable(taskId, run.process.id, String(name), stored(engine, String(name), value)),
    hasVariable: (name: string) => engine.getVariable(executionId, name, taskId) !== undefined,
    getVariables: () => Object.fromEntries([...engine.visibleVariables(executionId, taskId)].map(([k, v]) => [k, toScript(host, v)]))
  };
}
