import type { Caller } from '../auth/caller';
import type { WorkflowService } from './workflow-service';
import type { DefinitionRow, ProcessRow, TaskRow } from '../persistence/workflow-store';
import { JavaDate, JavaString, javaString, unwrapJava } from './java-host';
import { ScriptNode, type ScriptHost } from './script-node';
import { toScript, fromScript, qnameOfVariable } from './variables';

/**
 * The `workflow` root object (org.alfresco.repo.workflow.jscript.WorkflowManager) and the objects it gives:
 * JscriptWorkflowDefinition, JscriptWorkflowInstance and JscriptWorkflowTask. Ids carry the engine prefix
 * (`activiti$…`) as WorkflowService ids do; an id without it fails as BPMEngineRegistry.getEngineId does.
 * Java String getters come back wrapped (JavaString), boolean getters (isActive, isComplete …) as JS
 * booleans, Scriptable results as JS arrays: what Rhino makes of each declared return type.
 */

const ENGINE = 'activiti$';
/** repository.properties: system.workflow.maxGroupReviewers=0 (no limit). */
const MAX_GROUP_REVIEWERS = Number(process.env.EOFFICE_MAX_GROUP_REVIEWERS ?? 0);

function localId(id: unknown): string {
  const text = javaString(id);
  if (!text.startsWith(ENGINE)) throw new Error(`Workflow Component Id '${text}' does not contain engine id`);
  return text.slice(ENGINE.length);
}

const jstr = (v: string | null | undefined) => (v === null || v === undefined ? null : new JavaString(v));
const jdate = (v: string | null | undefined) => (v ? new JavaDate(new Date(v.replace(/\+0000$/, 'Z'))) : null);

/** The root object; the workflow service is looked up on first use (scripts rarely touch `workflow`). */
export function workflowManager(lookup: () => WorkflowService, host: ScriptHost) {
  return new ScriptWorkflowManager(lookup, host);
}

/**
 * A class, not an object literal of closures: every listener run is given one (its dozen closures, each also
 * named by the TypeScript loader, were a part of building every script's scope).
 */
class ScriptWorkflowManager {
  readonly #lookup: () => WorkflowService;
  readonly #host: ScriptHost;

  constructor(lookup: () => WorkflowService, host: ScriptHost) {
    this.#lookup = lookup;
    this.#host = host;
  }

