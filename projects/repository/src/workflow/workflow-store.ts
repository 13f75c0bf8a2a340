import { onRollback, onRowChange, rowKey, type Db } from '../persistence/database';
import { KeptRows } from '../persistence/kept-rows';
import type { StoredValue } from './variables';

/** Rows of the wf_* tables (schema.sql) and the plain reads and writes on them; no rules here. */

export interface DeploymentRow {
  id: string;
  name: string;
  category: string | null;
  deployed_at: string;
  source_node_id: string | null;
  source_content_url: string | null;
  xml: string;
}
export interface DefinitionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  description: string | null;
  category: string | null;
  deployment_id: string;
  start_form_key: string | null;
  graphic: number;
}
export interface ProcessRow {
  id: string;
  definition_id: string;
  business_key: string | null;
  start_user_id: string;
  started_at: string;
  ended_at: string | null;
  start_activity_id: string | null;
  end_activity_id: string | null;
  delete_reason: string | null;
}
export interface ExecutionRow {
  id: string;
  process_id: string;
  parent_id: string | null;
  activity_id: string | null;
  state: 'active' | 'waiting' | 'joined' | 'mi-root' | 'ended';
  created_seq: number;
}
export interface TaskRow {
  id: string;
  process_id: string;
  execution_id: string;
  definition_id: string;
  activity_id: string;
  name: string | null;
  description: string | null;
  assignee: string | null;
  owner: string | null;
  priority: number;
  due_at: string | null;
  form_key: string | null;
  delegation: 'PENDING' | 'RESOLVED' | null;
  started_at: string;
  ended_at: string | null;
  delete_reason: string | null;
}
export interface TimerRow {
  id: string;
  process_id: string;
  execution_id: string;
  activity_id: string;
  attached_id: string;
  due_at: string;
  retries: number;
  exception: string | null;
}
export interface VariableRow {
  scope_id: string;
  process_id: string;
  name: string;
  type: string;
  value: string;
}

export class WorkflowStore {
  /**
   * Definitions, executions and tasks by id, and variables by scope, as Activiti keeps the entities a
   * command touches in its session cache: a marking read the same execution 33 times and its variables 26.
   * Any change to a row, by any statement, drops it (onRowChange) and a rollback drops them all; rows are
   * frozen, variables parsed afresh for each caller; a variable set is kept as written.
   */
  private readonly kept = {
    definitions: new KeptRows<DefinitionRow>(KEPT_MAX),
    executions: new KeptRows<ExecutionRow>(KEPT_MAX),
    tasks: new KeptRows<TaskRow>(KEPT_MAX),
    variables: new KeptRows<VariableRow>(KEPT_MAX)
  };

  constructor(readonly db: Db) {
    onRowChange(db, 'wf_definition', 'id', (id) => this.kept.definitions.delete(id));
    onRowChange(db, 'wf_execution', 'id', (id) => this.kept.executions.delete(id));
    onRowChange(db, 'wf_task', 'id', (id) => this.kept.tasks.delete(id));
    onRowChange(db, 'wf_variable', ['scope_id', 'name'], (key) => this.kept.variables.delete(key));
    onRollback(db, () => Object.values(this.kept).forEach((m) => m.clear()));
  }

  /** The next id of Activiti's single id sequence. */
  nextId(): string {
    this.db.prepare('INSERT OR IGNORE INTO wf_counter (id, value) VALUES (1, 0)').run();
    return String(
      (this.db.prepare('UPDATE wf_counter SET value = value + 1 WHERE id = 1 RETURNING value').get() as { value: number }).value
    );
  }

