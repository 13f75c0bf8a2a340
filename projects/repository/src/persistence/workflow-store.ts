import { onRollback, onRowChange, rowKey, type Db } from './database';
import { KeptRows } from './kept-rows';
import type { NodeRow } from './node-row';
import type { StoredValue } from '../workflow/variables';

/**
 * Rows of the wf_* tables (schema.sql) and the plain reads and writes on them, as Activiti's entity managers
 * keep ACT_RE_*, ACT_RU_* and ACT_HI_*: the engine and the workflow service hold the rules, this class every
 * statement; no rules here.
 */

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
/** A step of a process's history (wf_activity, Activiti's ACT_HI_ACTINST). */
export interface ActivityRow {
  seq: number;
  execution_id: string;
  activity_id: string;
  activity_name: string | null;
  activity_type: string;
  task_id: string | null;
  assignee: string | null;
  started_at: string;
  ended_at: string | null;
}
/**
 * One way of narrowing the tasks a listing reads (GET /tasks), each an indexed look-up: a process's tasks,
 * a user's own, a pool (the open tasks' candidate links, wf_open_candidate), a process variable's JSON value,
 * or everything a user is involved in (Activiti's taskInvolvedUser: assignee, owner, or a user identity link,
 * candidate user or starter).
 */
export type TaskNarrowing =
  | { by: 'process'; processId: string }
  | { by: 'assignee'; userId: string }
  | { by: 'groupPool'; group: string }
  | { by: 'pool'; authorities: string[]; kind: 'group' | 'user' }
  | { by: 'processVariable'; name: string; json: string }
  | { by: 'involved'; userId: string };

export interface VariableRow {
  scope_id: string;
  process_id: string;
  name: string;
  type: string;
  value: string;
}