  #definition(row: DefinitionRow | undefined) {
    return row ? new ScriptWorkflowDefinition(this.#lookup(), this.#host, row) : null;
  }
  #task(row: TaskRow | undefined) {
    return row && !row.delete_reason ? new ScriptWorkflowTask(this.#lookup(), this.#host, row) : null;
  }
  #myTasks(ended: boolean) {
    return this.#lookup()
      .store.tasksAssignedTo(this.#host.caller.userId, ended)
      .filter((t) => !t.delete_reason)
      .map((t) => this.#task(t)!);
  }

  get maxGroupReviewers() {
    return MAX_GROUP_REVIEWERS;
  }
  getMaxGroupReviewers() {
    return MAX_GROUP_REVIEWERS;
  }
  getDefinition(id: unknown) {
    return this.#definition(this.#lookup().store.definition(localId(id)));
  }
  /** By name: `activiti$<process key>`, the latest version. */
  getDefinitionByName(name: unknown) {
    return this.#definition(this.#lookup().store.latestDefinition(localId(name)));
  }
  getAllDefinitions() {
    return this.#lookup()
      .store.definitions()
      .map((d) => this.#definition(d)!);
  }
  getLatestDefinitions() {
    const latest = new Map<string, DefinitionRow>();
    for (const d of this.#lookup().store.definitions()) if ((latest.get(d.key)?.version ?? 0) < d.version) latest.set(d.key, d);
    return [...latest.values()].map((d) => this.#definition(d)!);
  }
  getAssignedTasks() {
    return this.#myTasks(false);
  }
  getCompletedTasks() {
    return this.#myTasks(true);
  }
  /** Unassigned tasks offered to the authority (a user or a group) or, for a user, to a group of theirs. */
  getPooledTasks(authority: unknown) {
    const who = javaString(authority);
    const service = this.#lookup();
    const authorities = who.startsWith('GROUP_') ? new Set([who]) : new Set([who, ...service.ctx.authorities.containingGroups(who)]);
    // The open tasks' candidate links (wf_open_candidate) of those authorities, users and groups alike.
    return service.store.pooledTasks([...authorities]).map((t) => this.#task(t)!);
  }
  getTask(id: unknown) {
    return this.#task(this.#lookup().store.task(localId(id)));
  }
  getTaskById(id: unknown) {
    return this.#task(this.#lookup().store.task(localId(id)));
  }
  getInstance(id: unknown) {
    const row = this.#lookup().store.process(localId(id));
    return row ? new ScriptWorkflowInstance(this.#lookup(), row, this.#host) : null;
  }
  /** A new, empty workflow package (bpm:package) in the system container. */
  createPackage() {
    return new ScriptNode(this.#host, this.#lookup().createPackage().id);
  }
}

class ScriptWorkflowDefinition {
  constructor(
    private readonly service: WorkflowService,
    private readonly host: ScriptHost,
    private readonly row: DefinitionRow
  ) {}
  get id() {
    return new JavaString(ENGINE + this.row.id);
  }
  get name() {
    return new JavaString(ENGINE + this.row.key);
  }
  get version() {
    return new JavaString(String(this.row.version));
  }
  get title() {
    return jstr(this.row.name);
  }
  get description() {
    return jstr(this.row.description);
  }
  get activeInstances() {
    return this.service.store.runningProcessesOf(this.row.id).map((p) => new ScriptWorkflowInstance(this.service, p));
  }
  /**
   * Starts a process of this definition with the package's items and the properties (QName keys, `bpm:assignee`
   * or `bpm_assignee`), as the current user. The process gets its own package holding the same items.
   */
  startWorkflow(pkgOrProps: unknown, props?: unknown): ScriptWorkflowPath {
    const pkg = pkgOrProps instanceof ScriptNode ? pkgOrProps : null;
    const given = (pkg ? props : pkgOrProps) ?? {};
    const variables: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(unwrapJava(given) as Record<string, unknown>)) {
      const name = javaString(k).replace(':', '_');
      variables[name] = restValue(unwrapJava(v));
    }
    const items = pkg ? pkg.children.map((c) => c.nodeId) : [];
    const process = this.service.start(this.host.caller, { processDefinitionId: this.row.id, variables, items });
    return new ScriptWorkflowPath(new ScriptWorkflowInstance(this.service, process));
  }
}

/** A script value as the REST start takes it: nodes by id, people by user name, dates in ISO form. */
function restValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(restValue);
  const stored = fromScript(v);
  return stored.value;
}

class ScriptWorkflowPath {
  constructor(
    readonly instance: ScriptWorkflowInstance,
    private readonly openTasks: () => ScriptWorkflowTask[] = () => []
  ) {}
  /** JscriptWorkflowPath.getTasks: the open tasks on this path. */
  get tasks(): ScriptWorkflowTask[] {
    return this.openTasks();
  }
  getTasks(): ScriptWorkflowTask[] {
    return this.tasks;
  }
  get id() {
    return new JavaString(`${String(this.instance.id)}-path`);
  }
  get active() {
    return this.instance.active;
  }
  isActive(): boolean {
    return this.instance.active;
  }
}

class ScriptWorkflowInstance {
  constructor(
    private readonly service: WorkflowService,
    private readonly row: ProcessRow,
    private readonly host?: ScriptHost
  ) {}
  /**
   * JscriptWorkflowInstance.getPaths (WorkflowService.getWorkflowPaths): the process's paths of execution.
   * Processes here run one token at a time in the movement definitions, so a live process has one path,
   * holding its open tasks (JscriptWorkflowPath.getTasks); an ended one has none.
   */
  get paths(): ScriptWorkflowPath[] {
    return this.active ? [new ScriptWorkflowPath(this, () => this.openTasks())] : [];
  }
  getPaths(): ScriptWorkflowPath[] {
    return this.paths;
  }
  private openTasks(): ScriptWorkflowTask[] {
    if (!this.host) return [];
    return this.service.store
      .activeTasksOfProcess(this.row.id)
      .filter((t) => !t.delete_reason)
      .map((t) => new ScriptWorkflowTask(this.service, this.host!, t));
  }
  private get fresh(): ProcessRow {
    return this.service.store.process(this.row.id) ?? this.row;
  }
  get id() {
    return new JavaString(ENGINE + this.row.id);
  }
  get description() {
    const v = this.service.store.variable(this.row.id, 'bpm_workflowDescription')?.value;
    return jstr(typeof v === 'string' ? v : null);
  }
  get active(): boolean {
    return !this.fresh.ended_at;
  }
  isActive(): boolean {
    return this.active;
  }
  get startDate() {
    return jdate(this.fresh.started_at);
  }
  get endDate() {
    return jdate(this.fresh.ended_at);
  }
  /** WorkflowService.cancelWorkflow: the process ends, its history stays. */
  cancel(): void {
    if (this.active) this.service.engine.cancelProcess(this.row.id, 'cancelled');
  }
  /** WorkflowService.deleteWorkflow: the process and its history go. */
  delete(): void {
    if (this.active) this.service.engine.cancelProcess(this.row.id, 'deleted');
    this.service.store.purgeProcess(this.row.id);
  }
  remove(): void {
    this.delete();
  }
}

class ScriptWorkflowTask {
  constructor(
    private readonly service: WorkflowService,
    private readonly host: ScriptHost,
    private readonly row: TaskRow
  ) {}
  private get fresh(): TaskRow {
    return this.service.store.task(this.row.id) ?? this.row;
  }
  get id() {
    return new JavaString(ENGINE + this.row.id);
  }
  get name() {
    return jstr(this.fresh.form_key ?? this.fresh.activity_id);
  }
  get title() {
    return jstr(this.fresh.name);
  }
  get description() {
    return jstr(this.fresh.description);
  }
  get complete(): boolean {
    return !!this.fresh.ended_at;
  }
  isComplete(): boolean {
    return this.complete;
  }
  get pooled(): boolean {
    return this.service.store.candidates(this.row.id).length > 0;
  }
  isPooled(): boolean {
    return this.pooled;
  }
  /** The task's properties by QName (its variables, nearest scope first, and its own fields). */
  get properties(): Record<string, unknown> {
    const t = this.fresh;
    const out: Record<string, unknown> = {};
    for (const [name, v] of this.service.engine.visibleVariables(t.execution_id, t.id)) {
      const q = qnameOfVariable(this.service.ctx.dictionary, name);
      if (q) out[q] = toScript(this.host, v);
    }
    Object.assign(out, {
      'bpm:taskId': Number(t.id),
      'bpm:description': t.description,
      'bpm:priority': t.priority,
      'bpm:dueDate': t.due_at ? new Date(t.due_at.replace(/\+0000$/, 'Z')) : null,
      'bpm:startDate': new Date(t.started_at.replace(/\+0000$/, 'Z')),
      'cm:owner': t.assignee
    });
    return out;
  }
  /**
   * JscriptWorkflowTask.setProperties: WorkflowService.updateTask with the given properties (under Rhino the
   * map read from `properties`, changed, and handed back). `cm:owner` is the task's assignee (null releases it
   * to its candidates), with the `assignment` listeners Activiti fires on TaskEntity.setAssignee. Every other
   * property given is saved as a task-local variable, as ActivitiPropertyConverter#setTaskProperties does
   * (`taskService.setVariablesLocal` with all that the handlers turn into variables, changed or not): a map
   * handed back whole leaves copies on the task that hide later changes of the process's variables, on ACS
   * and here alike. The task's own fields (id, description, priority, dates) must be as read: changing one is
   * refused rather than half done.
   */
  setProperties(props: unknown): void {
    const given = (unwrapJava(props) ?? {}) as Record<string, unknown>;
    const t = this.fresh;
    if (t.ended_at) throw new Error(`Task ${ENGINE}${t.id} is already completed`);
    const current = this.properties;
    const same = (a: unknown, b: unknown) =>
      a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : String(unwrapJava(a) ?? '') === String(unwrapJava(b) ?? '');
    const fields = new Set(['bpm:taskId', 'bpm:description', 'bpm:priority', 'bpm:dueDate', 'bpm:startDate']);
    let owner: string | null | undefined;
    const locals: [string, unknown][] = [];
    for (const key of Object.keys(given)) {
      const value = unwrapJava(given[key]);
      if (key === 'cm:owner' || key === '{http://www.alfresco.org/model/content/1.0}owner')
        owner = value === null || value === undefined || String(value) === '' ? null : String(value);
      else if (fields.has(key)) {
        if (!same(value, current[key])) throw new Error(`setProperties does not change the task's ${key} in this repository`);
      } else if (/^[a-z][a-z0-9]*:[A-Za-z_][\w-]*$/.test(key)) locals.push([key.replace(':', '_'), given[key]]);
      else throw new Error(`setProperties: ${key} is not a property name (prefix:name)`);
    }
    for (const [name, value] of locals) this.service.store.setVariable(t.id, t.process_id, name, fromScript(value));
    if (owner === undefined || owner === t.assignee) return;
    if (owner !== null && !this.service.ctx.authorities.person(owner)) throw new Error(`Unknown user: ${owner}`);
    this.service.store.updateTask(t.id, { assignee: owner });
    const engine = this.service.engine;
    engine.taskAssigned(engine.runFor(this.host.caller as Caller, t.process_id), this.service.store.task(t.id)!);
  }
  getProperties(): Record<string, unknown> {
    return this.properties;
  }
  get packageResources(): ScriptNode[] {
    return this.service.items(this.row.process_id).map((n) => new ScriptNode(this.host, n.id));
  }
  /** Ends the task as its listeners and the engine would on completion (Activiti has one transition). */
  endTask(_transitionId?: unknown): void {
    const t = this.fresh;
    if (t.ended_at) throw new Error(`Task ${ENGINE}${t.id} is already completed`);
    const engine = this.service.engine;
    engine.completeTask(engine.runFor(this.host.caller as Caller, t.process_id), t);
  }
}
