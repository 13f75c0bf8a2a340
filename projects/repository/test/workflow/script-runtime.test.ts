/**
 * Listener scripts see what Alfresco's Rhino gives them (docs/workflow-scripts.md, Script runtime): values from
 * Java methods are wrapped java.lang objects (a Boolean false is truthy, a String is never === ''), variables
 * in the root scope are JS primitives, Java lists have size()/get(i), node.permissions includes inherited
 * entries while directPermissions holds the node's own, inheritsPermissions() is a method, a task listener's
 * root scope has the execution's variables only, a d:noderef property reads as a ScriptNode, `person` has
 * no userName member (only properties.userName), and errors carry Rhino's ` (AlfrescoJS#<line>)` suffix.
 * Each script records what it saw in process variables; the test reads them through the REST API.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import type { AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { completeTask, entries, myTasks, startProcess, uploadDefinition, wf, bpmn, DELEGATE } from './support';

const TASK_LISTENER = 'org.alfresco.repo.workflow.activiti.tasklistener.ScriptTaskListener';
const field = (code: string) => `<activiti:field name="script"><activiti:string><![CDATA[${code}]]></activiti:string></activiti:field>`;
const runAs = `<activiti:field name="runAs"><activiti:string>admin</activiti:string></activiti:field>`;

/** Observes values, then waits in a task assigned to the starter whose completion listener observes more. */
const OBSERVER = bpmn(
  'eoObserver',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="observe"/>
  <serviceTask id="observe" activiti:class="${DELEGATE}"><extensionElements>${field(`
    // Each observation on its own: one that throws is recorded as such, the others still run.
    var seen = function (name, f) {
      var v;
      try {
        v = String(f());
      } catch (e) {
        v = 'threw ' + e.message;
      }
      execution.setVariable('seen_' + name, v);
    };
    execution.setVariable('eo_flag', false);
    var flag = execution.getVariable('eo_flag');
    seen('flagTruthy', function () { return flag ? 'yes' : 'no'; });
    seen('flagType', function () { return typeof flag; });
    seen('flagLooseFalse', function () { return flag == false; });
    var text = execution.getVariable('eo_text');
    seen('textType', function () { return typeof text; });
    seen('textStrictEmpty', function () { return text === ''; });
    seen('textLooseEmpty', function () { return text == ''; });
    seen('textLengthType', function () { return typeof text.length; });
    seen('globalTextType', function () { return typeof eo_text; });
    seen('globalNumberType', function () { return typeof eo_count; });
    var given = execution.getVariable('eo_given');
    seen('listSize', function () { return given.size(); });
    seen('listSecond', function () { return given.get(1); });
    seen('listItemType', function () { return typeof given.get(0); });
    seen('listIsArray', function () { return Array.isArray(given); });
    seen('javaType', function () { return typeof java; });
    seen('listLength', function () { return given.length; });
    seen('listIndexed', function () { return given[0]; });
    var folder = companyhome.createFolder('observed-' + execution.id);
    folder.setPermission('Consumer', 'GROUP_clerks');
    seen('inheritsType', function () { return typeof folder.inheritsPermissions; });
    seen('inherits', function () { return folder.inheritsPermissions(); });
    seen('all', function () { return folder.permissions.join('|'); });
    seen('direct', function () { return folder.directPermissions.join('|'); });
    seen('nameType', function () { return typeof folder.name; });
    var target = companyhome.createFolder('template-' + execution.id);
    folder.addAspect('cm:templatable', { 'cm:template': target });
    var template = folder.properties['cm:template'];
    seen('noderefType', function () { return typeof template; });
    seen('noderefIsNode', function () { return String(template.id) == String(target.id) && String(template.name) == String(target.name); });
    seen('personUserName', function () { return typeof person.userName; });
    seen('personPropertyUserName', function () { return person.properties.userName; });
    seen('groupAuthorityName', function () { return typeof people.getGroup('GROUP_clerks').authorityName; });
    execution.setVariable('seen_argumentsType', typeof arguments);
    // Nothing in the scope's prototypes leads to the repository's process (its Function makes code from text).
    seen('hostFunction', function () { return constructor.constructor('return typeof process')(); });
    // Left behind for the next script, which must not see them (each run is a new scope in ACS).
    eoUndeclared = 'left';
    this.eoOnThis = 'left';
  `)}${runAs}</extensionElements></serviceTask>
  <sequenceFlow id="f2" sourceRef="observe" targetRef="wait"/>
  <userTask id="wait" name="Wait" activiti:assignee="\${initiator.properties.userName}">
    <extensionElements><activiti:taskListener event="complete" class="${TASK_LISTENER}">${field(`
      execution.setVariable('seen_localInRoot', typeof eo_local);
      execution.setVariable('seen_localByTask', String(task.getVariableLocal('eo_local')));
      execution.setVariable('seen_assigneeType', typeof task.assignee);
      execution.setVariable('seen_priorityType', typeof task.priority);
      execution.setVariable('seen_undeclaredLater', typeof eoUndeclared);
      execution.setVariable('seen_onThisLater', typeof eoOnThis);
      // Rhino's standard objects are sealed in ACS: nothing is added to them (Rhino throws; here the
      // assignment is not made). A new value of a built-in one (JSON.stringify) stays in this run.
      Array.prototype.eoAdded = 'left';
      JSON.eoAdded = 'left';
      execution.setVariable('seen_arrayProtoNow', typeof [].eoAdded);
      execution.setVariable('seen_jsonNow', typeof JSON.eoAdded);
      JSON.stringify = function () { return 'left'; };
      execution.setVariable('seen_stringifyNow', JSON.stringify({ a: 1 }));
    `)}</activiti:taskListener></extensionElements>
  </userTask>
  <sequenceFlow id="f3" sourceRef="wait" targetRef="hold"/>
  <userTask id="hold" name="Hold" activiti:assignee="\${initiator.properties.userName}">
    <extensionElements><activiti:taskListener event="create" class="${TASK_LISTENER}">${field(`
      execution.setVariable('seen_arrayProtoLater', typeof [].eoAdded);
      execution.setVariable('seen_jsonLater', typeof JSON.eoAdded);
      execution.setVariable('seen_stringifyLater', JSON.stringify({ a: 1 }));
    `)}</activiti:taskListener></extensionElements>
  </userTask>
  <sequenceFlow id="f4" sourceRef="hold" targetRef="end"/>
  <endEvent id="end"/>`
);

/** Throws on its third line. */
const THROWER = bpmn(
  'eoThrower',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="fail"/>
  <serviceTask id="fail" activiti:class="${DELEGATE}"><extensionElements>${field(`var a = 1;
var b = 2;
throw new Error('The file is closed');`)}</extensionElements></serviceTask>
  <sequenceFlow id="f2" sourceRef="fail" targetRef="end"/>
  <endEvent id="end"/>`
);