  deployment(id: string): DeploymentRow | undefined {
    return this.db.prepare('SELECT * FROM wf_deployment WHERE id = ?').get(id) as DeploymentRow | undefined;
  }
  deployments(): DeploymentRow[] {
    return this.db.prepare('SELECT * FROM wf_deployment ORDER BY CAST(id AS INTEGER)').all() as DeploymentRow[];
  }
  definition(id: string): DefinitionRow | undefined {
    return this.kept.definitions.get(
      id,
      () => this.db.prepare('SELECT * FROM wf_definition WHERE id = ?').get(id) as DefinitionRow | undefined
    );
  }
  latestDefinition(key: string): DefinitionRow | undefined {
    return this.db.prepare('SELECT * FROM wf_definition WHERE key = ? ORDER BY version DESC LIMIT 1').get(key) as DefinitionRow | undefined;
  }
  definitions(): DefinitionRow[] {
    return this.db.prepare('SELECT * FROM wf_definition ORDER BY key, version').all() as DefinitionRow[];
  }
  process(id: string): ProcessRow | undefined {
    return this.db.prepare('SELECT * FROM wf_process WHERE id = ?').get(id) as ProcessRow | undefined;
  }
  execution(id: string): ExecutionRow | undefined {
    return this.kept.executions.get(
      id,
      () => this.db.prepare('SELECT * FROM wf_execution WHERE id = ?').get(id) as ExecutionRow | undefined
    );
  }
  executions(processId: string): ExecutionRow[] {
    return this.db.prepare('SELECT * FROM wf_execution WHERE process_id = ? ORDER BY created_seq').all(processId) as ExecutionRow[];
  }
  childExecutions(parentId: string): ExecutionRow[] {
    return this.db.prepare('SELECT * FROM wf_execution WHERE parent_id = ? ORDER BY created_seq').all(parentId) as ExecutionRow[];
  }
  insertExecution(e: Omit<ExecutionRow, 'created_seq'>): ExecutionRow {
    const seq = Number(this.nextId());
    this.db
      .prepare('INSERT INTO wf_execution (id, process_id, parent_id, activity_id, state, created_seq) VALUES (?,?,?,?,?,?)')
      .run(e.id, e.process_id, e.parent_id, e.activity_id, e.state, seq);
    return this.execution(e.id)!;
  }
  updateExecution(id: string, fields: Partial<ExecutionRow>): void {
    const entries = Object.entries(fields);
    this.db
      .prepare(`UPDATE wf_execution SET ${entries.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`)
      .run(...entries.map(([, v]) => v), id);
  }
  deleteExecution(id: string): void {
    this.db.prepare('DELETE FROM wf_variable WHERE scope_id = ?').run(id);
    this.db.prepare('DELETE FROM wf_execution WHERE id = ?').run(id);
  }

  task(id: string): TaskRow | undefined {
    return this.kept.tasks.get(id, () => this.db.prepare('SELECT * FROM wf_task WHERE id = ?').get(id) as TaskRow | undefined);
  }
  activeTasksOfExecution(executionId: string): TaskRow[] {
    return this.db.prepare('SELECT * FROM wf_task WHERE execution_id = ? AND ended_at IS NULL').all(executionId) as TaskRow[];
  }
  activeTasksOfProcess(processId: string): TaskRow[] {
    return this.db.prepare('SELECT * FROM wf_task WHERE process_id = ? AND ended_at IS NULL').all(processId) as TaskRow[];
  }
  updateTask(id: string, fields: Partial<TaskRow>): void {
    const entries = Object.entries(fields);
    if (entries.length)
      this.db
        .prepare(`UPDATE wf_task SET ${entries.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`)
        .run(...entries.map(([, v]) => v), id);
  }
  /** The task's candidate links (Activiti's identity links of type candidate), users and groups. */
  candidates(taskId: string): { kind: 'user' | 'group'; authority: string }[] {
    return this.db
      .prepare(
        "SELECT kind, authority FROM wf_task_candidate WHERE task_id = ? AND kind IN ('user', 'group') ORDER BY kind DESC, authority"
      )
      .all(taskId) as {
      kind: 'user' | 'group';
      authority: string;
    }[];
  }
  addCandidate(taskId: string, kind: 'user' | 'group', authority: string): void {
    this.db.prepare('INSERT OR IGNORE INTO wf_task_candidate (task_id, kind, authority) VALUES (?,?,?)').run(taskId, kind, authority);
  }
  /**
   * The user Alfresco's TaskCreateListener links to every new task as its starter (an identity link of type
   * starter naming the `initiator` variable's user), which makes that user involved in the task.
   */
  starterOf(taskId: string): string | undefined {
    const row = this.db.prepare("SELECT authority FROM wf_task_candidate WHERE task_id = ? AND kind = 'starter'").get(taskId) as
      | { authority: string }
      | undefined;
    return row?.authority;
  }
  addStarterLink(taskId: string, userName: string): void {
    this.db.prepare("INSERT OR IGNORE INTO wf_task_candidate (task_id, kind, authority) VALUES (?, 'starter', ?)").run(taskId, userName);
  }

  variables(scopeId: string): Map<string, StoredValue> {
    const rows = this.db.prepare('SELECT * FROM wf_variable WHERE scope_id = ? ORDER BY name').all(scopeId) as VariableRow[];
    return new Map(rows.map((r) => [r.name, { type: r.type, value: JSON.parse(r.value) }]));
  }
  variable(scopeId: string, name: string): StoredValue | undefined {
    const r = this.kept.variables.get(
      rowKey(scopeId, name),
      () => this.db.prepare('SELECT * FROM wf_variable WHERE scope_id = ? AND name = ?').get(scopeId, name) as VariableRow | undefined
    );
    return r && { type: r.type, value: JSON.parse(r.value) };
  }
  setVariable(scopeId: string, processId: string, name: string, v: StoredValue): void {
    this.db
      .prepare('INSERT OR REPLACE INTO wf_variable (scope_id, process_id, name, type, value) VALUES (?,?,?,?,?)')
      .run(scopeId, processId, name, v.type, JSON.stringify(v.value ?? null));
    // Kept as written (the trigger has just dropped the old row): a listener reads back what it set.
    this.kept.variables.set(rowKey(scopeId, name), {
      scope_id: scopeId,
      process_id: processId,
      name,
      type: v.type,
      value: JSON.stringify(v.value ?? null)
    });
  }
  deleteVariable(scopeId: string, name: string): boolean {
    return this.db.prepare('DELETE FROM wf_variable WHERE scope_id = ? AND name = ?').run(scopeId, name).changes > 0;
  }