/** A scope's variables (ordered by name, as SQLite's binary collation orders them) with `row` set. */
function withVariable(rows: readonly VariableRow[], row: VariableRow): VariableRow[] {
  const bytes = (s: string) => Buffer.from(s, 'utf8');
  const ascii = (s: string) => /^[ -~]*$/.test(s);
  const before = (a: string, b: string) => (ascii(a) && ascii(b) ? a < b : Buffer.compare(bytes(a), bytes(b)) < 0);
  const out = rows.filter((r) => r.name !== row.name);
  let i = 0;
  while (i < out.length && before(out[i].name, row.name)) i++;
  out.splice(i, 0, Object.freeze(row));
  return out;
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
    variables: new KeptRows<VariableRow>(KEPT_MAX),
    /** All variables of a scope (every script run reads those of its execution and its parents). */
    scopes: new KeptRows<readonly VariableRow[]>(KEPT_MAX)
  };

  constructor(readonly db: Db) {
    onRowChange(db, 'wf_definition', 'id', (id) => this.kept.definitions.delete(id));
    onRowChange(db, 'wf_execution', 'id', (id) => this.kept.executions.delete(id));
    onRowChange(db, 'wf_task', 'id', (id) => this.kept.tasks.delete(id));
    onRowChange(db, 'wf_variable', ['scope_id', 'name'], (key) => {
      this.kept.variables.delete(key);
      this.kept.scopes.delete(String(key).slice(0, String(key).indexOf('\u0000')));
    });
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
    const rows = this.kept.scopes.get(scopeId, () =>
      (this.db.prepare('SELECT * FROM wf_variable WHERE scope_id = ? ORDER BY name').all(scopeId) as VariableRow[]).map((r) =>
        Object.freeze(r)
      )
    )!;
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
    const key = rowKey(scopeId, name);
    const value = JSON.stringify(v.value ?? null);
    // A variable set to what it holds writes nothing, as Activiti's DbSqlSession flushes only the entities
    // whose persistent state changed. The kept row is the stored one (any change to it has dropped it).
    const stored = this.kept.variables.peek(key);
    if (stored && stored.type === v.type && stored.value === value && stored.process_id === processId) return;
    const scope = this.kept.scopes.peek(scopeId);
    // An upsert, not INSERT OR REPLACE: with triggers on the table (onRowChange) SQLite carries out a REPLACE
    // as a delete and an insert, three times the cost of updating the row in place (a marking sets 15).
    this.db
      .prepare(
        'INSERT INTO wf_variable (scope_id, process_id, name, type, value) VALUES (?,?,?,?,?) ' +
          'ON CONFLICT (scope_id, name) DO UPDATE SET process_id = excluded.process_id, type = excluded.type, value = excluded.value'
      )
      .run(scopeId, processId, name, v.type, value);
    // Kept as written (the trigger has just dropped the old row): a listener reads back what it set, and the
    // next script's model (all the scope's variables) needs no second read.
    const row: VariableRow = { scope_id: scopeId, process_id: processId, name, type: v.type, value };
    this.kept.variables.set(key, row);
    if (scope) this.kept.scopes.set(scopeId, withVariable(scope, row));
  }
  deleteVariable(scopeId: string, name: string): boolean {
    const scope = this.kept.scopes.peek(scopeId);
    const deleted = this.db.prepare('DELETE FROM wf_variable WHERE scope_id = ? AND name = ?').run(scopeId, name).changes > 0;
    // Kept as now stored, as setVariable keeps what it wrote: a listener that removes a variable (each run-as
    // script removes eowf_actor) does not make the next script's model read the scope again.
    this.kept.variables.set(rowKey(scopeId, name), null);
    if (scope) this.kept.scopes.set(scopeId, deleted ? scope.filter((r) => r.name !== name) : scope);
    return deleted;
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

  // ------------------------------------------------------------------ deployments and definitions

  insertDeployment(d: DeploymentRow): void {
    this.db
      .prepare(
        'INSERT INTO wf_deployment (id, name, category, deployed_at, source_node_id, source_content_url, xml) VALUES (?,?,?,?,?,?,?)'
      )
      .run(d.id, d.name, d.category, d.deployed_at, d.source_node_id, d.source_content_url, d.xml);
  }
  /** The deployments made from a Data Dictionary definition node, oldest first. */
  deploymentsFromNode(nodeId: string): { id: string; source_content_url: string | null }[] {
    return this.db
      .prepare('SELECT id, source_content_url FROM wf_deployment WHERE source_node_id = ? ORDER BY CAST(id AS INTEGER)')
      .all(nodeId) as { id: string; source_content_url: string | null }[];
  }
  setDeploymentCategory(id: string, category: string): void {
    this.db.prepare('UPDATE wf_deployment SET category = ? WHERE id = ?').run(category, id);
  }
  /** The categories of the definitions a deployment holds. */
  definitionCategoriesOf(deploymentId: string): (string | null)[] {
    return this.db.prepare('SELECT category FROM wf_definition WHERE deployment_id = ?').pluck().all(deploymentId) as (string | null)[];
  }
  /** The version the next definition of this process key gets (1 for the first). */
  nextDefinitionVersion(key: string): number {
    return ((this.db.prepare('SELECT MAX(version) FROM wf_definition WHERE key = ?').pluck().get(key) as number | null) ?? 0) + 1;
  }
  insertDefinition(d: DefinitionRow): void {
    this.db
      .prepare(
        'INSERT INTO wf_definition (id, key, version, name, description, category, deployment_id, start_form_key, graphic) VALUES (?,?,?,?,?,?,?,?,?)'
      )
      .run(d.id, d.key, d.version, d.name, d.description, d.category, d.deployment_id, d.start_form_key, d.graphic);
  }
  /** Removes a deployment with its definitions and every process of them, running or finished (Activiti's cascade). */
  deleteDeployment(id: string): void {
    const defs = this.db.prepare('SELECT id FROM wf_definition WHERE deployment_id = ?').pluck().all(id) as string[];
    for (const d of defs)
      for (const p of this.db.prepare('SELECT id FROM wf_process WHERE definition_id = ?').pluck().all(d) as string[]) this.purgeProcess(p);
    this.db.prepare('DELETE FROM wf_definition WHERE deployment_id = ?').run(id);
    this.db.prepare('DELETE FROM wf_deployment WHERE id = ?').run(id);
  }
  /** Definition nodes (any type) marked bpm:definitionDeployed true and not in the trashcan. */
  nodesMarkedDeployed(): NodeRow[] {
    return this.db
      .prepare(
        "SELECT n.* FROM node n JOIN property p ON p.node_id = n.seq AND p.qname = 'bpm:definitionDeployed' AND p.text_value = 'true' WHERE n.archived_at IS NULL"
      )
      .all() as NodeRow[];
  }

  // ------------------------------------------------------------------ processes

  /** Every process, running or finished, in id order. */
  processes(): ProcessRow[] {
    return this.db.prepare('SELECT * FROM wf_process ORDER BY CAST(id AS INTEGER)').all() as ProcessRow[];
  }
  /** The running processes of a definition, oldest first. */
  runningProcessesOf(definitionId: string): ProcessRow[] {
    return this.db
      .prepare('SELECT * FROM wf_process WHERE definition_id = ? AND ended_at IS NULL ORDER BY started_at, id')
      .all(definitionId) as ProcessRow[];
  }
  insertProcess(p: Pick<ProcessRow, 'id' | 'definition_id' | 'business_key' | 'start_user_id' | 'started_at' | 'start_activity_id'>): void {
    this.db
      .prepare(
        'INSERT INTO wf_process (id, definition_id, business_key, start_user_id, started_at, start_activity_id) VALUES (?,?,?,?,?,?)'
      )
      .run(p.id, p.definition_id, p.business_key, p.start_user_id, p.started_at, p.start_activity_id);
  }
  /** The process reached an end event. */
  endProcess(id: string, at: string, endActivityId: string): void {
    this.db.prepare('UPDATE wf_process SET ended_at = ?, end_activity_id = ? WHERE id = ?').run(at, endActivityId, id);
  }
  /** The process was deleted while running; its history stays with the reason. */
  cancelProcess(id: string, at: string, reason: string): void {
    this.db.prepare('UPDATE wf_process SET ended_at = ?, delete_reason = ? WHERE id = ?').run(at, reason, id);
  }
  /** The process's history, step by step. */
  activities(processId: string): ActivityRow[] {
    return this.db.prepare('SELECT * FROM wf_activity WHERE process_id = ? ORDER BY seq').all(processId) as ActivityRow[];
  }
  /** Ends every step of the process still open. */
  endOpenActivities(processId: string, at: string): void {
    this.db.prepare('UPDATE wf_activity SET ended_at = ? WHERE process_id = ? AND ended_at IS NULL').run(at, processId);
  }

  // ------------------------------------------------------------------ packages

  /** Links a process to its package (bpm_package) as the process starts. */
  linkPackage(processId: string, packageId: string): void {
    this.db.prepare('INSERT INTO wf_package (process_id, node_id) VALUES (?,?)').run(processId, packageId);
  }
  /** The system folder below the store root holding the packages (sys:workflow), if made yet. */
  packagesFolder(rootId: string): NodeRow | undefined {
    return this.db.prepare("SELECT * FROM node WHERE parent_id = ? AND assoc_qname = 'sys:workflow'").get(rootId) as NodeRow | undefined;
  }
  /** Puts an item in a package (a secondary child association of the given type); once only. */
  addPackageItem(packageId: string, nodeId: string, assocType: string): void {
    this.db.prepare('INSERT OR IGNORE INTO child_assoc (parent_id, child_id, assoc_type) VALUES (?,?,?)').run(packageId, nodeId, assocType);
  }
  /** Takes an item out of a package; false when it was not in it. */
  removePackageItem(packageId: string, nodeId: string, assocType: string): boolean {
    return (
      this.db.prepare('DELETE FROM child_assoc WHERE parent_id = ? AND child_id = ? AND assoc_type = ?').run(packageId, nodeId, assocType)
        .changes > 0
    );
  }
  /** The package's items not in the trashcan, by name. */
  packageItems(packageId: string, assocType: string): NodeRow[] {
    return this.db
      .prepare(
        'SELECT n.* FROM child_assoc c JOIN node n ON n.id = c.child_id WHERE c.parent_id = ? AND c.assoc_type = ? AND n.archived_at IS NULL ORDER BY n.name_key'
      )
      .all(packageId, assocType) as NodeRow[];
  }

  // ------------------------------------------------------------------ task queries

  insertTask(
    t: Pick<
      TaskRow,
      | 'id'
      | 'process_id'
      | 'execution_id'
      | 'definition_id'
      | 'activity_id'
      | 'name'
      | 'description'
      | 'assignee'
      | 'owner'
      | 'priority'
      | 'due_at'
      | 'form_key'
      | 'started_at'
    >
  ): void {
    this.db
      .prepare(
        'INSERT INTO wf_task (id, process_id, execution_id, definition_id, activity_id, name, description, assignee, owner, priority, due_at, form_key, started_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)'
      )
      .run(
        t.id,
        t.process_id,
        t.execution_id,
        t.definition_id,
        t.activity_id,
        t.name,
        t.description,
        t.assignee,
        t.owner,
        t.priority,
        t.due_at,
        t.form_key,
        t.started_at
      );
  }
  /** Every task of a process, deleted ones included, open or ended. */
  tasksOfProcess(processId: string): TaskRow[] {
    return this.db.prepare('SELECT * FROM wf_task WHERE process_id = ?').all(processId) as TaskRow[];
  }
  /** The tasks of a process not deleted, in id order (GET /processes/{id}/tasks). */
  listedTasksOfProcess(processId: string): TaskRow[] {
    return this.db
      .prepare('SELECT * FROM wf_task WHERE process_id = ? AND (delete_reason IS NULL) ORDER BY CAST(id AS INTEGER)')
      .all(processId) as TaskRow[];
  }
  /** A user's assigned tasks, open or ended, oldest first (deleted ones included: the caller leaves them out). */
  tasksAssignedTo(userId: string, ended: boolean): TaskRow[] {
    return this.db
      .prepare(`SELECT * FROM wf_task WHERE assignee = ? AND ended_at IS ${ended ? 'NOT NULL' : 'NULL'} ORDER BY started_at, id`)
      .all(userId) as TaskRow[];
  }
  /** Open unassigned tasks offered (candidate links of the open tasks) to any of these authorities, oldest first. */
  pooledTasks(authorities: string[]): TaskRow[] {
    return this.db
      .prepare(
        'SELECT t.* FROM wf_task t WHERE t.ended_at IS NULL AND t.assignee IS NULL AND t.id IN (SELECT task_id FROM wf_open_candidate WHERE authority IN (SELECT value FROM json_each(?))) ORDER BY t.started_at, t.id'
      )
      .all(JSON.stringify(authorities)) as TaskRow[];
  }
  /**
   * How many rows a narrowing's index holds, counted up to `limit` (enough to tell an item's one process from
   * a post's pool). Only the pool and process-variable narrowings are counted.
   */
  narrowingSize(n: TaskNarrowing, limit: number): number {
    const { rows, params } = narrowingRows(n);
    return this.db
      .prepare(`SELECT count(*) FROM (${rows} LIMIT ${Math.trunc(limit)})`)
      .pluck()
      .get(...params) as number;
  }
  /**
   * The tasks not deleted, open, ended or either, that every narrowing keeps, in id order: one statement
   * whose WHERE holds the narrowings as given (the caller picks the one that leaves fewest rows).
   */
  tasksNarrowed(status: 'active' | 'completed' | 'any', narrowings: TaskNarrowing[]): TaskRow[] {
    const terms = [
      { sql: 't.delete_reason IS NULL', params: [] as unknown[] },
      ...(status === 'active'
        ? [{ sql: 't.ended_at IS NULL', params: [] }]
        : status === 'completed'
          ? [{ sql: 't.ended_at IS NOT NULL', params: [] }]
          : []),
      ...narrowings.map(narrowingTerm)
    ];
    return this.db
      .prepare(`SELECT t.* FROM wf_task t WHERE ${terms.map((x) => `(${x.sql})`).join(' AND ')} ORDER BY CAST(t.id AS INTEGER)`)
      .all(...terms.flatMap((x) => x.params)) as TaskRow[];
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
    for (const t of ['wf_variable', 'wf_activity', 'wf_execution', 'wf_package', 'wf_timer'])
      this.db.prepare(`DELETE FROM ${t} WHERE process_id = ?`).run(processId);
    this.db.prepare('DELETE FROM wf_task WHERE process_id = ?').run(processId);
    this.db.prepare('DELETE FROM wf_process WHERE id = ?').run(processId);
  }
}