/** A script that is not a program: Rhino refuses a return outside a function. */
const RETURNER = bpmn(
  'eoReturner',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="early"/>
  <serviceTask id="early" activiti:class="${DELEGATE}"><extensionElements>${field(`execution.setVariable('reached', true);
return;`)}</extensionElements></serviceTask>
  <sequenceFlow id="f2" sourceRef="early" targetRef="end"/>
  <endEvent id="end"/>`
);

describe('workflow: script runtime as Rhino runs it', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;
  let seen: Record<string, string>;

  const observed = async (processId: string) =>
    Object.fromEntries(
      entries<{ name: string; value: unknown }>(await wf(admin, 'GET', `/processes/${processId}/variables`))
        .filter((v) => v.name.startsWith('seen_'))
        .map((v) => [v.name.slice('seen_'.length), String(v.value)])
    );

  before(async () => {
    admin = await repo().api();
    await repo().createUser('fred');
    await repo().createUser('carla', { groups: ['GROUP_clerks'] });
    fred = await repo().api('fred', 'fred');
    await uploadDefinition(admin, 'observer.bpmn20.xml', OBSERVER);
    await uploadDefinition(admin, 'thrower.bpmn20.xml', THROWER);
    const process = await startProcess(fred, 'eoObserver', { eo_text: '', eo_count: 3, eo_given: ['ann', 'bob'] });
    const [task] = await myTasks(fred, process.id);
    await completeTask(fred, task.id, [{ name: 'eo_local', value: 'mine', type: 'd:text', scope: 'local' }]);
    seen = await observed(process.id);
  });

  it('a flag read back with getVariable is a java.lang.Boolean: truthy even when false, == false still true', () => {
    assert.deepEqual([seen.flagTruthy, seen.flagType, seen.flagLooseFalse], ['yes', 'object', 'true']);
  });

  it('a string read back is a java.lang.String: never === the empty string, == works, length is a method', () => {
    assert.deepEqual(
      [seen.textType, seen.textStrictEmpty, seen.textLooseEmpty, seen.textLengthType],
      ['object', 'false', 'true', 'function']
    );
  });

  it('variables in the root scope are JS primitives (Context.javaToJS)', () => {
    assert.deepEqual([seen.globalTextType, seen.globalNumberType], ['string', 'number']);
  });

  it('a list read back is a java.util.List: size() and get(i), not a JS array; its strings wrapped', () => {
    assert.deepEqual([seen.listSize, seen.listSecond, seen.listItemType, seen.listIsArray], ['2', 'bob', 'object', 'false']);
  });

  it('an uploaded definition runs sandboxed: no `java` global, a Java list without length or list[i]', () => {
    assert.deepEqual([seen.javaType, seen.listLength, seen.listIndexed], ['undefined', 'undefined', 'undefined']);
  });

  it('node.permissions lists inherited entries, directPermissions only the node’s own; inheritsPermissions() is a method', () => {
    assert.equal(seen.inheritsType, 'function');
    assert.equal(seen.inherits, 'true');
    assert.equal(seen.direct, 'ALLOWED;GROUP_clerks;Consumer');
    const all = seen.all.split('|');
    assert.ok(all.includes('ALLOWED;GROUP_clerks;Consumer'), seen.all);
    assert.ok(all.length > 1, `Company Home's own entries are inherited: ${seen.all}`);
    assert.equal(seen.nameType, 'object', 'ScriptNode.getName() is a java.lang.String');
  });

  it('a d:noderef property read through node.properties is a ScriptNode, as ScriptNode.getProperties converts it', () => {
    assert.deepEqual([seen.noderefType, seen.noderefIsNode], ['object', 'true']);
  });

  it('person and group are ScriptNodes: no userName or authorityName member, only their properties', () => {
    assert.deepEqual([seen.personUserName, seen.personPropertyUserName, seen.groupAuthorityName], ['undefined', 'admin', 'undefined']);
  });

  it('a task listener’s root scope has the execution’s variables, not the task’s local ones; task.assignee is a String object', () => {
    assert.deepEqual([seen.localInRoot, seen.localByTask], ['undefined', 'mine']);
    assert.deepEqual([seen.assigneeType, seen.priorityType], ['object', 'number']);
  });

  it('an error thrown by a script carries Rhino’s (AlfrescoJS#line) suffix', async () => {
    const e = await rejectionOf(startProcess(fred, 'eoThrower', {}));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /Error: The file is closed \(AlfrescoJS#3\)/);
  });

  it('no script sees what an earlier one left: names assigned undeclared or on this, changes to Array.prototype or JSON', () => {
    assert.deepEqual(
      [seen.undeclaredLater, seen.onThisLater, seen.arrayProtoLater, seen.jsonLater, seen.stringifyLater],
      ['undefined', 'undefined', 'undefined', 'undefined', '{"a":1}']
    );
  });

  it('the standard objects are sealed, as Rhino seals them in ACS: nothing is added to Array.prototype or JSON', () => {
    assert.deepEqual([seen.arrayProtoNow, seen.jsonNow], ['undefined', 'undefined']);
    // What a script may still do, give a built-in a new value, lasts for its own run only (above).
    assert.equal(seen.stringifyNow, 'left');
  });

  it('a script reaches nothing of the repository through its scope: `constructor.constructor` makes no code from text', () => {
    assert.match(seen.hostFunction, /^threw Code generation from strings disallowed/);
  });

  it('a script is a program, not a function body: no `arguments`, and a definition with a top-level return is refused', async () => {
    assert.equal(seen.argumentsType, 'undefined');
    const e = await rejectionOf(uploadDefinition(admin, 'returner.bpmn20.xml', RETURNER));
    assert.match(JSON.stringify(e), /could not be deployed: Illegal return statement/);
  });
});
