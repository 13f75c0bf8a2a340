import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads BPMN 2.0 XML in the Activiti dialect Alfresco's embedded engine deploys into the subset this
 * interpreter runs (see docs/workflow-scripts.md). Anything outside the subset is refused at deployment
 * with a message naming the element, so a definition never half-runs.
 */

export const SCRIPT_TASK_LISTENER = 'org.alfresco.repo.workflow.activiti.tasklistener.ScriptTaskListener';
export const SCRIPT_EXECUTION_LISTENER = 'org.alfresco.repo.workflow.activiti.listener.ScriptExecutionListener';
export const SCRIPT_DELEGATE = 'org.alfresco.repo.workflow.activiti.script.AlfrescoScriptDelegate';

export class BpmnError extends Error {}

export interface Listener {
  event: string;
  /** Repository JavaScript (ScriptTaskListener / ScriptExecutionListener). */
  script?: string;
  /** A `${...}` expression evaluated for its side effects (activiti:expression). */
  expression?: string;
  /** activiti:field name="runAs": the user the script runs as. */
  runAs?: string;
}

export interface MultiInstance {
  sequential: boolean;
  collection?: string;
  elementVariable?: string;
  cardinality?: string;
  completionCondition?: string;
}

export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'scriptTask'
  | 'serviceTask'
  | 'manualTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'boundaryEvent';

/** A timer boundary event: `timeDuration` (ISO 8601 period) or `timeDate` (ISO 8601 date-time), may be `${...}`. */
export interface BoundaryTimer {
  attachedTo: string;
  /** cancelActivity (default true): the timer ends the task; otherwise a new token leaves and the task stays. */
  cancelActivity: boolean;
  kind: 'timeDuration' | 'timeDate';
  expression: string;
}

export interface FlowNode {
  id: string;
  kind: NodeKind;
  name?: string;
  documentation?: string;
  formKey?: string;
  incoming: string[];
  /** Flow ids in document order: exclusive gateways take the first whose condition holds. */
  outgoing: string[];
  defaultFlow?: string;
  assignee?: string;
  candidateUsers: string[];
  candidateGroups: string[];
  dueDate?: string;
  priority?: string;
  taskListeners: Listener[];
  executionListeners: Listener[];
  script?: { text: string; runAs?: string };
  multiInstance?: MultiInstance;
  /** terminateEventDefinition on an end event ends every token of the process. */
  terminate?: boolean;
  /** Ids of the boundary events attached to this (user) task. */
  boundaryEvents: string[];
  timer?: BoundaryTimer;
}

export interface SequenceFlow {
  id: string;
  source: string;
  target: string;
  name?: string;
  condition?: string;
  executionListeners: Listener[];
}

export interface ProcessModel {
  key: string;
  name?: string;
  documentation?: string;
  category?: string;
  startFormKey?: string;
  startEventId: string;
  nodes: Map<string, FlowNode>;
  flows: Map<string, SequenceFlow>;
  executionListeners: Listener[];
  hasDiagram: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the XML parser's untyped tree, read field by field
type X = Record<string, any>;

const REPEATED = new Set([
  'process',
  'sequenceFlow',
  'startEvent',
  'endEvent',
  'userTask',
  'scriptTask',
  'serviceTask',
  'manualTask',
  'exclusiveGateway',
  'parallelGateway',
  'boundaryEvent',
  'taskListener',
  'executionListener',
  'field',
  'BPMNDiagram',
  'potentialOwner',
  'documentation'
]);
const UNSUPPORTED = [
  'subProcess',
  'callActivity',
  'inclusiveGateway',
  'eventBasedGateway',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'receiveTask',
  'sendTask',
  'businessRuleTask',
  'transaction',
  'complexGateway'
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  trimValues: true,
  isArray: (tag) => REPEATED.has(tag)
});

const text = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && '#text' in (v as X)) return String((v as X)['#text']);
  return undefined;
};

const list = (v: unknown): X[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as X[];
const csv = (v: string | undefined): string[] => (v ? splitTopLevel(v) : []);

/** Splits "a, ${b, c}, d" on commas outside `${...}`. */
function splitTopLevel(v: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of v) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.filter(Boolean);
}

function fields(el: X): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of list(el.field)) {
    const value = f['@_stringValue'] ?? f['@_expression'] ?? text(f.string) ?? text(f.expression);
    if (f['@_name'] && value !== undefined) out[f['@_name']] = value;
  }
  return out;
}

function listener(el: X, where: string, kind: 'task' | 'execution'): Listener {
  const event = el['@_event'] ?? (kind === 'execution' ? 'take' : 'create');
  const cls = el['@_class'];
  if (el['@_expression']) return { event, expression: el['@_expression'] };
  if (el['@_delegateExpression']) throw new BpmnError(`${where}: delegateExpression listeners are not supported`);
  const f = fields(el);
  if (cls === SCRIPT_TASK_LISTENER || cls === SCRIPT_EXECUTION_LISTENER) {
    if (!f.script) throw new BpmnError(`${where}: script listener without a script field`);
    return { event, script: f.script, runAs: f.runAs };
  }
  throw new BpmnError(
    `${where}: listener class ${cls ?? '(none)'} is not supported; use ${kind === 'task' ? SCRIPT_TASK_LISTENER : SCRIPT_EXECUTION_LISTENER}`
  );
}