/** A narrowing as a term of the task listing's WHERE (over wf_task t). */
function narrowingTerm(n: TaskNarrowing): { sql: string; params: unknown[] } {
  switch (n.by) {
    case 'process':
      return { sql: 't.process_id = ?', params: [n.processId] };
    case 'assignee':
      return { sql: 't.assignee = ?', params: [n.userId] };
    case 'groupPool':
    case 'pool':
    case 'processVariable': {
      const { rows, params } = narrowingRows(n);
      const column = n.by === 'processVariable' ? 't.process_id' : 't.id';
      const unassigned = n.by === 'processVariable' ? '' : "COALESCE(t.assignee, '') = '' AND ";
      return { sql: `${unassigned}${column} IN (${rows})`, params };
    }
    case 'involved':
      return {
        sql: "t.assignee = ? OR t.owner = ? OR t.id IN (SELECT task_id FROM wf_task_candidate WHERE authority = ? AND kind IN ('user', 'starter'))",
        params: [n.userId, n.userId, n.userId]
      };
  }
}

/** The indexed rows a pool or process-variable narrowing stands for (task ids, or process ids). */
function narrowingRows(n: TaskNarrowing): { rows: string; params: unknown[] } {
  switch (n.by) {
    case 'groupPool':
      return { rows: "SELECT task_id FROM wf_open_candidate WHERE authority = ? AND kind = 'group'", params: [n.group] };
    case 'pool':
      return {
        rows: 'SELECT task_id FROM wf_open_candidate WHERE authority IN (SELECT value FROM json_each(?)) AND kind = ?',
        params: [JSON.stringify(n.authorities), n.kind]
      };
    case 'processVariable':
      return {
        rows: 'SELECT process_id FROM wf_variable WHERE name = ? AND value = ? AND scope_id = process_id',
        params: [n.name, n.json]
      };
    default:
      throw new Error(`A ${n.by} narrowing is not counted`);
  }
}

/** Rows kept per kind at most. */
const KEPT_MAX = 10_000;