  packageOf(processId: string): string | undefined {
    return this.db.prepare('SELECT node_id FROM wf_package WHERE process_id = ?').pluck().get(processId) as string | undefined;
  }

  activityStart(a: {
    process_id: string;
    execution_id: string;
    activity_id: string;
    activity_name?: string;
    activity_type: string;
    started_at: string;
  }): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO wf_activity (process_id, execution_id, activity_id, activity_name, activity_type, started_at) VALUES (?,?,?,?,?,?)'
        )
        .run(a.process_id, a.execution_id, a.activity_id, a.activity_name ?? null, a.activity_type, a.started_at).lastInsertRowid
    );
  }
  activityEnd(executionId: string, activityId: string, at: string, extra: { task_id?: string; assignee?: string | null } = {}): void {
    this.db
      .prepare(
        'UPDATE wf_activity SET ended_at = ?, task_id = COALESCE(?, task_id), assignee = COALESCE(?, assignee) WHERE seq = (SELECT MAX(seq) FROM wf_activity WHERE execution_id = ? AND activity_id = ? AND ended_at IS NULL)'
      )
      .run(at, extra.task_id ?? null, extra.assignee ?? null, executionId, activityId);
  }
  setActivityTask(executionId: string, activityId: string, taskId: string, assignee: string | null): void {
    this.db
      .prepare(
        'UPDATE wf_activity SET task_id = ?, assignee = ? WHERE seq = (SELECT MAX(seq) FROM wf_activity WHERE execution_id = ? AND activity_id = ?)'
      )
      .run(taskId, assignee, executionId, activityId);
  }

  // ------------------------------------------------------------------ timers

  insertTimer(t: Omit<TimerRow, 'retries' | 'exception'>): void {
    this.db
      .prepare('INSERT INTO wf_timer (id, process_id, execution_id, activity_id, attached_id, due_at) VALUES (?,?,?,?,?,?)')
      .run(t.id, t.process_id, t.execution_id, t.activity_id, t.attached_id, t.due_at);
  }

  timer(id: string): TimerRow | undefined {
    return this.db.prepare('SELECT * FROM wf_timer WHERE id = ?').get(id) as TimerRow | undefined;
  }

  /** Timers due at `now` that have retries left, oldest first. */
  dueTimers(now: string): TimerRow[] {
    return this.db.prepare('SELECT * FROM wf_timer WHERE due_at <= ? AND retries > 0 ORDER BY due_at, id').all(now) as TimerRow[];
  }

  timersOfProcess(processId: string): TimerRow[] {
    return this.db.prepare('SELECT * FROM wf_timer WHERE process_id = ? ORDER BY due_at, id').all(processId) as TimerRow[];
  }

  /** Drops the timers of a token waiting in a task (the task was left), or every timer of a process. */
  deleteTimers(where: { executionId: string; attachedId: string } | { processId: string }): void {
    if ('processId' in where) this.db.prepare('DELETE FROM wf_timer WHERE process_id = ?').run(where.processId);
    else this.db.prepare('DELETE FROM wf_timer WHERE execution_id = ? AND attached_id = ?').run(where.executionId, where.attachedId);
  }

  deleteTimer(id: string): void {
    this.db.prepare('DELETE FROM wf_timer WHERE id = ?').run(id);
  }

  timerFailed(id: string, message: string): void {
    this.db.prepare('UPDATE wf_timer SET retries = retries - 1, exception = ? WHERE id = ?').run(message, id);
  }

  /** Removes a process and everything of it (deployment deletion, undeploy). */
  purgeProcess(processId: string): void {
    for (const t of ['wf_variable', 'wf_activity', 'wf_execution', 'wf_mail', 'wf_package', 'wf_timer'])
      this.db.prepare(`DELETE FROM ${t} WHERE process_id = ?`).run(processId);
    this.db.prepare('DELETE FROM wf_task WHERE process_id = ?').run(processId);
    this.db.prepare('DELETE FROM wf_process WHERE id = ?').run(processId);
  }
}

/** Rows kept per kind at most. */
const KEPT_MAX = 10_000;