function extensionListeners(el: X, where: string) {
  const ext = (el.extensionElements ?? {}) as X;
  return {
    taskListeners: list(ext.taskListener).map((l) => listener(l, where, 'task')),
    executionListeners: list(ext.executionListener).map((l) => listener(l, where, 'execution'))
  };
}

function formalExpressions(owner: unknown): string[] {
  return list(owner).flatMap((o) => csv(text(o?.resourceAssignmentExpression?.formalExpression)));
}

function documentation(el: X): string | undefined {
  const d = list(el.documentation)
    .map((x) => text(x) ?? (typeof x === 'string' ? x : ''))
    .join('\n')
    .trim();
  return d || undefined;
}

/** Parses a BPMN file; every executable process in it becomes a ProcessModel. */
export function parseBpmn(xml: string): ProcessModel[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new BpmnError(`Invalid XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(xml) as X;
  const defs = doc.definitions as X | undefined;
  if (!defs) throw new BpmnError('Not a BPMN 2.0 document: no <definitions> element');
  const processes = list(defs.process).filter((p) => p['@_isExecutable'] !== 'false');
  if (!processes.length) throw new BpmnError('The document has no executable <process>');
  const diagrams = new Set(list(defs.BPMNDiagram).map((d) => d?.BPMNPlane?.['@_bpmnElement']));
  return processes.map((p) => parseProcess(p, defs['@_targetNamespace'], diagrams.has(p['@_id'])));
}

function parseProcess(p: X, category: string | undefined, hasDiagram: boolean): ProcessModel {
  const key = p['@_id'];
  if (!key) throw new BpmnError('A <process> has no id');
  for (const u of UNSUPPORTED)
    if (p[u] !== undefined) throw new BpmnError(`Process ${key}: <${u}> is not supported by this repository's workflow engine`);
  const nodes = new Map<string, FlowNode>();
  const add = (kind: NodeKind, el: X) => {
    const id = el['@_id'];
    if (!id) throw new BpmnError(`Process ${key}: a <${kind}> has no id`);
    if (nodes.has(id)) throw new BpmnError(`Process ${key}: duplicate id ${id}`);
    const where = `Process ${key}, ${kind} ${id}`;
    const { taskListeners, executionListeners } = extensionListeners(el, where);
    const node: FlowNode = {
      id,
      kind,
      name: el['@_name'],
      documentation: documentation(el),
      formKey: el['@_formKey'],
      incoming: [],
      outgoing: [],
      defaultFlow: el['@_default'],
      candidateUsers: [],
      candidateGroups: [],
      taskListeners,
      executionListeners,
      boundaryEvents: []
    };
    if (kind === 'userTask') readUserTask(node, el, where);
    if (kind === 'scriptTask') {
      const format = (el['@_scriptFormat'] ?? 'javascript').toLowerCase();
      if (!['javascript', 'js', 'ecmascript'].includes(format)) throw new BpmnError(`${where}: script format ${format} is not supported`);
      node.script = { text: text(el.script) ?? '', runAs: fields(el.extensionElements ?? {}).runAs };
    }
    if (kind === 'serviceTask') {
      if (el['@_class'] !== SCRIPT_DELEGATE)
        throw new BpmnError(`${where}: only serviceTasks with activiti:class="${SCRIPT_DELEGATE}" are supported`);
      const f = fields(el.extensionElements ?? {});
      if (!f.script) throw new BpmnError(`${where}: AlfrescoScriptDelegate without a script field`);
      node.script = { text: f.script, runAs: f.runAs };
    }
    if (kind === 'endEvent' && el.terminateEventDefinition !== undefined) node.terminate = true;
    if (kind === 'boundaryEvent') node.timer = readBoundaryTimer(el, where);
    if (
      (kind === 'startEvent' || kind === 'endEvent') &&
      (el.timerEventDefinition || el.messageEventDefinition || el.signalEventDefinition || el.errorEventDefinition)
    ) {
      throw new BpmnError(`${where}: event definitions other than terminate are not supported`);
    }
    nodes.set(id, node);
  };
  for (const kind of [
    'startEvent',
    'endEvent',
    'userTask',
    'scriptTask',
    'serviceTask',
    'manualTask',
    'exclusiveGateway',
    'parallelGateway',
    'boundaryEvent'
  ] as NodeKind[]) {
    for (const el of list(p[kind])) add(kind, el);
  }
  for (const n of nodes.values()) {
    if (!n.timer) continue;
    const host = nodes.get(n.timer.attachedTo);
    if (host?.kind !== 'userTask')
      throw new BpmnError(
        `Process ${key}, boundaryEvent ${n.id}: attachedToRef must name a userTask of the process (found ${n.timer.attachedTo})`
      );
    host.boundaryEvents.push(n.id);
  }
  const flows = new Map<string, SequenceFlow>();
  for (const f of list(p.sequenceFlow)) {
    const id = f['@_id'];
    const flow: SequenceFlow = {
      id,
      source: f['@_sourceRef'],
      target: f['@_targetRef'],
      name: f['@_name'],
      condition: text(f.conditionExpression)?.trim() || undefined,
      executionListeners: extensionListeners(f, `Process ${key}, sequenceFlow ${id}`).executionListeners
    };
    const source = nodes.get(flow.source);
    const target = nodes.get(flow.target);
    if (!id || !source || !target)
      throw new BpmnError(`Process ${key}: sequenceFlow ${id ?? '(no id)'} joins unknown elements ${flow.source} -> ${flow.target}`);
    if (target.kind === 'boundaryEvent')
      throw new BpmnError(`Process ${key}: sequenceFlow ${id} cannot lead into boundaryEvent ${target.id}`);
    flows.set(id, flow);
    source.outgoing.push(id);
    target.incoming.push(id);
  }
  const starts = [...nodes.values()].filter((n) => n.kind === 'startEvent');
  if (starts.length !== 1) throw new BpmnError(`Process ${key}: exactly one startEvent is supported (found ${starts.length})`);
  for (const n of nodes.values()) {
    if (n.kind !== 'endEvent' && !n.outgoing.length) throw new BpmnError(`Process ${key}: ${n.kind} ${n.id} has no outgoing sequence flow`);
    if (
      n.kind !== 'exclusiveGateway' &&
      n.kind !== 'parallelGateway' &&
      n.outgoing.some((f) => flows.get(f)!.condition) &&
      n.outgoing.length > 1
    ) {
      throw new BpmnError(`Process ${key}: conditional flows leave ${n.id}; put an exclusiveGateway there`);
    }
  }
  return {
    key,
    name: p['@_name'],
    documentation: documentation(p),
    category,
    startFormKey: starts[0].formKey,
    startEventId: starts[0].id,
    nodes,
    flows,
    executionListeners: extensionListeners(p, `Process ${key}`).executionListeners,
    hasDiagram
  };
}

/**
 * A boundary event this engine can run: a timer with timeDuration or timeDate on a user task. Cycles and error,
 * message or signal boundary events are refused at deployment rather than deployed and never fired.
 */
function readBoundaryTimer(el: X, where: string): BoundaryTimer {
  const timer = el.timerEventDefinition as X | undefined;
  if (timer === undefined) throw new BpmnError(`${where}: only timer boundary events are supported`);
  const def = (typeof timer === 'object' ? timer : {}) as X;
  if (def.timeCycle !== undefined) throw new BpmnError(`${where}: timeCycle timers are not supported; use timeDuration or timeDate`);
  const kind = def.timeDuration !== undefined ? 'timeDuration' : def.timeDate !== undefined ? 'timeDate' : undefined;
  const expression = kind && text(def[kind])?.trim();
  // Activiti's TimerDeclarationImpl: "Timer '<id>' was not configured with a valid duration/time".
  if (!kind || !expression) throw new BpmnError(`${where}: the timer was not configured with a valid duration/time`);
  return { attachedTo: el['@_attachedToRef'], cancelActivity: el['@_cancelActivity'] !== 'false', kind, expression };
}

function readUserTask(node: FlowNode, el: X, where: string): void {
  node.assignee = el['@_assignee'];
  node.candidateUsers = csv(el['@_candidateUsers']);
  node.candidateGroups = csv(el['@_candidateGroups']);
  node.dueDate = el['@_dueDate'];
  node.priority = el['@_priority'];
  const performer = formalExpressions(el.humanPerformer);
  if (performer.length) node.assignee = performer[0];
  // potentialOwner: user(x) / group(x); a bare entry is a group, as in Activiti.
  for (const entry of formalExpressions(el.potentialOwner)) {
    const m = /^(user|group)\((.*)\)$/.exec(entry);
    if (m?.[1] === 'user') node.candidateUsers.push(m[2].trim());
    else node.candidateGroups.push(m ? m[2].trim() : entry);
  }
  const mi = el.multiInstanceLoopCharacteristics as X | undefined;
  if (mi !== undefined) {
    const m = (typeof mi === 'object' ? mi : {}) as X;
    node.multiInstance = {
      sequential: m['@_isSequential'] === 'true',
      collection: m['@_collection'] ?? text(m.loopDataInputRef),
      elementVariable: m['@_elementVariable'] ?? m.inputDataItem?.['@_name'],
      cardinality: text(m.loopCardinality),
      completionCondition: text(m.completionCondition)
    };
    if (!node.multiInstance.collection && !node.multiInstance.cardinality)
      throw new BpmnError(`${where}: multi-instance needs activiti:collection or loopCardinality`);
  }
}
